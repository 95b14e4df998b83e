import type { CaseDetail } from '../../shared/api.ts';
import { channelLabel } from '../lib/labels.ts';
import { CaseBadges } from './CaseBadges.tsx';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { StatusText } from './StatusText.tsx';
import { useTranslation } from 'react-i18next';

/** The case's flags, status, origin, deadlines and labels, under the page heading. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <div className="case-facts">
      <CaseBadges urgent={detail.urgent} riskLevel={detail.riskLevel} />
      {detail.protectionPending ? <p className="badge badge--urgent">{t('caseFacts.protectionPending')}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('caseFacts.status')}</dt>
          <dd>
            <StatusText status={detail.status} outcome={detail.outcome} />
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.category')}</dt>
          <dd>{detail.category.title}</dd>
        </div>
        <div>
          <dt>{t('caseFacts.channel')}</dt>
          <dd>{channelLabel(detail.channel)}</dd>
        </div>
        <div>
          <dt>{t('caseFacts.received')}</dt>
          <dd>
            <DateTime iso={detail.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.nextDeadline')}</dt>
          <dd>
            <Deadline dueAt={detail.dueAt} pending={detail.status !== 'closed'} />
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.acknowledgementDue')}</dt>
          <dd>
            <Deadline
              dueAt={detail.acknowledgementDueAt}
              pending={detail.acknowledgedAt === null && detail.status !== 'closed'}
            />
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.acknowledged')}</dt>
          <dd>
            {detail.acknowledgedAt ? (
              <DateTime iso={detail.acknowledgedAt} />
            ) : (
              <span className="muted">{t('caseFacts.notYet')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.feedbackDue')}</dt>
          <dd>
            {/* Whether feedback was given is not known here; the next deadline above carries the warning. */}
            <Deadline dueAt={detail.feedbackDueAt} pending={false} />
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.heldBy')}</dt>
          <dd>
            {detail.holders && detail.holders.length > 0 ? (
              detail.holders.map((name, i) => (
                <span key={name}>
                  {i > 0 ? t('caseFacts.separator') : null}
                  <bdi>{name}</bdi>
                </span>
              ))
            ) : (
              <span className="muted">{t('caseFacts.nobody')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('caseFacts.labels')}</dt>
          <dd>
            {detail.labels.length > 0 ? (
              detail.labels.map((label, i) => (
                <span key={label}>
                  {i > 0 ? t('caseFacts.separator') : null}
                  <bdi>{label}</bdi>
                </span>
              ))
            ) : (
              <span className="muted">{t('caseFacts.none')}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
