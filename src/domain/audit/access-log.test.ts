import { describe, expect, it } from 'vitest';
import { actionMeaning, AUDIT_ACTIONS } from '../../shared/audit-actions.ts';
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

describe('what the reporter’s record lists', () => {
  it('is exactly the accesses, what staff sent them, and their own and the system’s steps', () => {
    const shown = Object.entries(AUDIT_ACTIONS)
      .filter(([, m]) => m.reporter)
      .map(([action]) => action)
      .sort();
    expect(shown).toEqual([
      'audit.export',
      'audit.read',
      'case.access_read',
      'case.destroy',
      'case.exclude',
      'case.exclude_named',
      'case.grant',
      'case.grant_evidence',
      'case.include',
      'case.outcome_notice',
      'case.read',
      'case.reply',
      'case.revoke',
      'case.search_hit',
      'certificate.issue',
      'certificate.verify',
      'file.download',
      'file.grant_original',
      'file.original',
      'identity.add',
      'identity.disclose',
      'identity.read',
      'protection.read',
      'protection.respond',
      'report.submit',
      'reporter.add_information',
      'reporter.file_download',
      'reporter.protection_request',
      'reporter.receipt_replaced',
      'reporter.sign_in',
      'reporter.transcript_confirm',
      'reporter.transcript_correct',
      'retention.remind',
      'transcript.add',
      'transcript.read',
      'transcript.recording_delete',
    ]);
    // Investigative steps that could tip a reporter off are never among them.
    for (const action of [
      'case.legal_hold',
      'case.legal_hold_lift',
      'action.record',
      'action.read',
      'case.export',
      'request.create',
      'request.approve',
      'request.refuse',
      'request.use',
      'case.note',
      'action.something_new',
      'request.something_new',
      'entirely.new',
    ])
      expect([action, actionMeaning(action).reporter]).toEqual([action, false]);
    for (const action of ['identity.something_new', 'file.something_new', 'reporter.something_new'])
      expect([action, actionMeaning(action).reporter]).toEqual([action, true]);
  });
});
