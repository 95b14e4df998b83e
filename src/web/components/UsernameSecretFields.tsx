/**
 * The username and one-time secrets typed from paper — the two invitation codes or a recovery key — as the
 * activation and recovery forms ask for them: no autocomplete or spell check on a secret, and a hint under each on
 * how it may be typed.
 */
import { useTranslation } from 'react-i18next';
export interface SecretInput {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
}

interface Props {
  /** Prefix for the inputs' ids (useId of the form). */
  id: string;
  username: string;
  onUsernameChange: (value: string) => void;
  secrets: SecretInput[];
}

export function UsernameSecretFields(p: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${p.id}-username`}>{t('usernameSecret.username')}</label>
        <input
          id={`${p.id}-username`}
          autoComplete="username"
          maxLength={200}
          value={p.username}
          onChange={(e) => p.onUsernameChange(e.target.value)}
        />
      </div>
      {p.secrets.map((secret, i) => (
        <div className="field" key={secret.label}>
          <label htmlFor={`${p.id}-secret${i}`}>{secret.label}</label>
          <input
            id={`${p.id}-secret${i}`}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={secret.value}
            onChange={(e) => secret.onChange(e.target.value)}
            aria-describedby={`${p.id}-secret${i}-hint`}
          />
          <p id={`${p.id}-secret${i}-hint`} className="hint">
            {secret.hint}
          </p>
        </div>
      ))}
    </>
  );
}
