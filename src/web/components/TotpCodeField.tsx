import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  /** Says where the code comes from, under the field. */
  hint: string;
  label?: string;
}

/** A labelled field for a 6-digit code from an authenticator app (TOTP); the phone's keypad offers digits. */
export function TotpCodeField({ ref, value, onChange, hint, label }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-code`}>{label ?? t('totpCode.label')}</label>
      <input
        id={`${id}-code`}
        ref={ref}
        name="code"
        className="input--short"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
