import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/language.ts';
import {
  CHANNEL_CHOICES,
  CONSENT_CHOICES,
  emptyIntakeForm,
  factsFor,
  intakeFormData,
  localDateTime,
  receiptGroups,
} from './intake.ts';

describe('operator intake form', () => {
  it('sends only the facts of the chosen channel, the time received in UTC', () => {
    const form = emptyIntakeForm(new Date(2026, 11, 4, 9, 30));
    form.facts = {
      ...form.facts,
      minutes: 'm',
      transcription: 't',
      referringAuthority: 'a',
      recordingConsent: 'agreed',
    };
    expect(factsFor('post', form.facts)).toEqual({
      receivedAt: new Date(2026, 11, 4, 9, 30).toISOString(),
      contactBack: '',
      transcription: 't',
    });
    expect(factsFor('phone', form.facts)).toMatchObject({ recordingConsent: 'agreed', minutes: 'm' });
    expect(factsFor('referral', form.facts)).toMatchObject({ referringAuthority: 'a', referralReference: '' });
    expect(factsFor('post', { ...form.facts, receivedAt: '' }).receivedAt).toBe('');
  });

  it('puts the text parts before the files', () => {
    const form = emptyIntakeForm(new Date());
    form.channel = 'post';
    form.categoryId = 'espionage';
    form.files = [{ field: 'scans', file: new File(['x'], 'page.jpg') }];
    expect([...intakeFormData(form).keys()]).toEqual(['channel', 'category', 'answers', 'identity', 'facts', 'scans']);
  });

  it('groups the receipt for reading out', () => {
    expect(receiptGroups('1234 5678 9012')).toEqual(['1234', '5678', '9012']);
    expect(localDateTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  });
});

describe('intake choices', () => {
  it('say the channel and consent in the language the workspace is in when shown, not when loaded', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      expect([CHANNEL_CHOICES[0]!.label, CHANNEL_CHOICES[0]!.hint, CONSENT_CHOICES[0]!.label]).toEqual([
        '电话',
        '有人拨打了举报热线。',
        '同意录音',
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(CHANNEL_CHOICES[0]!.hint).toBe('Someone called the hotline.');
  });
});
