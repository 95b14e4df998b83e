/** Case labels as typed in one comma-separated box, checked the way the server checks them (LabelsRequest). */
import { i18n } from '../i18n/instance.ts';

export const MAX_LABELS = 20;
export const MAX_LABEL_LENGTH = 40;
const LABEL = /^[\p{L}\p{N} _-]+$/u;
/** The Latin, Chinese (U+FF0C) and Arabic (U+060C) commas: each separates labels, as people type them. */
const SEPARATORS = /[,\uFF0C\u060C]/;

export type LabelParse = { ok: true; labels: string[] } | { ok: false; problem: string };

/**
 * Splits "fraud, Urgent review ,fraud" (or with ， or ،) into ["fraud", "Urgent review"]: trimmed, inner spaces collapsed, empty
 * entries dropped, repeats (ignoring case) kept once, first spelling wins.
 */
export function parseLabels(text: string): LabelParse {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(SEPARATORS)) {
    const label = part.trim().replace(/\s+/g, ' ');
    if (label === '') continue;
    if (label.length > MAX_LABEL_LENGTH)
      return { ok: false, problem: i18n.t('caseLabels.tooLong', { label, max: MAX_LABEL_LENGTH }) };
    if (!LABEL.test(label)) return { ok: false, problem: i18n.t('caseLabels.badCharacter', { label }) };
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  if (labels.length > MAX_LABELS) return { ok: false, problem: i18n.t('caseLabels.tooMany', { max: MAX_LABELS }) };
  return { ok: true, labels };
}

/** The labels as the box shows them: "fraud, Urgent review". */
export function formatLabels(labels: readonly string[]): string {
  return labels.join(', ');
}
