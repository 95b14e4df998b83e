/** Case labels as typed in one comma-separated box, checked the way the server checks them (LabelsRequest). */

export const MAX_LABELS = 20;
export const MAX_LABEL_LENGTH = 40;
const LABEL = /^[\p{L}\p{N} _-]+$/u;

export type LabelParse = { ok: true; labels: string[] } | { ok: false; problem: string };

/**
 * Splits "fraud, Urgent review ,fraud" into ["fraud", "Urgent review"]: trimmed, inner spaces collapsed, empty
 * entries dropped, repeats (ignoring case) kept once, first spelling wins.
 */
export function parseLabels(text: string): LabelParse {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const label = part.trim().replace(/\s+/g, ' ');
    if (label === '') continue;
    if (label.length > MAX_LABEL_LENGTH)
      return { ok: false, problem: `“${label}” is too long: a label has at most ${MAX_LABEL_LENGTH} characters.` };
    if (!LABEL.test(label))
      return {
        ok: false,
        problem: `“${label}” has a character a label cannot have: use letters, digits, spaces, hyphens and underscores.`,
      };
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  if (labels.length > MAX_LABELS) return { ok: false, problem: `A case can have at most ${MAX_LABELS} labels.` };
  return { ok: true, labels };
}

/** The labels as the box shows them: "fraud, Urgent review". */
export function formatLabels(labels: readonly string[]): string {
  return labels.join(', ');
}
