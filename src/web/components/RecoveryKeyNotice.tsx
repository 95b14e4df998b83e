import { useEffect, useRef } from 'react';

interface Props {
  recoveryKey: string;
  /** The person has written the key down: go on. */
  onDone: () => void;
}

/**
 * The recovery key of an account just activated, shown this once to its owner (never to an administrator): it is
 * stored nowhere and restores the account after a lost password.
 */
export function RecoveryKeyNotice({ recoveryKey, onDone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="recovery-key notice--info" ref={ref} tabIndex={-1} role="group" aria-label="Recovery key">
      <p>Your account is active. Your recovery key:</p>
      <p>
        <code className="secret-key">{recoveryKey}</code>
      </p>
      <p>
        <strong>This is the only time the key is shown.</strong> Write it down or print it and keep it somewhere safe,
        away from your computer. If you forget your password, it lets you choose a new one (&ldquo;Forgot your
        password?&rdquo;). Nobody else has it, not even an administrator: without it a lost password cannot be replaced.
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have written it down — continue
      </button>
    </div>
  );
}
