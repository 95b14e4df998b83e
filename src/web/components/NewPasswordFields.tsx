import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/language.ts';

/** The fewest characters a staff password may have (the server's rule, domain/accounts/users.ts). */
export const MIN_PASSWORD = 12;

/**
 * Checks a new password and its repetition before they are sent.
 * @returns what to tell the user, or null when the two will do
 */
export function newPasswordProblem(password: string, repeat: string): string | null {
  if ([...password].length < MIN_PASSWORD) return i18n.t('newPassword.tooShort', { min: MIN_PASSWORD });
  if (password !== repeat) return i18n.t('newPassword.mismatch');
  return null;
}

interface Props {
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
}

/**
 * "New password" with the rules under it, and "New password again", for choosing a password. How hard it is to guess
 * is judged by the server (zxcvbn), whose refusal says why and what would do.
 */
export function NewPasswordFields({ password, repeat, onPasswordChange, onRepeatChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('newPassword.label')}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          maxLength={1000}
          value={password}
          onChange={(e) => onPasswordChange(e.target.value)}
          aria-describedby={`${id}-new-hint`}
        />
        <p id={`${id}-new-hint`} className="hint">
          {t('newPassword.hint', { min: MIN_PASSWORD })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('newPassword.again')}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          maxLength={1000}
          value={repeat}
          onChange={(e) => onRepeatChange(e.target.value)}
        />
      </div>
    </>
  );
}
