import { useEffect, useRef } from 'react';
import type { CreatedUser } from '../../shared/accounts.ts';

interface Props {
  created: CreatedUser;
  /** The administrator has written the key down: hide it for good. */
  onDone: () => void;
}

/**
 * The new account's recovery key, shown this once: it is stored nowhere and cannot be shown again. It restores the
 * account after a lost password, so it must reach its owner safely and no one else.
 */
export function RecoveryKeyNotice({ created, onDone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="recovery-key notice--info" ref={ref} tabIndex={-1} role="group" aria-label="Recovery key">
      <p>
        The account <strong>{created.user.username}</strong> ({created.user.displayName}) is ready. Its recovery key:
      </p>
      <p>
        <code className="secret-key">{created.recoveryKey}</code>
      </p>
      <p>
        <strong>This is the only time the key is shown.</strong> Write it down or print it and hand it to{' '}
        {created.user.displayName} in person, with the first password given separately. Do not send it by e-mail or
        chat, and do not keep a copy: anyone holding it can take over the account. Without it a lost password cannot be
        replaced and the account has to be created again.
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have written it down — hide the key
      </button>
    </div>
  );
}
