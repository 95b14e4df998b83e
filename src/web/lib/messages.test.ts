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

describe('outcomeTemplate', () => {
  it('is in the report’s language whatever the viewer reads, English for a language not shipped', async () => {
    const { i18n } = await import('../i18n.ts');
    const { outcomeTemplate } = await import('./messages.ts');
    await i18n.changeLanguage('ar');
    try {
      expect(outcomeTemplate('duplicate', 'zh-CN')).toBe(
        '感谢您的举报。此前已有人向我们举报同一事项，我们将与该举报一并处理。',
      );
      expect(outcomeTemplate('duplicate', 'fr')).toBe(
        'Thank you for your report. The same matter had already been reported to us, and it is being handled together with that report.',
      );
      expect(outcomeTemplate('duplicate', undefined)).toMatch(/^Thank you for your report\./);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
