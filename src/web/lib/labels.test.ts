import { afterEach, describe, expect, it } from 'vitest';
import { CASE_STATUSES, CHANNELS, OUTCOMES, RISK_LEVELS } from '../../shared/api.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { i18n } from '../i18n/instance.ts';
import {
  channelLabel,
  exclusionReasonLabel,
  linkKindLabel,
  orderLabel,
  outcomeLabel,
  riskLabel,
  roleLabel,
  ROLE_LABELS,
  statusLabel,
} from './labels.ts';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('enumeration labels', () => {
  it('name each value in English, as the screens have always shown it', () => {
    expect(statusLabel('investigating')).toBe('Investigating');
    expect(outcomeLabel('insufficient_information')).toBe('Insufficient information');
    expect(channelLabel('referral')).toBe('Referral from another authority');
    expect(roleLabel('custodian')).toBe('Identity custodian');
    expect(riskLabel('moderate')).toBe('Moderate');
    expect(exclusionReasonLabel('named_in_report')).toBe('Named in the report');
    expect(linkKindLabel('related')).toBe('Related');
    expect(orderLabel('newest')).toBe('Newest first');
  });

  it('follow the workspace language, with the agreed terms', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(statusLabel('closed')).toBe('已结案');
    expect(roleLabel('handler')).toBe('承办人');
    expect(roleLabel('oversight')).toBe('监督人员');
    expect(ROLE_LABELS.handler).toBe('承办人');
    await i18n.changeLanguage('ar');
    expect(statusLabel('closed')).toBe('مُغلقة');
    expect(riskLabel('high')).toBe('مرتفع');
  });

  it('have a label of their own for every value in every shipped language (never a key, never English)', async () => {
    const all = () => [
      ...CASE_STATUSES.map(statusLabel),
      ...OUTCOMES.map(outcomeLabel),
      ...CHANNELS.map(channelLabel),
      ...RISK_LEVELS.map(riskLabel),
    ];
    const english = all();
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      await i18n.changeLanguage(language);
      const labels = all();
      labels.forEach((label, index) => {
        expect(label).not.toMatch(/^labels\./);
        expect(label).not.toBe(english[index]);
      });
    }
  });
});
