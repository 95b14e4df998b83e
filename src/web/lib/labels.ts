/** Plain-language labels for the API's enumerations. */
import type { Channel, CaseStatus, Outcome, Role } from '../../shared/api.ts';

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
};

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  supervisor: 'Supervisor',
  handler: 'Handler',
  custodian: 'Identity custodian',
  oversight: 'Oversight officer',
  operator: 'Intake operator',
};
