import type { RiskLevel } from '../../shared/api.ts';
import { RISK_LABELS } from '../lib/labels.ts';

/** The flags that decide how a case is handled, shown under its heading: urgency and the risk to the reporter. */
export function CaseBadges({ urgent, riskLevel }: { urgent: boolean; riskLevel: RiskLevel | null }) {
  return (
    <ul className="case-badges" aria-label="Case flags">
      {urgent ? <li className="badge badge--urgent badge--large">Urgent</li> : null}
      <li className={`badge badge--large badge--risk-${riskLevel ?? 'none'}`}>
        {riskLevel ? `Risk: ${RISK_LABELS[riskLevel]}` : 'Risk not assessed'}
      </li>
    </ul>
  );
}
