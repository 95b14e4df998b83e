import { describe, expect, it } from 'vitest';
import { MessageRequest } from '../../shared/api.ts';
import { messageRequest, sentNotice } from './messages.ts';

describe('messageRequest', () => {
  it('sends an outcome notice to the reporter, never as an internal note', () => {
    expect(messageRequest('outcome_notice', 'We found…')).toEqual({
      body: 'We found…',
      visibility: 'reporter',
      kind: 'outcome_notice',
    });
  });

  it('sends replies and notes as ordinary messages', () => {
    expect(messageRequest('reporter', 'Which gate?')).toEqual({
      body: 'Which gate?',
      visibility: 'reporter',
      kind: 'message',
    });
    expect(messageRequest('internal', 'Check CCTV')).toEqual({
      body: 'Check CCTV',
      visibility: 'internal',
      kind: 'message',
    });
  });

  it('builds bodies the shared schema accepts', () => {
    for (const mode of ['reporter', 'internal', 'outcome_notice'] as const) {
      expect(MessageRequest.safeParse(messageRequest(mode, 'text')).success).toBe(true);
    }
  });

  it('confirms each kind in its own words', () => {
    expect(sentNotice('outcome_notice')).toBe('Outcome notice sent to the reporter.');
    expect(sentNotice('internal')).toBe('Internal note added.');
  });
});
