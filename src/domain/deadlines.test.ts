import { describe, expect, it } from 'vitest';
import { NO_DEADLINE, nextDeadline } from './deadlines.ts';

const ACK = '2030-01-14T09:00:00.000Z';
const FEEDBACK = '2030-04-07T09:00:00.000Z';
const PROTECTION = '2030-01-07T21:00:00.000Z';

describe('nextDeadline', () => {
  it('is the acknowledgement while received, the feedback after, none once closed', () => {
    const r = { acknowledgement_due_at: ACK, feedback_due_at: FEEDBACK };
    expect(nextDeadline({ ...r, status: 'received' })).toBe(ACK);
    expect(nextDeadline({ ...r, status: 'assessing' })).toBe(FEEDBACK);
    expect(nextDeadline({ ...r, status: 'closed' })).toBe(NO_DEADLINE);
    expect(nextDeadline({ status: 'assessing', acknowledgement_due_at: ACK, feedback_due_at: null })).toBe(NO_DEADLINE);
  });

  it('is an unanswered protection request’s response when that comes first, whatever the status', () => {
    const r = { acknowledgement_due_at: ACK, feedback_due_at: FEEDBACK, protection_due_at: PROTECTION };
    expect(nextDeadline({ ...r, status: 'received' })).toBe(PROTECTION);
    expect(nextDeadline({ ...r, status: 'investigating' })).toBe(PROTECTION);
    expect(nextDeadline({ ...r, status: 'closed' })).toBe(PROTECTION);
    expect(nextDeadline({ ...r, status: 'received', protection_due_at: '2030-02-01T00:00:00.000Z' })).toBe(ACK);
    expect(nextDeadline({ ...r, status: 'received', protection_due_at: null })).toBe(ACK);
  });
});
