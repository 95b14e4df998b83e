/** Changes waiting for a second administrator (approve, reject, or withdraw my own) and recent decisions. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChangeView } from '../../../shared/administration.ts';
import { useApi } from '../../api/context.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { DateTime } from '../DateTime.tsx';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { FormFeedback } from '../FormFeedback.tsx';
import { DiffList } from './DiffList.tsx';

export function ChangesList({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [changes, setChanges] = useState<AdminChangeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, error: actionError, notice, run } = useSubmit();

  const load = useCallback(() => {
    api
      .adminChanges()
      .then(setChanges)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  useEffect(load, [load]);

  async function act(change: AdminChangeView, how: 'approve' | 'reject' | 'withdraw') {
    await run(async () => {
      if (how === 'approve') {
        const outcome = await api.approveChange(change.id);
        onApplied();
        load();
        return outcome.outcome === 'applied' && outcome.versionNumber
          ? t('admin.changes.publishedAs', { number: outcome.versionNumber })
          : t('admin.changes.applied');
      }
      if (how === 'reject') await api.rejectChange(change.id, '');
      else await api.withdrawChange(change.id);
      load();
      return how === 'reject' ? t('admin.changes.rejected') : t('admin.changes.withdrawn');
    }, t('admin.changes.failed'));
  }

  if (error) return <ErrorMessage message={error} />;
  if (changes === null) return <p role="status">{t('app.loading')}</p>;
  return (
    <>
      <FormFeedback error={actionError} notice={notice} />
      {changes.length === 0 ? <p>{t('admin.changes.none')}</p> : null}
      <ul className="admin-list">
        {changes.map((c) => (
          <li key={c.id} className="admin-item">
            <p>
              <strong dir="auto">{c.subject}</strong> · {t(`admin.changes.status.${c.status}`)}
            </p>
            <p className="hint">
              {t('admin.changes.requested', { name: c.requestedBy })} <DateTime iso={c.requestedAt} />
              {c.decidedBy ? ` · ${t('admin.changes.decided', { name: c.decidedBy })}` : null}
            </p>
            {c.note ? <p dir="auto">{c.note}</p> : null}
            <DiffList diff={c.diff} />
            {c.status === 'pending' ? (
              <div className="admin-tools">
                {c.mine ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    onClick={() => void act(c, 'withdraw')}
                  >
                    {t('admin.changes.withdraw')}
                  </button>
                ) : (
                  <>
                    <button type="button" className="button" disabled={busy} onClick={() => void act(c, 'approve')}>
                      {t('admin.changes.approve')}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busy}
                      onClick={() => void act(c, 'reject')}
                    >
                      {t('admin.changes.reject')}
                    </button>
                  </>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
