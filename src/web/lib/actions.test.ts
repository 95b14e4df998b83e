import { describe, expect, it } from 'vitest';
import { actionProblem, approvalsFor, localToIso, type ActionDraft } from './actions.ts';

const DRAFT: ActionDraft = {
  at: '2026-11-02T09:30',
  place: 'Flat 4',
  officerIds: ['a', 'b'],
  credentialsShown: 'Service cards',
  documentsShown: 'Warrant 17/2026',
  requestId: 'r1',
  hasRecording: true,
  noRecordingReason: '',
};

describe('action records in the workspace', () => {
  it('names the first thing missing, as the server would', () => {
    expect(actionProblem(DRAFT)).toBeNull();
    expect(actionProblem({ ...DRAFT, officerIds: ['a', 'a'] })).toBe(
      'Choose at least two different officers: an enforcement action needs two (Counter-Espionage Law 2023, Art. 31).',
    );
    expect(actionProblem({ ...DRAFT, requestId: '' })).toBe('Choose the approval this action rests on.');
    expect(actionProblem({ ...DRAFT, hasRecording: false, noRecordingReason: ' ' })).toBe(
      'Attach the audio or video recording, or record why there is none.',
    );
    expect(actionProblem({ ...DRAFT, hasRecording: false, noRecordingReason: 'Recorder broke.' })).toBeNull();
    expect(actionProblem({ ...DRAFT, place: ' ' })).toBe('Give the place of the action.');
  });

  it('turns the local time picked into UTC', () => {
    expect(localToIso('2026-11-02T09:30')).toBe(new Date(2026, 10, 2, 9, 30).toISOString());
    expect(localToIso('')).toBe('');
    expect(localToIso('not a time')).toBe('');
  });

  it('picks the approvals of a kind, and for an original those about the file', () => {
    const approvals = [
      { id: '1', kind: 'export' as const, subject: null, decidedAt: 'x', expiresAt: 'y' },
      { id: '2', kind: 'open_original' as const, subject: 'f1', decidedAt: 'x', expiresAt: 'y' },
      { id: '3', kind: 'open_original' as const, subject: 'f2', decidedAt: 'x', expiresAt: 'y' },
    ];
    expect(approvalsFor(approvals, 'export').map((a) => a.id)).toEqual(['1']);
    expect(approvalsFor(approvals, 'open_original', 'f2').map((a) => a.id)).toEqual(['3']);
    expect(approvalsFor(approvals, 'knowingly_false')).toEqual([]);
  });
});
