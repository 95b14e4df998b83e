import { useEffect, useRef } from 'react';
import type { CreatedUser } from '../../shared/accounts.ts';

interface Props {
  created: CreatedUser;
  /** The administrator has written the code down: hide it for good. */
  onDone: () => void;
}

/**
 * A new account's one-time invitation code, shown this once (only its hash is stored). The person activates the
 * account with it on the sign-in page and chooses their own password; their recovery key is shown to them alone.
 */
export function InvitationNotice({ created, onDone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const until = new Date(created.invitation.expiresAt).toLocaleString();
  return (
    <div className="recovery-key notice--info" ref={ref} tabIndex={-1} role="group" aria-label="Invitation code">
      <p>
        The account <strong>{created.user.username}</strong> ({created.user.displayName}) is created, but has no
        password yet. Its invitation code:
      </p>
      <p>
        <code className="secret-key">{created.invitation.code}</code>
      </p>
      <p>
        <strong>This is the only time the code is shown.</strong> Write it down and hand it to{' '}
        {created.user.displayName} in person; do not send it by e-mail or chat. On the sign-in page they choose
        &ldquo;Activate your account&rdquo;, type their username <strong>{created.user.username}</strong> and this code,
        and choose their own password. The code works once, until {until}. If it runs out or gets lost, make a new one
        from the list above.
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have written it down — hide the code
      </button>
    </div>
  );
}
