import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldView } from '../../shared/api.ts';
import type { AnswerInput } from '../lib/intake.ts';

type Field = z.output<typeof FieldView>;

interface Props {
  field: Field;
  value: AnswerInput | undefined;
  error: string | undefined;
  onChange: (value: AnswerInput) => void;
  /** A file question: the files chosen for it. */
  onFiles?: (files: File[]) => void;
}

/** One question of a category's questionnaire (or of the identity section), as the public web form asks it. */
export function IntakeField({ field, value, error, onChange, onFiles }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [field.help ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const label = field.required ? field.label : t('intakeField.optional', { label: field.label });
  const notes = (
    <>
      {field.help ? (
        <p id={hintId} className="hint">
          {field.help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );

  if (field.type === 'single_choice' || field.type === 'multiple_choice') {
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <fieldset className="choice choice--column" aria-describedby={described} aria-invalid={error ? true : undefined}>
        <legend>{label}</legend>
        {field.options.map((o) => (
          <label key={o.value} className="radio">
            <input
              type={field.type === 'single_choice' ? 'radio' : 'checkbox'}
              name={id}
              value={o.value}
              checked={chosen.includes(o.value)}
              onChange={(e) =>
                onChange(
                  field.type === 'single_choice'
                    ? o.value
                    : e.target.checked
                      ? [...chosen, o.value]
                      : chosen.filter((v) => v !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
        {notes}
      </fieldset>
    );
  }
  if (field.type === 'checkbox')
    return (
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={value === true}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.checked)}
          />
          {label}
        </label>
        {notes}
      </div>
    );
  const common = {
    id,
    value: typeof value === 'string' ? value : '',
    'aria-describedby': described,
    'aria-invalid': error ? true : undefined,
    autoComplete: 'off',
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.type === 'long_text' ? (
        <textarea {...common} rows={6} onChange={(e) => onChange(e.target.value)} />
      ) : field.type === 'file' ? (
        <input
          id={id}
          type="file"
          multiple
          aria-describedby={described}
          onChange={(e) => onFiles?.([...(e.target.files ?? [])])}
        />
      ) : (
        <input {...common} type={field.type === 'date' ? 'date' : 'text'} onChange={(e) => onChange(e.target.value)} />
      )}
      {notes}
    </div>
  );
}
