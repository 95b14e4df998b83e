import { isOverdue } from '../lib/format.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  dueAt: string | null;
  /** Whether the deadline still binds (the work it asks for is not done), so a past date is "Overdue". */
  pending: boolean;
}

/** A due date, marked "Overdue" once passed while still pending; "None" when there is no deadline. */
export function Deadline({ dueAt, pending }: Props) {
  const { t } = useTranslation();
  if (dueAt === null) return <span className="muted">{t('caseFacts.none')}</span>;
  return (
    <>
      <DateTime iso={dueAt} />
      {pending && isOverdue(dueAt) ? <span className="badge badge--overdue">{t('deadline.overdue')}</span> : null}
    </>
  );
}
