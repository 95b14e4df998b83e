import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { REQUEST_SUBJECTS, type RequestView } from '../../shared/requests.ts';
import { decisionSummary, expiryLabel, requestTitle } from '../lib/requests.ts';
import { casePath } from '../router/routes.ts';
import { DateTime } from './DateTime.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { Link } from './Link.tsx';

interface Props {
  request: RequestView;
  /** Show which case it is on: a link for those who can open cases, the reference for custodians. */
  caseShown?: 'link' | 'reference' | 'none';
  /** Given where the viewer may decide it. */
  onDecided?: (done: string) => void;
}

/** One approval request: what, on which case, who asked and why, how it stands, and the decision if it is mine. */
export function RequestCard({ request, caseShown = 'none', onDecided }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const expiry = expiryLabel(request);
  const decision = decisionSummary(request);
  const subjectKind = REQUEST_SUBJECTS[request.kind];
  return (
    <article className="request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{requestTitle(request.kind)}</h3>
      <dl className="facts">
        {caseShown !== 'none' ? (
          <div>
            <dt>{t('requestCard.case')}</dt>
            <dd>
              {caseShown === 'link' ? (
                <Link href={casePath(request.caseId)}>{request.caseReference}</Link>
              ) : (
                request.caseReference
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('requestCard.askedBy')}</dt>
          <dd>
            {request.mine ? t('requestCard.you') : <bdi>{request.requesterName}</bdi>},{' '}
            <DateTime iso={request.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t('requestCard.status')}</dt>
          <dd>
            {decision.text}
            {decision.at ? <DateTime iso={decision.at} /> : null}
          </dd>
        </div>
        {expiry ? (
          <div>
            <dt>{expiry}</dt>
            <dd>
              <DateTime iso={request.expiresAt} />
            </dd>
          </div>
        ) : null}
        {request.subject ? (
          <div>
            <dt>{t(subjectKind === 'file' ? 'requestCard.file' : 'requestCard.staffMember')}</dt>
            <dd>
              <bdi>{request.subject.label}</bdi>
            </dd>
          </div>
        ) : null}
      </dl>
      {request.reason !== null ? (
        <dl className="answers">
          <div>
            <dt>{t('requestCard.reason')}</dt>
            <dd className="answer-text" dir="auto">
              {request.reason}
            </dd>
          </div>
          <div>
            <dt>{t('requestCard.legalBasis')}</dt>
            <dd className="answer-text" dir="auto">
              {request.legalBasis}
            </dd>
          </div>
          {request.decisionNote ? (
            <div>
              <dt>{t('requestCard.decisionNote')}</dt>
              <dd className="answer-text" dir="auto">
                {request.decisionNote}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t('requestCard.reasonHidden')}</p>
      )}
      {request.canDecide && onDecided ? <DecisionForm request={request} onDecided={onDecided} /> : null}
    </article>
  );
}
