import type { CaseDetail } from '../../shared/api.ts';
import { CHANNEL_LABELS } from '../lib/labels.ts';
import { CaseBadges } from './CaseBadges.tsx';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { StatusText } from './StatusText.tsx';

/** The case's flags, status, origin, deadlines and labels, under the page heading. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  return (
    <div className="case-facts">
      <CaseBadges urgent={detail.urgent} riskLevel={detail.riskLevel} />
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusText status={detail.status} outcome={detail.outcome} />
          </dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{detail.category.title}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{CHANNEL_LABELS[detail.channel]}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>
            <DateTime iso={detail.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>Next deadline</dt>
          <dd>
            <Deadline dueAt={detail.dueAt} pending={detail.status !== 'closed'} />
          </dd>
        </div>
        <div>
          <dt>Acknowledgement due</dt>
          <dd>
            <Deadline
              dueAt={detail.acknowledgementDueAt}
              pending={detail.acknowledgedAt === null && detail.status !== 'closed'}
            />
          </dd>
        </div>
        <div>
          <dt>Acknowledged</dt>
          <dd>
            {detail.acknowledgedAt ? <DateTime iso={detail.acknowledgedAt} /> : <span className="muted">Not yet</span>}
          </dd>
        </div>
        <div>
          <dt>Feedback due</dt>
          <dd>
            {/* Whether feedback was given is not known here; the next deadline above carries the warning. */}
            <Deadline dueAt={detail.feedbackDueAt} pending={false} />
          </dd>
        </div>
        <div>
          <dt>Labels</dt>
          <dd>
            {detail.labels.length > 0 ? (
              detail.labels.map((label, i) => (
                <span key={label}>
                  {i > 0 ? ', ' : null}
                  <bdi>{label}</bdi>
                </span>
              ))
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
