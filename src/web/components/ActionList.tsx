import type { ActionView } from '../../shared/actions.ts';
import { ACTION_KIND_LABELS } from '../lib/actions.ts';
import { DateTime } from './DateTime.tsx';

/** The enforcement actions recorded on a case, oldest first, each with its officers, documents and recording. */
export function ActionList({ actions }: { actions: ActionView[] }) {
  if (actions.length === 0) return <p className="muted">No enforcement action has been recorded.</p>;
  return (
    <ol className="history">
      {actions.map((a) => (
        <li key={a.id} className="history-event">
          <p className="history-line">
            <strong>{ACTION_KIND_LABELS[a.kind]}</strong> · <DateTime iso={a.at} /> · <bdi>{a.place}</bdi>
          </p>
          <dl className="answers">
            <div>
              <dt>Officers</dt>
              <dd>{a.officers.map((o) => o.displayName).join(', ')}</dd>
            </div>
            <div>
              <dt>Credentials shown</dt>
              <dd className="answer-text">{a.credentialsShown}</dd>
            </div>
            <div>
              <dt>Legal documents shown</dt>
              <dd className="answer-text">{a.documentsShown}</dd>
            </div>
            <div>
              <dt>Recording</dt>
              <dd>
                {a.recording ? (
                  <>
                    SHA-256 <code>{a.recording.sha256}</code>
                    {a.recording.fileId ? ' (kept with the case’s files, sealed as evidence)' : ' (file destroyed)'}
                  </>
                ) : (
                  <>None. Reason: {a.noRecordingReason}</>
                )}
              </dd>
            </div>
            {a.notes ? (
              <div>
                <dt>Notes</dt>
                <dd className="answer-text" dir="auto">
                  {a.notes}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Recorded</dt>
              <dd>
                <DateTime iso={a.createdAt} /> by {a.createdBy ?? 'a former staff member'}, under approval{' '}
                <code>{a.requestId}</code>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
