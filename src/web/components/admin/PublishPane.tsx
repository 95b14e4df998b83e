/**
 * Publishing my draft: what it changes, what must be fixed first, whether it waits for a second administrator
 * (and why, or why not with one administrator), a note, and Publish or Discard.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminProfileView, ProfileDraftView } from '../../../shared/administration.ts';
import { useApi } from '../../api/context.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { FormFeedback } from '../FormFeedback.tsx';
import { DiffList } from './DiffList.tsx';

interface Props {
  view: AdminProfileView;
  draft: ProfileDraftView | null;
  /** Typing not yet saved: publishing waits for the save. */
  saving: boolean;
  baseNumber: number;
  onSaveNow: () => Promise<void>;
  onPublished: () => void;
  onDiscarded: () => void;
}

export function PublishPane({ view, draft, saving, baseNumber, onSaveNow, onPublished, onDiscarded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, notice, run } = useSubmit();

  async function publish() {
    await run(async () => {
      if (saving) await onSaveNow();
      const outcome = await api.publish(baseNumber, note);
      setNote('');
      onPublished();
      return outcome.outcome === 'applied'
        ? t('admin.publish.published', { number: outcome.versionNumber ?? 0 })
        : t('admin.publish.waiting');
    }, t('admin.publish.failed'));
  }

  async function discard() {
    await run(async () => {
      await api.discardDraft();
      onDiscarded();
      return t('admin.publish.discarded');
    }, t('admin.publish.failed'));
  }

  return (
    <section className="admin-publish" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('admin.publish.heading')}</h3>
      <FormFeedback error={error} notice={notice} />
      {!draft ? (
        <p>{t('admin.publish.noDraft')}</p>
      ) : (
        <>
          {draft.problems.length > 0 ? (
            <div className="admin-problem-summary">
              <p>
                <strong>{t('admin.problemCount', { count: draft.problems.length })}</strong> —{' '}
                {t('admin.publish.fixFirst')}
              </p>
              <ul>
                {draft.problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <code dir="ltr">{p.path || '—'}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <h4>{t('admin.publish.changes')}</h4>
          <DiffList diff={draft.diff} />
          <p className="admin-approval-note">
            {view.administrators === 1
              ? t('admin.publish.oneAdministrator')
              : draft.needsApproval
                ? t('admin.publish.needsApproval')
                : t('admin.publish.wordingOnly')}
          </p>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('admin.publish.note')}</label>
            <textarea
              id={`${id}-note`}
              dir="auto"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="admin-tools">
            <button
              type="button"
              className="button"
              disabled={busy || draft.problems.length > 0 || draft.diff.length === 0}
              onClick={() => void publish()}
            >
              {view.administrators > 1 && draft.needsApproval ? t('admin.publish.submit') : t('admin.publish.publish')}
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void discard()}>
              {t('admin.publish.discard')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
