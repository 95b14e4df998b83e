/**
 * Checking a reporter's answers against a questionnaire, for the server-rendered form (values from an HTML form:
 * strings, arrays of strings for repeated keys, "on" for a ticked checkbox) and the JSON API (string, string[],
 * boolean). On failure every answer is handed back as typed (trimmed), so nothing the person entered is lost.
 *
 * Dates stay the `YYYY-MM-DD` string that was answered, never a Date: a date answered stays the same calendar
 * date in every time zone.
 */
import { maxLengthOf, type Field } from './profile.ts';
import { cleanText } from './text.ts';

export type AnswerValue = string | string[] | boolean | null;
export type Answers = Record<string, AnswerValue>;
export type AnswersResult =
  { ok: true; answers: Answers } | { ok: false; errors: Record<string, string>; answers: Answers };

const UNREADABLE = 'This answer could not be read. Please enter it again.';
const DATE_FORMAT = 'Enter the date as year-month-day, for example 2024-03-15.';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const REQUIRED: Record<Field['type'], string> = {
  short_text: 'Please answer this question.',
  long_text: 'Please answer this question.',
  date: 'Please enter a date.',
  single_choice: 'Please choose one of the options.',
  multiple_choice: 'Please choose at least one option.',
  checkbox: 'Please tick this box to continue.',
  file: 'Please add a file.',
};

interface Read {
  value: AnswerValue;
  error?: string;
}

/**
 * Validates and normalises the answers to `fields`. Keys of `raw` that are not field ids are ignored; 'file'
 * fields are skipped (files are handled by the upload). Every other field gets an entry: null when empty,
 * false for an unticked checkbox.
 */
export function validateAnswers(fields: readonly Field[], raw: Record<string, unknown>): AnswersResult {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.type === 'file') continue;
    const input = Object.hasOwn(raw, field.id) ? raw[field.id] : undefined;
    const read = readAnswer(field, input);
    answers[field.id] = read.value;
    const error = read.error ?? (field.required && isEmpty(read.value) ? REQUIRED[field.type] : undefined);
    if (error !== undefined) errors[field.id] = error;
  }
  return Object.keys(errors).length === 0 ? { ok: true, answers } : { ok: false, errors, answers };
}

/** An answer as plain text: choices by their label, a checkbox as Yes or No, an empty answer as '—'. */
export function displayAnswer(field: Pick<Field, 'type' | 'options'>, value: AnswerValue | undefined): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '—';
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const label = (v: string) => field.options?.find((option) => option.value === v)?.label ?? v;
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}

/** The labels of the chosen options of a choice answer (in the questionnaire's order); null for other answers. */
export function optionLabels(field: Pick<Field, 'type' | 'options'>, value: AnswerValue | undefined): string[] | null {
  if (field.type !== 'single_choice' && field.type !== 'multiple_choice') return null;
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return (field.options ?? []).filter((o) => chosen.includes(o.value)).map((o) => o.label);
}

function readAnswer(field: Field, input: unknown): Read {
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return readText(input, maxLengthOf(field) ?? Infinity);
    case 'date':
      return readDate(input);
    case 'single_choice':
      return readSingle(field, input);
    case 'multiple_choice':
      return readMultiple(field, input);
    case 'checkbox':
      return readCheckbox(input);
    case 'file':
      return { value: null };
  }
}

function readText(input: unknown, max: number): Read {
  const text = textOf(input);
  if (text === undefined) return { value: null, error: UNREADABLE };
  if (text === '') return { value: null };
  const length = countCharacters(text);
  if (length > max) {
    return { value: text, error: `At most ${formatCount(max)} characters (you entered ${formatCount(length)}).` };
  }
  return { value: text };
}

function readDate(input: unknown): Read {
  const text = textOf(input);
  if (text === undefined) return { value: null, error: UNREADABLE };
  if (text === '') return { value: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { value: text, error: DATE_FORMAT };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { value: text, error: `There is no month ${match[2]}. ${DATE_FORMAT}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      value: text,
      error: `There is no ${day} ${MONTHS[month - 1]} ${year}. Please check the day and the month.`,
    };
  }
  return { value: text };
}

function readSingle(field: Field, input: unknown): Read {
  const chosen = choicesOf(input);
  if (chosen === undefined) return { value: null, error: UNREADABLE };
  const [first] = chosen;
  if (first === undefined) return { value: null };
  if (chosen.length > 1) return { value: first, error: 'Please choose only one option.' };
  if (!isOption(field, first)) return { value: first, error: 'Please choose one of the options listed.' };
  return { value: first };
}

function readMultiple(field: Field, input: unknown): Read {
  const chosen = choicesOf(input);
  if (chosen === undefined) return { value: null, error: UNREADABLE };
  if (chosen.length === 0) return { value: null };
  const unknown = chosen.find((value) => !isOption(field, value));
  if (unknown !== undefined) {
    return { value: chosen, error: `Please choose from the options listed ("${unknown}" is not one of them).` };
  }
  const order = field.options ?? [];
  return { value: order.map((option) => option.value).filter((value) => chosen.includes(value)) };
}

function readCheckbox(input: unknown): Read {
  const ticked = tickedOf(input);
  return ticked === undefined ? { value: false, error: UNREADABLE } : { value: ticked };
}

/** Text from a form or JSON value: cleaned (cleanText), trimmed; undefined when it is not text at all. */
function textOf(input: unknown): string | undefined {
  if (input === undefined || input === null) return '';
  if (typeof input === 'string') return cleanText(input).trim();
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) {
    const parts = input.map(textOf);
    if (parts.some((part) => part === undefined)) return undefined;
    return parts.filter((part) => part !== '').join('\n');
  }
  return undefined;
}

/** Chosen values, trimmed, without empties and repeats, in the order given; undefined when unreadable. */
function choicesOf(input: unknown): string[] | undefined {
  const items = Array.isArray(input) ? input : [input];
  const values: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) return undefined;
    const value = textOf(item);
    if (value === undefined) return undefined;
    if (value !== '' && !values.includes(value)) values.push(value);
  }
  return values;
}

/** A checkbox: absent or false-ish is unticked; "on" (HTML forms), true and true-ish strings are ticked. */
function tickedOf(input: unknown): boolean | undefined {
  if (input === undefined || input === null || typeof input === 'boolean') return input === true;
  if (Array.isArray(input)) {
    const states = input.map(tickedOf);
    if (states.some((state) => state === undefined)) return undefined;
    return states.includes(true);
  }
  if (typeof input !== 'string') return undefined;
  const word = input.trim().toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(word)) return true;
  if (['', 'off', 'false', 'no', '0'].includes(word)) return false;
  return undefined;
}

function isOption(field: Field, value: string): boolean {
  return field.options?.some((option) => option.value === value) ?? false;
}

function isEmpty(value: AnswerValue): boolean {
  return value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Characters as a person counts them: code points, not UTF-16 units. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
