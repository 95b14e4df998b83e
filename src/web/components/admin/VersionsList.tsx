/** Published versions with their differences; export any of them, import a file into my draft. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSource, ProfileVersionView } from '../../../shared/administration.ts';
import { useApi } from '../../api/context.ts';
import { DateTime } from '../DateTime.tsx';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { DiffList } from './DiffList.tsx';

/** Most bytes of an imported file: a profile source is at most 1,000,000 characters. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export function VersionsList({ onImport }: { onImport: (source: ProfileSource) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [versions, setVersions] = useState<ProfileVersionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .profileVersions()
      .then(setVersions)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);

  async function importFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setError(t('admin.versions.tooLarge'));
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return setError(t('admin.versions.notProfile'));
      onImport(parsed as ProfileSource);
    } catch (e) {
      setError(t('admin.versions.notJson', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-import`}>{t('admin.versions.import')}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
        <p className="hint">{t('admin.versions.importHint')}</p>
      </div>
      <ErrorMessage message={error} />
      {versions === null ? null : (
        <ul className="admin-list">
          {versions.map((v) => (
            <li key={v.number} className="admin-item">
              <p>
                <strong>{t('admin.versions.number', { number: v.number })}</strong> ·{' '}
                {v.publishedAt ? <DateTime iso={v.publishedAt} /> : null} ·{' '}
                {t('admin.versions.by', { name: v.publishedBy ?? '—' })}
                {v.approvedBy ? ` · ${t('admin.versions.approvedBy', { name: v.approvedBy })}` : null}
              </p>
              {v.note ? <p dir="auto">{v.note}</p> : null}
              <DiffList diff={v.diff} />
              <a className="button button--secondary" href={api.profileExportUrl(v.number)} download>
                {t('admin.versions.export', { number: v.number })}
              </a>
            </li>
          ))}
          <li className="admin-item">
            <p>
              <strong>{t('admin.versions.number', { number: 0 })}</strong> · {t('admin.versions.files')}
            </p>
            <a className="button button--secondary" href={api.profileExportUrl(0)} download>
              {t('admin.versions.export', { number: 0 })}
            </a>
          </li>
        </ul>
      )}
    </>
  );
}
