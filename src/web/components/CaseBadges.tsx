import type { RiskLevel } from '../../shared/api.ts';
import { riskLabel } from '../lib/labels.ts';
import { useTranslation } from 'react-i18next';

/** The flags that decide how a case is handled, shown under its heading: urgency and the risk to the reporter. */
export function CaseBadges({ urgent, riskLevel }: { urgent: boolean; riskLevel: RiskLevel | null }) {
  const { t } = useTranslation();
  return (
    <ul className="case-badges" aria-label={t('caseBadges.label')}>
      {urgent ? <li className="badge badge--urgent badge--large">{t('caseBadges.urgent')}</li> : null}
      <li className={`badge badge--large badge--risk-${riskLevel ?? 'none'}`}>
        {riskLevel ? t('caseBadges.risk', { level: riskLabel(riskLevel) }) : t('caseBadges.riskNone')}
      </li>
    </ul>
  );
}
