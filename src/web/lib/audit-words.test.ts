import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_FILTERS, AUDIT_ACTIONS, PREFIX_MEANINGS } from '../../shared/audit-actions.ts';
import { i18n } from '../i18n/language.ts';
import { auditActionText, auditFilterLabel, auditSubjectText } from './audit-words.ts';

describe('audit log words', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('says every logged action as the server does in English, and has a Chinese and an Arabic text for each', () => {
    for (const [action, meaning] of Object.entries(AUDIT_ACTIONS)) {
      expect(auditActionText(action, '?')).toBe(meaning.text);
      for (const language of ['zh-CN', 'ar']) {
        void i18n.changeLanguage(language);
        expect([action, auditActionText(action, '?') === meaning.text]).toEqual([action, false]);
        void i18n.changeLanguage('en');
      }
    }
    for (const [prefix, meaning] of PREFIX_MEANINGS) expect(auditActionText(`${prefix}new_thing`)).toBe(meaning.text);
    for (const filter of ACTION_FILTERS) expect(auditFilterLabel(filter.value, '?')).toBe(filter.label);
  });

  it('falls back to the server’s text for an action it does not know', () => {
    expect(auditActionText('future.step', 'A future step')).toBe('A future step');
  });

  it('names the report an entry concerns in the workspace’s language', () => {
    void i18n.changeLanguage('zh-CN');
    expect(auditActionText('case.read')).toBe('打开了案件');
    expect(auditSubjectText('Report R-1A2B3C4D')).toBe('举报 R-1A2B3C4D');
    expect(auditSubjectText('A report that no longer exists')).toBe('已不存在的举报');
    expect(auditSubjectText(null)).toBe(null);
  });
});
