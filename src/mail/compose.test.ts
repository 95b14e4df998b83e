import { describe, expect, it } from 'vitest';
import { composeWorkWaiting, summarise } from './compose.ts';

describe('work-waiting mail', () => {
  it('counts each kind in a fixed order, singular or plural, and leaves out kinds with none', () => {
    expect(summarise({ escalation: 1, new_report: 2, reminder: 1 })).toBe('2 new reports, 1 deadline soon, 1 overdue');
    expect(summarise({ reminder: 3, assigned: 1 })).toBe('1 case assigned to you, 3 deadlines soon');
    expect(summarise({ new_report: 1, escalation: 0, something_new: 2 })).toBe('1 new report, 2 updates');
  });

  it('says only that work waits, with the counts and the workspace link', () => {
    expect(composeWorkWaiting({ new_report: 1, escalation: 2 }, 'https://report.example/staff/')).toEqual({
      subject: 'Confide: work is waiting',
      text:
        'Work is waiting for you in Confide: 1 new report, 2 overdue.\n\n' +
        'Sign in to the staff workspace to see it:\nhttps://report.example/staff/\n\n' +
        'This mail only says that work is waiting; the details are in the workspace.\n',
    });
  });
});
