import { useId } from 'react';

/** The fewest characters a staff password may have (the server's rule, domain/accounts/users.ts). */
export const MIN_PASSWORD = 12;

/**
 * Checks a new password and its repetition before they are sent.
 * @returns what to tell the user, or null when the two will do
 */
export function newPasswordProblem(password: string, repeat: string): string | null {
  if ([...password].length < MIN_PASSWORD) return `The new password needs at least ${MIN_PASSWORD} characters.`;
  if (password !== repeat) return 'The two new passwords are not the same. Type them again.';
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
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>New password</label>
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
          At least {MIN_PASSWORD} characters, and hard to guess: a few unrelated words make a good one. Your name,
          username or a common password will be refused.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>New password again</label>
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
