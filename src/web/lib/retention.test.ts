import { describe, expect, it } from 'vitest';
import type { RetentionView } from '../../shared/retention.ts';
import { formatRetentionDays, retentionSummary } from './retention.ts';

const base: RetentionView = {
  status: 'closed',
  retentionDays: 1095,
  retentionEndsAt: '2029-11-28T10:00:00.000Z',
  remindedAt: null,
  destroyAfter: '2029-11-28T10:00:00.000Z',
  legalHold: null,
  canManageLegalHold: true,
  approvedDeletionRequestId: null,
};
/** Dates as their UTC day, numbers in English: the sentences, free of the test machine's settings. */
const day = { format: (iso: string) => iso.slice(0, 10), locale: 'en' };

describe('formatRetentionDays', () => {
  it('adds the years when the period is close to whole years', () => {
    expect(formatRetentionDays(1095, 'en')).toBe('1,095 days (about 3 years)');
    expect(formatRetentionDays(365, 'en')).toBe('365 days (about 1 year)');
    expect(formatRetentionDays(60, 'en')).toBe('60 days');
    expect(formatRetentionDays(500, 'en')).toBe('500 days');
  });
});

describe('retentionSummary', () => {
  it('says when a closed case will be destroyed, and whether its managers were reminded', () => {
    expect(retentionSummary(base, day)).toEqual([
      'Retention ends 2029-11-28. The case will then be destroyed — its text, files and every key that opens them — on 2029-11-28 or soon after.',
      'Its managers are reminded before that, so that a legal hold can still be set.',
    ]);
    expect(
      retentionSummary(
        { ...base, remindedAt: '2029-11-14T10:00:00.000Z', destroyAfter: '2029-11-30T10:00:00.000Z' },
        day,
      )[1],
    ).toBe('Its managers were reminded on 2029-11-14.');
  });

  it('says what keeps a case: a legal hold, being open, or no retention period', () => {
    expect(
      retentionSummary(
        { ...base, destroyAfter: null, legalHold: { since: '2028-01-02T08:00:00.000Z', reason: 'Court order' } },
        day,
      ),
    ).toEqual([
      'On legal hold since 2028-01-02: the case is kept, whatever its retention, until the hold is lifted.',
      'Its retention ends 2029-11-28.',
    ]);
    expect(
      retentionSummary({ ...base, status: 'investigating', retentionEndsAt: null, destroyAfter: null }, day),
    ).toEqual([
      'Once the case is closed it is kept for 1,095 days (about 3 years), then destroyed: its text, files and every key that opens them.',
    ]);
    expect(retentionSummary({ ...base, retentionDays: null, retentionEndsAt: null, destroyAfter: null }, day)).toEqual([
      'Its category has no retention period: the case is kept until it is deleted.',
    ]);
  });
});

describe('formatRetentionDays in Arabic', () => {
  it('uses the plural form the number takes', async () => {
    const { i18n } = await import('../i18n/language.ts');
    try {
      await i18n.changeLanguage('ar');
      expect(formatRetentionDays(1095, 'en')).toBe('1,095 يومًا (نحو 3 سنوات)');
      expect(formatRetentionDays(3, 'en')).toBe('3 أيام');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
