import { useProtection } from '../hooks/useProtection.ts';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ProtectionResponseForm } from './ProtectionResponseForm.tsx';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  const { list, error, replace } = useProtection(caseId);

  if (error) return <ErrorMessage message={t('protectionSection.loadFailed', { message: error.message })} />;
  if (!list) return <p role="status">{t('protectionSection.loading')}</p>;
  if (list.requests.length === 0)
    return <p className="muted">{t('protectionSection.none', { hours: list.responseHours })}</p>;
  return (
    <ol className="protection-requests">
      {list.requests.map((request) => (
        <li key={request.id} className="protection-request">
          <dl className="facts">
            <div>
              <dt>{t('protectionSection.requested')}</dt>
              <dd>
                <DateTime iso={request.requestedAt} />
              </dd>
            </div>
            <div>
              <dt>{t('protectionSection.due')}</dt>
              <dd>
                <Deadline dueAt={request.dueAt} pending={request.respondedAt === null} />
              </dd>
            </div>
            <div>
              <dt>{t('protectionSection.account')}</dt>
              <dd className="answer-text" dir="auto">
                {request.account ?? <span className="muted">{t('protectionSection.noAccount')}</span>}
              </dd>
            </div>
            {request.respondedAt && request.outcome ? (
              <div>
                <dt>{t('protectionSection.response')}</dt>
                <dd>
                  <strong>{t(`protectionResponse.outcome.${request.outcome}`)}</strong> —{' '}
                  <DateTime iso={request.respondedAt} />
                  {request.respondedBy ? (
                    <>
                      {' · '}
                      <bdi>{request.respondedBy}</bdi>
                    </>
                  ) : null}
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
