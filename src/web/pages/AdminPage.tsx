/**
 * The administration: the authority's texts, channels, categories with their questionnaires and policies, and
 * notice templates, edited as a draft that saves itself as typed; a preview of the public pages; publication
 * (at once, or waiting for a second administrator); the changes waiting; and the published versions.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminProfileView, ProfileDraftView, ProfileSource } from '../../shared/administration.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { CategoriesEditor } from '../components/admin/CategoriesEditor.tsx';
import { ChangesList } from '../components/admin/ChangesList.tsx';
import { ChannelsEditor } from '../components/admin/ChannelsEditor.tsx';
import { DraftContext, type DraftEditor } from '../components/admin/draft-context.ts';
import { NoticesEditor } from '../components/admin/NoticesEditor.tsx';
import { PreviewPane } from '../components/admin/PreviewPane.tsx';
import { PublishPane } from '../components/admin/PublishPane.tsx';
import { TextsEditor } from '../components/admin/TextsEditor.tsx';
import { VersionsList } from '../components/admin/VersionsList.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { getIn, setIn, sourceLanguages, type Segment } from '../lib/draft.ts';

const TABS = ['categories', 'texts', 'channels', 'notices', 'publish', 'changes', 'versions'] as const;
type Tab = (typeof TABS)[number];
/** Milliseconds after the last keystroke before the draft is saved. */
const SAVE_DELAY = 800;

export function AdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.heading'));
  const api = useApi();
  const [view, setView] = useState<AdminProfileView | null>(null);
  const [source, setSource] = useState<ProfileSource | null>(null);
  const [draft, setDraft] = useState<ProfileDraftView | null>(null);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('categories');
  const baseNumber = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<ProfileSource | null>(null);

  const load = useCallback(() => {
    api
      .adminProfile()
      .then((v) => {
        setView(v);
        setDraft(v.draft);
        baseNumber.current = v.draft?.baseNumber ?? v.published.number;
        setSource(v.draft?.source ?? v.published.source);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  useEffect(load, [load]);

  const save = useCallback(async () => {
    const next = latest.current;
    if (!next) return;
    setSaving('saving');
    try {
      setDraft(await api.saveDraft(next, baseNumber.current));
      setSaving(latest.current === next ? 'saved' : 'pending');
    } catch (e) {
      setSaving('failed');
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  const edit = useCallback(
    (next: ProfileSource) => {
      latest.current = next;
      setSource(next);
      setSaving('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY);
    },
    [save],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const set = useCallback(
    (path: readonly Segment[], next: unknown) => {
      setSource((current) => {
        if (!current) return current;
        const value = typeof next === 'function' ? (next as (v: unknown) => unknown)(getIn(current, path)) : next;
        const updated = setIn(current, path, value);
        latest.current = updated;
        return updated;
      });
      setSaving('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY);
    },
    [save],
  );

  if (error && !view) return <ErrorMessage message={t('admin.loadFailed', { message: error })} />;
  if (!view || !source) return <p role="status">{t('app.loading')}</p>;

  const editor: DraftEditor = { source, languages: sourceLanguages(source), problems: draft?.problems ?? [], set };
  const pending = saving === 'pending' || saving === 'saving';

  return (
    <DraftContext value={editor}>
      <PageHeading>{t('admin.heading')}</PageHeading>
      <p className="hint">
        {t('admin.published', { number: view.published.number })}{' '}
        {view.administrators === 1
          ? t('admin.oneAdministrator')
          : t('admin.twoAdministrators', { count: view.administrators })}
      </p>
      <div className="admin-status" role="status">
        {saving === 'saving' || saving === 'pending'
          ? t('admin.saving')
          : saving === 'saved'
            ? t('admin.saved')
            : saving === 'failed'
              ? t('admin.saveFailed')
              : draft
                ? t('admin.draftKept')
                : t('admin.noDraft')}
        {draft && draft.problems.length > 0 ? ` · ${t('admin.problemCount', { count: draft.problems.length })}` : null}
        {draft ? ` · ${t('admin.differenceCount', { count: draft.diff.length })}` : null}
      </div>
      <ErrorMessage message={view && error ? error : null} />
      <div className="admin-tabs" role="tablist" aria-label={t('admin.tabsLabel')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`admin-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="admin-panel"
            className={tab === name ? 'admin-tab admin-tab--current' : 'admin-tab'}
            onClick={() => setTab(name)}
          >
            {t(`admin.tab.${name}`)}
          </button>
        ))}
      </div>
      <section id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`} className="admin-panel">
        {tab === 'categories' ? <CategoriesEditor /> : null}
        {tab === 'texts' ? <TextsEditor /> : null}
        {tab === 'channels' ? <ChannelsEditor /> : null}
        {tab === 'notices' ? <NoticesEditor /> : null}
        {tab === 'publish' ? (
          <>
            <PreviewPane />
            <PublishPane
              view={view}
              draft={draft}
              saving={pending}
              baseNumber={baseNumber.current}
              onSaveNow={save}
              onPublished={() => {
                latest.current = null;
                load();
              }}
              onDiscarded={() => {
                latest.current = null;
                load();
              }}
            />
          </>
        ) : null}
        {tab === 'changes' ? <ChangesList onApplied={load} /> : null}
        {tab === 'versions' ? (
          <VersionsList
            onImport={(imported) => {
              edit(imported);
              setTab('publish');
            }}
          />
        ) : null}
      </section>
    </DraftContext>
  );
}
