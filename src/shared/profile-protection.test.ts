import { describe, expect, it } from 'vitest';
import { Field, Policy, protectionResponseHours } from './profile.ts';

const POLICY = {
  acknowledgementDays: 7,
  feedbackDays: 90,
  urgentResponseHours: 24,
  retentionDays: 1095,
  showDueDateToReporter: true,
};

describe('Policy.protectionResponseHours', () => {
  it('defaults to the urgent response time, and may be shorter', () => {
    expect(protectionResponseHours(Policy.parse(POLICY))).toBe(24);
    expect(protectionResponseHours(Policy.parse({ ...POLICY, protectionResponseHours: 12 }))).toBe(12);
    expect(Policy.safeParse({ ...POLICY, protectionResponseHours: 0 }).success).toBe(false);
  });
});

describe('Field.namesStaff', () => {
  it('is allowed on text fields only', () => {
    expect(Field.parse({ id: 'officials', type: 'long_text', label: 'Who?', namesStaff: true }).namesStaff).toBe(true);
    const choice = Field.safeParse({
      id: 'who',
      type: 'single_choice',
      label: 'Who?',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
      namesStaff: true,
    });
    expect(choice.success ? null : choice.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['namesStaff', 'namesStaff applies only to short_text and long_text — remove it from this single_choice field'],
    ]);
  });
});
