import type { CaseEventView } from '../../shared/api.ts';
import { serverMessage } from '../api/client.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

/** What was done to the case: when (in the viewer’s time zone), by whom, what, and why. */
export function CaseHistory({ events }: { events: CaseEventView[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted">{t('caseHistory.none')}</p>;
  return (
    <ol className="history">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className={`history-event history-event--${event.kind}`}>
          <p className="history-line">
            <DateTime iso={event.at} /> ·{' '}
            <strong>{event.actorName ? <bdi>{event.actorName}</bdi> : t('caseHistory.system')}</strong>
          </p>
          <p className="history-summary" dir="auto">
            {serverMessage(event.summary)}
          </p>
          {event.reason ? (
            <p className="history-reason">
              {t('caseHistory.reason')} <bdi>{event.reason}</bdi>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
