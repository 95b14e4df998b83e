import { describe, expect, it } from 'vitest';
import type { Field } from '../../shared/profile.ts';
import { anchorOf, hiddenInputs, renderField, summaryItems } from './fields.ts';
import { localeFor } from './locale.ts';

const EN = localeFor(null, 'en');
import { answersAsForm } from './report-pages.ts';

const field = (over: Partial<Field> & Pick<Field, 'id' | 'type'>): Field =>
  ({ label: 'Question', required: false, ...over }) as Field;

describe('renderField', () => {
  it('renders a required short text with its label, help, limit and kept value', () => {
    const out = renderField(EN, {
      field: field({
        id: 'where',
        type: 'short_text',
        label: 'Where?',
        help: 'A place.',
        required: true,
        maxLength: 80,
      }),
      name: 'where',
      value: 'Gate "B"',
    }).value;
    expect(out).toContain('<label for="f-where">Where? <span class="required">(required)</span></label>');
    expect(out).toContain('<p class="hint" id="f-where-hint">A place.</p>');
    expect(out).toContain(
      '<input type="text" id="f-where" name="where" autocomplete="off" maxlength="80" aria-describedby="f-where-hint" aria-required="true" value="Gate &quot;B&quot;">',
    );
  });

  it('shows an error next to the field and marks the control invalid', () => {
    const out = renderField(EN, {
      field: field({ id: 'what', type: 'long_text' }),
      name: 'what',
      value: null,
      error: 'Please answer this question.',
    }).value;
    expect(out).toContain('<div class="field field-error">');
    expect(out).toContain(
      '<p class="error-message" id="f-what-error"><span class="visually-hidden">Error: </span>Please answer this question.</p>',
    );
    expect(out).toContain(
      '<textarea id="f-what" name="what" autocomplete="off" maxlength="20000" aria-describedby="f-what-error" aria-invalid="true" rows="8"></textarea>',
    );
  });

  it('renders a single choice as a radio group in a fieldset with the chosen option checked', () => {
    const options = [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No <never>' },
    ];
    const out = renderField(EN, {
      field: field({ id: 'danger', type: 'single_choice', label: 'In danger?', options }),
      name: 'danger',
      value: 'no',
    }).value;
    expect(out).toContain('<fieldset class="field">\n<legend>In danger?</legend>');
    expect(out).toContain('<input type="radio" id="f-danger-0" name="danger" value="yes" autocomplete="off">');
    expect(out).toContain(
      '<input type="radio" id="f-danger-1" name="danger" value="no" autocomplete="off" checked>\n<label for="f-danger-1">No &lt;never&gt;</label>',
    );
  });

  it('renders a multiple choice as checkboxes and a checkbox field as one ticked box', () => {
    const options = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    const multi = renderField(EN, {
      field: field({ id: 'kinds', type: 'multiple_choice', options }),
      name: 'kinds',
      value: ['a', 'b'],
    }).value;
    expect(multi).toContain('<input type="checkbox" id="f-kinds-0" name="kinds" value="a" autocomplete="off" checked>');
    expect(multi).toContain('<input type="checkbox" id="f-kinds-1" name="kinds" value="b" autocomplete="off" checked>');
    expect(multi).toContain('<p class="hint" id="f-kinds-hint">Choose all that apply.</p>');
    const box = renderField(EN, {
      field: field({ id: 'agree', type: 'checkbox', label: 'I agree', required: true }),
      name: 'agree',
      value: true,
    }).value;
    expect(box).toContain(
      '<input type="checkbox" id="f-agree" name="agree" value="on" autocomplete="off" checked aria-required="true">\n<label for="f-agree">I agree <span class="required">(required)</span></label>',
    );
  });

  it('renders a date input with an example, and identity and file fields under their prefixed names', () => {
    expect(
      renderField(EN, { field: field({ id: 'when', type: 'date' }), name: 'when', value: '2024-03-15' }).value,
    ).toContain(
      '<input type="date" id="f-when" name="when" autocomplete="off" aria-describedby="f-when-hint" value="2024-03-15">',
    );
    expect(
      renderField(EN, { field: field({ id: 'name', type: 'short_text' }), name: 'identity.name' }).value,
    ).toContain('id="f-identity-name" name="identity.name"');
    expect(renderField(EN, { field: field({ id: 'photos', type: 'file' }), name: 'file.photos' }).value).toContain(
      '<input type="file" id="f-file-photos" name="file.photos" autocomplete="off">',
    );
  });
});

describe('error summary items and carried values', () => {
  it('points choice fields at their first option, in the order of the form', () => {
    const fields = [
      field({ id: 'what', type: 'long_text', label: 'What?' }),
      field({ id: 'danger', type: 'single_choice', label: 'Danger?' }),
    ];
    expect(summaryItems(EN, fields, { danger: 'Choose one.', what: 'Answer it.' })).toEqual([
      { href: 'f-what', text: 'What?: Answer it.' },
      { href: 'f-danger-0', text: 'Danger?: Choose one.' },
    ]);
    expect(
      summaryItems(
        EN,
        [field({ id: 'name', type: 'short_text', label: 'Name' })],
        { 'identity.name': 'Too long.' },
        'identity.',
      ),
    ).toEqual([{ href: 'f-identity-name', text: 'Name: Too long.' }]);
    expect(anchorOf({ type: 'multiple_choice' }, 'kinds')).toBe('f-kinds-0');
  });

  it('carries answers as form values: arrays repeated, a ticked box as "on", empty answers left out', () => {
    const values = answersAsForm({ a: 'x', b: ['1', '2'], c: true, d: false, e: null });
    expect(values).toEqual({ a: 'x', b: ['1', '2'], c: 'on' });
    expect(hiddenInputs(values).value).toBe(
      '<input type="hidden" name="a" value="x">\n<input type="hidden" name="b" value="1">\n<input type="hidden" name="b" value="2">\n<input type="hidden" name="c" value="on">\n',
    );
  });
});
