/** Plain-language labels for the API's enumerations. */
import type { z } from 'zod';
import type { Channel, CaseStatus, ExclusionReason, LinkKind, Outcome, RiskLevel, Role } from '../../shared/api.ts';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  assessing: 'Assessing',
  investigating: 'Investigating',
  referred: 'Referred',
  closed: 'Closed',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  substantiated: 'Substantiated',
  unsubstantiated: 'Unsubstantiated',
  insufficient_information: 'Insufficient information',
  referred_elsewhere: 'Referred elsewhere',
  duplicate: 'Duplicate',
  knowingly_false: 'Knowingly false',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web form',
  phone: 'Phone',
  post: 'Post',
  email: 'E-mail',
  in_person: 'In person',
  referral: 'Referral from another authority',
};

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  supervisor: 'Supervisor',
  handler: 'Handler',
  custodian: 'Identity custodian',
  oversight: 'Oversight officer',
  operator: 'Intake operator',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
};

export const EXCLUSION_REASON_LABELS: Record<z.output<typeof ExclusionReason>, string> = {
  named_in_report: 'Named in the report',
  conflict_of_interest: 'Conflict of interest',
  other: 'Other',
};

export const LINK_KIND_LABELS: Record<z.output<typeof LinkKind>, string> = {
  duplicate: 'Duplicate',
  related: 'Related',
};

export const ORDER_LABELS: Record<'queue' | 'newest', string> = {
  queue: 'Triage order',
  newest: 'Newest first',
};
