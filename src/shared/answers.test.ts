import { describe, expect, it } from 'vitest';
import { displayAnswer, validateAnswers } from './answers.ts';
import { Field, type FieldOption } from './profile.ts';

const DANGER: FieldOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: "I don't know" },
];
const CONTACT: FieldOption[] = [
  { value: 'online', label: 'Online' },
  { value: 'job', label: 'A job offer' },
  { value: 'meeting', label: 'In person' },
];

/** A validated field, with the schema's defaults applied. */
function field(overrides: Partial<Field> & Pick<Field, 'id' | 'type'>): Field {
  return Field.parse({ label: overrides.id, ...overrides });
}

const QUESTIONNAIRE = [
  field({ id: 'what_happened', type: 'long_text', required: true }),
  field({ id: 'where', type: 'short_text' }),
  field({ id: 'when', type: 'date' }),
  field({ id: 'danger', type: 'single_choice', options: DANGER, required: true }),
  field({ id: 'contact_method', type: 'multiple_choice', options: CONTACT }),
  field({ id: 'confirm', type: 'checkbox' }),
  field({ id: 'attachments', type: 'file', required: true }),
];

describe('validateAnswers', () => {
  it('accepts a complete form submission and normalises it', () => {
    const result = validateAnswers(QUESTIONNAIRE, {
      what_happened: '  I saw it.\r\nTwice.  ',
      where: '',
      when: '2024-02-29',
      danger: 'no',
      contact_method: ['meeting', 'online', 'online'],
      confirm: 'on',
      unknown_key: 'ignored',
    });
    expect(result).toEqual({
      ok: true,
      answers: {
        what_happened: 'I saw it.\nTwice.',
        where: null,
        when: '2024-02-29',
        danger: 'no',
        contact_method: ['online', 'meeting'],
        confirm: true,
      },
    });
  });

  it('names every required field left empty', () => {
    expect(validateAnswers(QUESTIONNAIRE, { what_happened: '   ' })).toEqual({
      ok: false,
      errors: { what_happened: 'Please answer this question.', danger: 'Please choose one of the options.' },
      answers: { what_happened: null, where: null, when: null, danger: null, contact_method: null, confirm: false },
    });
  });

  it('requires a required checkbox to be ticked', () => {
    const fields = [field({ id: 'consent', type: 'checkbox', required: true })];
    expect(validateAnswers(fields, {})).toEqual({
      ok: false,
      errors: { consent: 'Please tick this box to continue.' },
      answers: { consent: false },
    });
  });

  it('counts characters, not UTF-16 units, against the default short_text limit of 500', () => {
    const fields = [field({ id: 'where', type: 'short_text' })];
    expect(validateAnswers(fields, { where: '😀'.repeat(500) })).toEqual({
      ok: true,
      answers: { where: '😀'.repeat(500) },
    });
    const tooLong = 'x'.repeat(612);
    expect(validateAnswers(fields, { where: tooLong })).toEqual({
      ok: false,
      errors: { where: 'At most 500 characters (you entered 612).' },
      answers: { where: tooLong },
    });
  });

  it('uses a field’s own maxLength and the long_text default of 20,000', () => {
    const short = [field({ id: 'contact', type: 'short_text', maxLength: 10 })];
    expect(validateAnswers(short, { contact: 'abcdefghijk' })).toMatchObject({
      errors: { contact: 'At most 10 characters (you entered 11).' },
    });
    const long = [field({ id: 'what_happened', type: 'long_text' })];
    expect(validateAnswers(long, { what_happened: 'y'.repeat(20_001) })).toMatchObject({
      errors: { what_happened: 'At most 20,000 characters (you entered 20,001).' },
    });
  });

  it('rejects a date that is not in the calendar', () => {
    const fields = [field({ id: 'when', type: 'date' })];
    expect(validateAnswers(fields, { when: '2026-02-30' })).toEqual({
      ok: false,
      errors: { when: 'There is no 30 February 2026. Please check the day and the month.' },
      answers: { when: '2026-02-30' },
    });
    expect(validateAnswers(fields, { when: '2023-02-29' })).toMatchObject({
      errors: { when: 'There is no 29 February 2023. Please check the day and the month.' },
    });
    expect(validateAnswers(fields, { when: '2026-13-01' })).toMatchObject({
      errors: { when: 'There is no month 13. Enter the date as year-month-day, for example 2024-03-15.' },
    });
    expect(validateAnswers(fields, { when: '29/02/2024' })).toEqual({
      ok: false,
      errors: { when: 'Enter the date as year-month-day, for example 2024-03-15.' },
      answers: { when: '29/02/2024' },
    });
  });

  it('keeps a valid date as the exact string answered', () => {
    const fields = [field({ id: 'when', type: 'date' })];
    const result = validateAnswers(fields, { when: ' 2024-02-29 ' });
    expect(result).toEqual({ ok: true, answers: { when: '2024-02-29' } });
    expect(typeof result.answers.when).toBe('string');
    expect(validateAnswers(fields, { when: '2000-02-29' })).toEqual({ ok: true, answers: { when: '2000-02-29' } });
  });

  it('rejects a choice that is not among the options', () => {
    const fields = [field({ id: 'danger', type: 'single_choice', options: DANGER })];
    expect(validateAnswers(fields, { danger: 'maybe' })).toEqual({
      ok: false,
      errors: { danger: 'Please choose one of the options listed.' },
      answers: { danger: 'maybe' },
    });
    expect(validateAnswers(fields, { danger: ['yes', 'no'] })).toEqual({
      ok: false,
      errors: { danger: 'Please choose only one option.' },
      answers: { danger: 'yes' },
    });
  });

  it('reads multiple choices from a form (one string or repeated keys) and from JSON', () => {
    const fields = [field({ id: 'contact_method', type: 'multiple_choice', options: CONTACT })];
    expect(validateAnswers(fields, { contact_method: 'job' })).toEqual({
      ok: true,
      answers: { contact_method: ['job'] },
    });
    expect(validateAnswers(fields, { contact_method: ['job', 'online'] })).toEqual({
      ok: true,
      answers: { contact_method: ['online', 'job'] },
    });
    expect(validateAnswers(fields, { contact_method: [] })).toEqual({ ok: true, answers: { contact_method: null } });
    expect(validateAnswers(fields, { contact_method: ['job', 'phone'] })).toEqual({
      ok: false,
      errors: { contact_method: 'Please choose from the options listed ("phone" is not one of them).' },
      answers: { contact_method: ['job', 'phone'] },
    });
  });

  it('reads a checkbox from a form ("on" or absent) and from JSON (boolean)', () => {
    const fields = [field({ id: 'confirm', type: 'checkbox' })];
    expect(validateAnswers(fields, { confirm: 'on' })).toEqual({ ok: true, answers: { confirm: true } });
    expect(validateAnswers(fields, {})).toEqual({ ok: true, answers: { confirm: false } });
    expect(validateAnswers(fields, { confirm: true })).toEqual({ ok: true, answers: { confirm: true } });
    expect(validateAnswers(fields, { confirm: false })).toEqual({ ok: true, answers: { confirm: false } });
    expect(validateAnswers(fields, { confirm: 'maybe' })).toEqual({
      ok: false,
      errors: { confirm: 'This answer could not be read. Please enter it again.' },
      answers: { confirm: false },
    });
  });

  it('returns everything typed, trimmed, when any answer fails', () => {
    const long = 'z'.repeat(501);
    const result = validateAnswers(QUESTIONNAIRE, {
      what_happened: '  A long account.  ',
      where: long,
      when: '2026-02-30',
      danger: 'yes',
      contact_method: ['online', ' job '],
      confirm: 'on',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        where: 'At most 500 characters (you entered 501).',
        when: 'There is no 30 February 2026. Please check the day and the month.',
      },
      answers: {
        what_happened: 'A long account.',
        where: long,
        when: '2026-02-30',
        danger: 'yes',
        contact_method: ['online', 'job'],
        confirm: true,
      },
    });
  });

  it('ignores inherited keys such as "constructor"', () => {
    const fields = [field({ id: 'constructor', type: 'short_text', required: true })];
    expect(validateAnswers(fields, {})).toEqual({
      ok: false,
      errors: { constructor: 'Please answer this question.' },
      answers: { constructor: null },
    });
  });
});

describe('displayAnswer', () => {
  it('shows choices by label, checkboxes as Yes or No, and empty answers as a dash', () => {
    const danger = field({ id: 'danger', type: 'single_choice', options: DANGER });
    const contact = field({ id: 'contact_method', type: 'multiple_choice', options: CONTACT });
    const confirm = field({ id: 'confirm', type: 'checkbox' });
    const when = field({ id: 'when', type: 'date' });
    expect(displayAnswer(danger, 'unsure')).toBe("I don't know");
    expect(displayAnswer(contact, ['online', 'job'])).toBe('Online, A job offer');
    expect(displayAnswer(confirm, true)).toBe('Yes');
    expect(displayAnswer(confirm, false)).toBe('No');
    expect(displayAnswer(when, '2024-02-29')).toBe('2024-02-29');
    expect(displayAnswer(when, null)).toBe('—');
    expect(displayAnswer(contact, [])).toBe('—');
  });
});
