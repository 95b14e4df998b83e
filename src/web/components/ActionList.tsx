import type { ActionView } from '../../shared/actions.ts';
import { actionKindLabel } from '../lib/actions.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

/** The enforcement actions recorded on a case, oldest first, each with its officers, documents and recording. */
export function ActionList({ actions }: { actions: ActionView[] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p className="muted">{t('actionList.none')}</p>;
  return (
    <ol className="history">
      {actions.map((a) => (
        <li key={a.id} className="history-event">
          <p className="history-line">
            <strong>{actionKindLabel(a.kind)}</strong> · <DateTime iso={a.at} /> · <bdi>{a.place}</bdi>
          </p>
          <dl className="answers">
            <div>
              <dt>{t('actionList.officers')}</dt>
              <dd>
                {a.officers.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? t('actionList.separator') : null}
                    <bdi>{o.displayName}</bdi>
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t('actionForm.credentials')}</dt>
              <dd className="answer-text" dir="auto">
                {a.credentialsShown}
              </dd>
            </div>
            <div>
              <dt>{t('actionForm.documents')}</dt>
              <dd className="answer-text" dir="auto">
                {a.documentsShown}
              </dd>
            </div>
            <div>
              <dt>{t('actionList.recording')}</dt>
              <dd>
                {a.recording ? (
                  <>
                    {'SHA-256'} <code>{a.recording.sha256}</code>{' '}
                    {a.recording.fileId ? t('actionList.recordingKept') : t('actionList.recordingDestroyed')}
                  </>
                ) : (
                  <>
                    {t('actionList.noRecording')} <bdi>{a.noRecordingReason}</bdi>
                  </>
                )}
              </dd>
            </div>
            {a.notes ? (
              <div>
                <dt>{t('actionForm.notes')}</dt>
                <dd className="answer-text" dir="auto">
                  {a.notes}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('actionList.recorded')}</dt>
              <dd>
                <DateTime iso={a.createdAt} /> · {a.createdBy ? <bdi>{a.createdBy}</bdi> : t('actionList.formerStaff')}{' '}
                ·{' '}
                {t('actionList.approvedBy', {
                  name: a.approval?.decidedBy ?? t('actionList.formerStaff'),
                })}{' '}
                {a.approval?.decidedAt ? <DateTime iso={a.approval.decidedAt} /> : null}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
