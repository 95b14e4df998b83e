/**
 * Messages for profile validation problems that the schemas do not word themselves: each says what is wrong
 * and how to fix it, for the person editing the JSON. Used as zod's per-parse error map.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const DESCRIBE: Record<string, string> = {
  string: 'a text in "double quotes"',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
};

export function profileIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(String(issue.expected), issue.input);
    case 'invalid_union':
      // The only union in a profile: a text, plain or translated (src/shared/profile-text.ts).
      return issue.input === undefined
        ? `missing — add ${DESCRIBE.string}`
        : `expected ${DESCRIBE.string} or translations { "en": "…", "ar": "…" }, found ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `${show(issue.input)} is not allowed — use one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, allowedKeys(issue));
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.input);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.input);
    default:
      return undefined;
  }
}

function invalidType(expected: string, input: unknown): string {
  const wanted = DESCRIBE[expected] ?? expected;
  if (input === undefined) return `missing — add ${wanted}`;
  if (expected === 'int' && typeof input === 'number') return `${input} is not a whole number — round it`;
  const fix =
    typeof input === 'string' && (expected === 'number' || expected === 'int' || expected === 'boolean')
      ? ' — remove the quotes'
      : '';
  return `expected ${wanted}, found ${describeValue(input)}${fix}`;
}

function unknownKeys(keys: readonly string[], allowed: readonly string[]): string {
  const names = keys.map(show).join(', ');
  const what = keys.length === 1 ? `unknown key ${names} — remove it` : `unknown keys ${names} — remove them`;
  return `${what} or correct the spelling (allowed: ${allowed.join(', ')})`;
}

function tooSmall(origin: string, minimum: number, input: unknown): string {
  if (origin === 'string')
    return minimum <= 1 ? 'is empty — write the text' : `is too short — write at least ${minimum} characters`;
  if (origin === 'array')
    return `needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'} — add ${minimum === 1 ? 'one' : 'more'}`;
  return `${show(input)} is too small — use at least ${minimum}`;
}

function tooBig(origin: string, maximum: number, input: unknown): string {
  if (origin === 'string') {
    return `is too long (${typeof input === 'string' ? input.length : '?'} characters) — shorten it to at most ${maximum}`;
  }
  if (origin === 'array') return `has too many entries — keep at most ${maximum}`;
  return `${show(input)} is too large — use at most ${maximum}`;
}

/** Keys of the strict object that reported unknown keys (zod keeps the schema on the raw issue). */
function allowedKeys(issue: Issue): string[] {
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list [ … ]';
  if (typeof value === 'object') return 'an object { … }';
  return show(value);
}

function show(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}
