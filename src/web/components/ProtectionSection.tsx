import { PROTECTION_OUTCOME_LABELS } from '../../shared/protection.ts';
import { useProtection } from '../hooks/useProtection.ts';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ProtectionResponseForm } from './ProtectionResponseForm.tsx';

interface Props {
  caseId: string;
  /** Called after a response is recorded, so the page can refresh the case's deadline and history. */
  onChanged: () => void;
}

/**
 * The reporter's requests for protection (MSS Order No. 2 Art. 6(2)): when each was made, by when staff must
 * respond (marked once overdue), the reporter's account, and the response — or a form to record it.
 */
export function ProtectionSection({ caseId, onChanged }: Props) {
  const { list, error, replace } = useProtection(caseId);

  if (error) return <ErrorMessage message={`Protection requests could not be loaded: ${error.message}`} />;
  if (!list) return <p role="status">Loading protection requests…</p>;
  if (list.requests.length === 0)
    return (
      <p className="muted">
        The reporter has not asked for protection. If they do, it appears here and must be answered within{' '}
        {list.responseHours} hours.
      </p>
    );
  return (
    <ol className="protection-requests">
      {list.requests.map((request) => (
        <li key={request.id} className="protection-request">
          <dl className="facts">
            <div>
              <dt>Requested</dt>
              <dd>
                <DateTime iso={request.requestedAt} />
              </dd>
            </div>
            <div>
              <dt>Response due</dt>
              <dd>
                <Deadline dueAt={request.dueAt} pending={request.respondedAt === null} />
              </dd>
            </div>
            <div>
              <dt>The reporter&apos;s account</dt>
              <dd className="answer-text" dir="auto">
                {request.account ?? <span className="muted">None given</span>}
              </dd>
            </div>
            {request.respondedAt && request.outcome ? (
              <div>
                <dt>Response</dt>
                <dd>
                  <strong>{PROTECTION_OUTCOME_LABELS[request.outcome]}</strong> — <DateTime iso={request.respondedAt} />
                  {request.respondedBy ? `, by ${request.respondedBy}` : null}
                  {request.note ? (
                    <p className="answer-text" dir="auto">
                      {request.note}
                    </p>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>
          {request.respondedAt ? null : (
            <ProtectionResponseForm
              caseId={caseId}
              requestId={request.id}
              onAnswered={(next) => {
                replace(next);
                onChanged();
              }}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
