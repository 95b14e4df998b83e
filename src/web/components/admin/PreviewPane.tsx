/**
 * The public start page or a category's form as the draft would publish it, in a chosen language, shown in a
 * sandboxed frame: no script runs and nothing can be submitted from it (same origin only so that the public
 * stylesheet loads; without `allow-scripts` that gives the page no power).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES } from '../../../i18n/languages.ts';
import { useApi } from '../../api/context.ts';
import { getIn, textIn } from '../../lib/draft.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { useDraft } from './draft-context.ts';

export function PreviewPane() {
  const { t } = useTranslation();
  const api = useApi();
  const { source, languages } = useDraft();
  const id = useId();
  const categories = (getIn(source, ['categories']) as { id?: string; title?: unknown }[] | undefined) ?? [];
  const [page, setPage] = useState('');
  const [language, setLanguage] = useState(languages[0]!);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function show() {
    setBusy(true);
    setError(null);
    try {
      setHtml(await api.preview(source, page || undefined, language));
    } catch (e) {
      setHtml(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="admin-preview">
      <div className="admin-row">
        <div className="field">
          <label htmlFor={`${id}-page`}>{t('admin.preview.page')}</label>
          <select id={`${id}-page`} value={page} onChange={(e) => setPage(e.target.value)}>
            <option value="">{t('admin.preview.startPage')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {textIn(c.title, languages[0]!, languages[0]!) || c.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('admin.preview.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {isLanguage(l) ? LANGUAGE_NAMES[l] : l}
              </option>
            ))}
          </select>
        </div>
        <div className="field admin-row__end">
          <button type="button" className="button" onClick={() => void show()} disabled={busy}>
            {t('admin.preview.show')}
          </button>
        </div>
      </div>
      <ErrorMessage message={error ?? undefined} />
      {html !== null ? (
        <iframe
          className="admin-preview__frame"
          title={t('admin.preview.frameTitle')}
          sandbox="allow-same-origin"
          srcDoc={html}
        />
      ) : null}
    </div>
  );
}
