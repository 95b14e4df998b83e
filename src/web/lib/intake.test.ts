import { describe, expect, it } from 'vitest';
import { emptyIntakeForm, factsFor, intakeFormData, localDateTime, receiptGroups } from './intake.ts';

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
