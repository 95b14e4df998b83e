import type { CaseEventView } from '../../shared/api.ts';
import { DateTime } from './DateTime.tsx';

/** What was done to the case: when (in the viewer’s time zone), by whom, what, and why. */
export function CaseHistory({ events }: { events: CaseEventView[] }) {
  if (events.length === 0) return <p className="muted">Nothing has been recorded yet.</p>;
  return (
    <ol className="history">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className={`history-event history-event--${event.kind}`}>
          <p className="history-line">
            <DateTime iso={event.at} /> · <strong>{event.actorName ?? 'System'}</strong>
          </p>
          <p className="history-summary">{event.summary}</p>
          {event.reason ? (
            <p className="history-reason">
              Reason: <bdi>{event.reason}</bdi>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
