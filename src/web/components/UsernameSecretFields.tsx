/**
 * The username and a one-time secret typed from paper — an invitation code or a recovery key — as the activation
 * and recovery forms ask for them: no autocomplete or spell check on the secret, and a hint on how it may be typed.
 */
interface Props {
  /** Prefix for the inputs' ids (useId of the form). */
  id: string;
  username: string;
  onUsernameChange: (value: string) => void;
  secretLabel: string;
  secret: string;
  onSecretChange: (value: string) => void;
  hint: string;
}

export function UsernameSecretFields(p: Props) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${p.id}-username`}>Username</label>
        <input
          id={`${p.id}-username`}
          autoComplete="username"
          maxLength={200}
          value={p.username}
          onChange={(e) => p.onUsernameChange(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${p.id}-secret`}>{p.secretLabel}</label>
        <input
          id={`${p.id}-secret`}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={p.secret}
          onChange={(e) => p.onSecretChange(e.target.value)}
          aria-describedby={`${p.id}-secret-hint`}
        />
        <p id={`${p.id}-secret-hint`} className="hint">
          {p.hint}
        </p>
      </div>
    </>
  );
}
