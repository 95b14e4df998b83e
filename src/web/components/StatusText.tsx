import type { CaseStatus, Outcome } from '../../shared/api.ts';
import { useTranslation } from 'react-i18next';
import { outcomeLabel, statusLabel } from '../lib/labels.ts';

/** "Investigating", or "Closed: Substantiated". */
export function StatusText({ status, outcome }: { status: CaseStatus; outcome: Outcome | null }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--${status}`}>
      {outcome
        ? t('statusText.withOutcome', { status: statusLabel(status), outcome: outcomeLabel(outcome) })
        : statusLabel(status)}
    </span>
  );
}
