/**
 * Editing a profile source in the administration: reading and replacing a value at a path, translated texts
 * (one string per published language), and the problems the server reported for a path.
 */
import type { ProfileProblemView, ProfileSource } from '../../shared/administration.ts';
import { formatPath } from '../../shared/json-path.ts';

export type Segment = string | number;

/** The value at `path` in `value`, or undefined. */
export function getIn(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

/** A copy of `value` with `next` at `path` (undefined removes an object's key); the containers on the path are copied. */
export function setIn<T>(value: T, path: readonly Segment[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value] as unknown[];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const base = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const child = setIn(base[head as string], rest, next);
  const copy: Record<string, unknown> = { ...base, [head as string]: child };
  if (child === undefined) delete copy[head as string];
  return copy as T;
}

/** The languages a source publishes, its default first. */
export function sourceLanguages(source: ProfileSource): string[] {
  const language = typeof source.language === 'string' ? source.language : 'en';
  const listed = Array.isArray(source.languages) ? source.languages.filter((l) => typeof l === 'string') : [];
  return [language, ...listed.filter((l) => l !== language)];
}

/** A translated text's wording in `language` (a plain string counts as the default language's). */
export function textIn(value: unknown, language: string, defaultLanguage: string): string {
  if (typeof value === 'string') return language === defaultLanguage ? value : '';
  if (typeof value === 'object' && value !== null) {
    const text = (value as Record<string, unknown>)[language];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/** The text with `language`'s wording replaced: one string per language when the profile publishes more than one. */
export function withText(value: unknown, language: string, text: string, languages: readonly string[]): unknown {
  if (languages.length === 1) return text;
  const current: Record<string, string> = {};
  for (const l of languages) current[l] = textIn(value, l, languages[0]!);
  current[language] = text;
  return current;
}

/** An empty translated text. */
export function emptyText(languages: readonly string[]): unknown {
  return languages.length === 1 ? '' : Object.fromEntries(languages.map((l) => [l, '']));
}

/** The problems whose path is `path` or lies inside it. */
export function problemsAt(problems: readonly ProfileProblemView[], path: readonly Segment[]): ProfileProblemView[] {
  const at = formatPath(path);
  return problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
}

/** An id for the element editing `path`, for links from the problem list. */
export function fieldDomId(path: readonly Segment[] | string): string {
  const text = typeof path === 'string' ? path : formatPath(path);
  return `edit-${text.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Moves item `from` of a list one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** A field or category id suggested from a label: lowercase ASCII letters, digits and `sep`, starting with a letter. */
export function suggestId(label: string, sep: '_' | '-', taken: readonly string[]): string {
  const base =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, sep)
      .replace(new RegExp(`^[^a-z]+|\\${sep}+$`, 'g'), '')
      .slice(0, 30) || (sep === '_' ? 'question' : 'category');
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}${sep}${n}`;
  return id;
}
