/**
 * Differences between two profile sources (or two values), as the administration shows and audits them, and
 * which of them are only wording. Paths are written as a person would write them into the JSON
 * (`categories[2].fields[0].label["zh-CN"]`).
 */
import diff from 'microdiff';
import { formatPath } from '../../profiles/source.ts';
import type { DiffEntry } from '../../shared/administration.ts';

const KIND = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** Every difference from `before` to `after`, in document order. */
export function diffValues(before: unknown, after: unknown): DiffEntry[] {
  if (!isContainer(before) || !isContainer(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: '', kind: 'changed', before, after }];
  }
  return diff(before, after).map((d) => ({
    path: formatPath(d.path),
    kind: KIND[d.type],
    ...(d.type !== 'CREATE' ? { before: d.oldValue } : {}),
    ...(d.type !== 'REMOVE' ? { after: (d as { value: unknown }).value } : {}),
  }));
}

/** Same as diffValues, keeping the raw path segments for wordingOnly. */
export function diffPaths(before: Record<string, unknown>, after: Record<string, unknown>): (string | number)[][] {
  return diff(before, after).map((d) => d.path);
}

const TEXT_KEYS = new Set(['label', 'help']);
const CHANNEL_TEXT = new Set(['label', 'hours', 'protects', 'exposes']);
const TOP_TEXT = new Set(['name', 'authority', 'landing', 'noticeTemplates']);

/**
 * Whether a change at `path` only rewords what is published — the profile's name, the authority, landing texts,
 * notice templates, a category's title or description, a question's label or help, an option's label, a channel's
 * label, hours or what it protects and exposes. Anything else (a channel's address, a question added, removed,
 * retyped or reordered, a policy, the identity section's questions, the languages) can redirect reports or
 * identities, and waits for a second administrator.
 */
export function isWording(path: readonly (string | number)[]): boolean {
  const [top, i, key, j, sub, k, leaf] = path;
  if (typeof top !== 'string') return false;
  if (TOP_TEXT.has(top)) return true;
  if (top === 'channels') return typeof i === 'number' && typeof key === 'string' && CHANNEL_TEXT.has(key);
  if (top === 'identity') return i === 'fields' && typeof key === 'number' && typeof j === 'string' && TEXT_KEYS.has(j);
  if (top !== 'categories' || typeof i !== 'number' || typeof key !== 'string') return false;
  if (key === 'title' || key === 'description') return true;
  if (key !== 'fields' || typeof j !== 'number' || typeof sub !== 'string') return false;
  if (TEXT_KEYS.has(sub)) return true;
  return sub === 'options' && typeof k === 'number' && leaf === 'label';
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
