/**
 * Questionnaire fields as HTML form controls, one renderer per field type. Every control has a label, its help
 * text and error are tied to it with `aria-describedby`, required questions say so in words, and what the person
 * typed is put back when the form is shown again. Browser validation is left off (`aria-required`, not
 * `required`): the server's messages, in the error summary, are the only ones a person sees.
 */
import type { AnswerValue } from '../../shared/answers.ts';
import { maxLengthOf, type Field } from '../../shared/profile.ts';
import { html, type Html } from './html.ts';
import { errorPrefix, type SummaryItem } from './layout.ts';
import type { Locale } from './locale.ts';

/** The id of the control for the form field `name` (`f-what_happened`, `f-identity-name`). */
export function controlId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Where an error summary link for this field should land: the control, or the first option of a group. */
export function anchorOf(field: Pick<Field, 'type'>, name: string): string {
  const id = controlId(name);
  return field.type === 'single_choice' || field.type === 'multiple_choice' ? `${id}-0` : id;
}

/** One link per field with an error, in the order of the form. `prefix` is prepended to field ids (e.g. `identity.`). */
export function summaryItems(
  loc: Locale,
  fields: readonly Field[],
  errors: Record<string, string>,
  prefix = '',
): SummaryItem[] {
  return fields.flatMap((field) => {
    const message = errors[prefix + field.id];
    return message === undefined
      ? []
      : [
          {
            href: anchorOf(field, prefix + field.id),
            text: loc.t('fields.summaryItem', { label: field.label, message: loc.msg(message) }),
          },
        ];
  });
}

export interface FieldInput {
  field: Field;
  /** The form field name: the field id, with a prefix for identity (`identity.`) or file (`file.`) fields. */
  name: string;
  value?: AnswerValue | undefined;
  error?: string | undefined;
}

const requiredMark = (loc: Locale, field: Field) =>
  field.required && html` <span class="required">${loc.t('fields.required')}</span>`;

const attr = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : html` ${name}="${String(value)}"`;

const textOf = (value: AnswerValue | undefined): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';

/** Field types with a hint of their own in the catalogue (`fields.hints.<type>`). */
const EXTRA_HINT: ReadonlySet<Field['type']> = new Set(['date', 'multiple_choice']);

/** Renders one question as a form control with its label, help text and error. */
export function renderField(loc: Locale, { field, name, value, error: english }: FieldInput): Html {
  const id = controlId(name);
  const error = english && loc.msg(english);
  const hint = [field.help, EXTRA_HINT.has(field.type) ? loc.t(`fields.hints.${field.type}`) : undefined]
    .filter(Boolean)
    .join(' ');
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const notes = html`${hint && html`<p class="hint" id="${id}-hint">${hint}</p>\n`}${
    error && html`<p class="error-message" id="${id}-error">${errorPrefix(loc)}${error}</p>\n`
  }`;
  const state = html`${field.required && html` aria-required="true"`}${error && html` aria-invalid="true"`}`;
  const wrapClass = error ? 'field field-error' : 'field';

  switch (field.type) {
    case 'short_text':
    case 'long_text':
    case 'date': {
      const common = html` id="${id}" name="${name}" autocomplete="off"${attr('maxlength', maxLengthOf(field) ?? undefined)}${attr('aria-describedby', described)}${state}`;
      const control =
        field.type === 'long_text'
          ? html`<textarea${common} rows="8">${textOf(value)}</textarea>`
          : html`<input type="${field.type === 'date' ? 'date' : 'text'}"${common} value="${textOf(value)}">`;
      return html`<div class="${wrapClass}">
<label for="${id}">${field.label}${requiredMark(loc, field)}</label>
${notes}${control}
</div>\n`;
    }
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      const type = field.type === 'single_choice' ? 'radio' : 'checkbox';
      return html`<fieldset class="${wrapClass}"${attr('aria-describedby', described)}>
<legend>${field.label}${requiredMark(loc, field)}</legend>
${notes}<div class="choices">
${(field.options ?? []).map(
  (option, i) => html`<div class="choice">
<input type="${type}" id="${id}-${i}" name="${name}" value="${option.value}" autocomplete="off"${chosen.includes(option.value) && html` checked`}${error && html` aria-invalid="true"`}>
<label for="${id}-${i}">${option.label}</label>
</div>\n`,
)}</div>
</fieldset>\n`;
    }
    case 'checkbox':
      return html`<div class="${wrapClass}">
${notes}<div class="choice">
<input type="checkbox" id="${id}" name="${name}" value="on" autocomplete="off"${value === true && html` checked`}${attr('aria-describedby', described)}${state}>
<label for="${id}">${field.label}${requiredMark(loc, field)}</label>
</div>
</div>\n`;
    case 'file':
      return html`<div class="${wrapClass}">
<label for="${id}">${field.label}${requiredMark(loc, field)}</label>
${notes}<input type="file" id="${id}" name="${name}" autocomplete="off"${attr('aria-describedby', described)}${state}>
</div>\n`;
  }
}

/** Hidden inputs that carry values through a form unchanged (arrays as repeated inputs). */
export function hiddenInputs(values: Record<string, string | string[] | undefined>): Html {
  return html`${Object.entries(values).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(
      (v) => html`<input type="hidden" name="${name}" value="${v}">\n`,
    ),
  )}`;
}
