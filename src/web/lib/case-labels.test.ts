import { describe, expect, it } from 'vitest';
import { formatLabels, parseLabels } from './case-labels.ts';

describe('parseLabels', () => {
  it('splits on commas, trims, collapses spaces and drops empty entries', () => {
    expect(parseLabels(' fraud ,  site   B,, ,procurement-2024 ')).toEqual({
      ok: true,
      labels: ['fraud', 'site B', 'procurement-2024'],
    });
    expect(parseLabels('')).toEqual({ ok: true, labels: [] });
    expect(parseLabels(' , ')).toEqual({ ok: true, labels: [] });
  });

  it('keeps a repeated label once, in its first spelling', () => {
    expect(parseLabels('Fraud, fraud, FRAUD, Zoll')).toEqual({ ok: true, labels: ['Fraud', 'Zoll'] });
  });

  it('accepts letters and digits of any script, underscores and hyphens', () => {
    expect(parseLabels('Überprüfung, 反间谍, snake_case')).toEqual({
      ok: true,
      labels: ['Überprüfung', '反间谍', 'snake_case'],
    });
  });

  it('refuses what the server would refuse, naming the label', () => {
    expect(parseLabels('fraud, a/b')).toEqual({
      ok: false,
      problem: '“a/b” has a character a label cannot have: use letters, digits, spaces, hyphens and underscores.',
    });
    expect(parseLabels('x'.repeat(41))).toMatchObject({ ok: false, problem: expect.stringContaining('too long') });
    expect(parseLabels('x'.repeat(40))).toEqual({ ok: true, labels: ['x'.repeat(40)] });
    const many = Array.from({ length: 21 }, (_, i) => `l${i}`).join(',');
    expect(parseLabels(many)).toEqual({ ok: false, problem: 'A case can have at most 20 labels.' });
  });

  it('formats labels back so they parse to the same list', () => {
    const labels = ['fraud', 'site B'];
    expect(formatLabels(labels)).toBe('fraud, site B');
    expect(parseLabels(formatLabels(labels))).toEqual({ ok: true, labels });
  });
});

describe('parseLabels with the commas people type in Chinese and Arabic', () => {
  it('splits on the fullwidth comma (U+FF0C) and the Arabic comma (U+060C) as on the Latin one', () => {
    expect(parseLabels('采购，B 场地')).toEqual({ ok: true, labels: ['采购', 'B 场地'] });
    expect(parseLabels('مشتريات، الموقع ب, fraud')).toEqual({ ok: true, labels: ['مشتريات', 'الموقع ب', 'fraud'] });
  });
});
