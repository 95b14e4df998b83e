import { describe, expect, it } from 'vitest';
import { accessLogCsv, presentAccesses, pseudonymLetters } from './access-log.ts';

const row = (actor: string | null, action: string, reason: string | null = null) => ({
  at: '2026-03-03T09:00:00.000Z',
  actor,
  action,
  reason,
});

describe('pseudonyms', () => {
  it('count A to Z, then AA, AB … like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(pseudonymLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('the reporter’s record of accesses', () => {
  it('gives each staff member one letter, in order of first appearance as actor or as the person named', () => {
    const entries = presentAccesses([
      row('reporter', 'report.submit', 'web'),
      row('u-sup', 'case.grant', 'user:u-handler'),
      row('u-handler', 'case.read'),
      row('u-sup', 'case.exclude', 'user:u-other named_in_report'),
      row('u-custodian', 'identity.disclose', 'request:r-1 user:u-handler'),
      row('u-other', 'case.read'),
    ]);
    expect(entries.map((e) => [e.by, e.who, e.purpose])).toEqual([
      ['you', 'You', 'Your report was received'],
      ['staff', 'Staff member A', 'Gave Staff member B access to your report'],
      ['staff', 'Staff member B', 'Read your report'],
      ['staff', 'Staff member A', 'Excluded Staff member C from your report'],
      ['staff', 'Staff member D', 'Disclosed your identity to Staff member B'],
      ['staff', 'Staff member C', 'Read your report'],
    ]);
  });

  it('labels automatic jobs and the command line, and explains actions the table does not list', () => {
    const entries = presentAccesses([
      row('system', 'case.destroy'),
      row('cli', 'case.legal_hold'),
      row(null, 'case.something_new'),
      row('u-1', 'identity.something_new'),
      row('u-1', 'entirely.new'),
      row('u-1', 'case.grant', null),
    ]);
    expect(entries.map((e) => [e.by, e.who, e.purpose])).toEqual([
      ['system', 'Automatic (the system)', 'Deleted your report'],
      ['system', 'An administrator on the server', 'Put your report on legal hold (kept until lifted)'],
      ['unknown', 'Unknown', 'Worked on your report'],
      ['staff', 'Staff member A', 'Handled your identity'],
      ['staff', 'Staff member A', 'Worked on your report'],
      ['staff', 'Staff member A', 'Gave a staff member access to your report'],
    ]);
  });

  it('never carries an entry’s reason, which may name a user id', () => {
    const entries = presentAccesses([row('u-sup', 'case.revoke', 'user:u-secret-id')]);
    expect(JSON.stringify(entries)).not.toMatch(/u-secret-id|u-sup/);
  });

  it('writes CSV with a header, quoting what needs it, lines ending in CRLF', () => {
    const csv = accessLogCsv({
      reference: 'R-1',
      generatedAt: '2026-03-04T00:00:00.000Z',
      entries: [
        {
          at: '2026-03-03T09:00:00.000Z',
          by: 'staff',
          who: 'Staff member A',
          action: 'x.y',
          purpose: 'Said "hi", then left',
        },
      ],
    });
    expect(csv).toBe(
      'When (UTC),Who,What was done,Action\r\n2026-03-03T09:00:00.000Z,Staff member A,"Said ""hi"", then left",x.y\r\n',
    );
  });
});
