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

  it('is written in Chinese for a recipient who chose zh-CN', () => {
    expect(
      composeWorkWaiting({ new_report: 1, escalation: 2, something_new: 3 }, 'https://report.example/staff/', 'zh-CN'),
    ).toEqual({
      subject: 'Confide：有待办工作',
      text:
        'Confide 中有待您处理的工作：1 件新举报、2 件逾期案件、3 项更新。\n\n' +
        '请登录工作人员工作台查看：\nhttps://report.example/staff/\n\n' +
        '本邮件仅告知有待办工作，具体内容请在工作台中查看。\n',
    });
  });

  it('uses the Arabic plural forms for a recipient who chose ar', () => {
    expect(summarise({ new_report: 1, assigned: 2, reminder: 3, escalation: 11 }, 'ar')).toBe(
      'بلاغ جديد واحد، قضيتان أُسندتا إليك، 3 مواعيد نهائية تقترب، 11 قضيةً متأخرة',
    );
    expect(composeWorkWaiting({ approval: 1 }, 'https://report.example/staff/', 'ar').subject).toBe(
      'Confide: عمل بانتظارك',
    );
  });
});
