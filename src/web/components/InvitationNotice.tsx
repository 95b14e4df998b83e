import { useEffect, useRef } from 'react';
import type { Invitation, UserListItem } from '../../shared/accounts.ts';

interface Props {
  user: UserListItem;
  code: Invitation;
  /** first: the issuing administrator's code (new account, new code); second: the approving administrator's. */
  part: 'first' | 'second';
  /** The administrator has written the code down: hide it for good. */
  onDone: () => void;
}

/**
 * One of an invitation's two one-time codes, shown this once to the administrator who holds it (only its hash is
 * stored). Each administrator hands their code to the named person in person, never to each other: the person
 * activates the account with both on the sign-in page and chooses their own password, so neither administrator
 * alone can activate it.
 */
export function InvitationNotice({ user, code, part, onDone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const until = new Date(code.expiresAt).toLocaleString();
  const name = user.displayName;
  return (
    <div
      className="recovery-key notice--info"
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label={part === 'first' ? 'Invitation code' : 'Second invitation code'}
    >
      {part === 'first' ? (
        <p>
          The account <strong>{user.username}</strong> ({name}) has no password yet. The first of its two invitation
          codes:
        </p>
      ) : (
        <p>
          You approved the invitation of <strong>{name}</strong> ({user.username}). Its second invitation code:
        </p>
      )}
      <p>
        <code className="secret-key">{code.code}</code>
      </p>
      {part === 'first' ? (
        <p>
          <strong>This is the only time the code is shown.</strong> Write it down and hand it to {name} in person; do
          not send it by e-mail or chat. Another administrator must approve the invitation: they get the second code and
          hand it to {name} themselves. With both codes {name} chooses &ldquo;Activate your account&rdquo; on the
          sign-in page, types the username <strong>{user.username}</strong>, both codes and a password of their own. If
          the invitation is not approved by {until}, make a new code from the list above.
        </p>
      ) : (
        <p>
          <strong>This is the only time the code is shown.</strong> Give it to {name} in person, and only to {name}:
          make sure it is really them. Never give it to the administrator who issued the invitation, nor send it by
          e-mail or chat — whoever holds both codes can activate the account. Both codes work until {until}.
        </p>
      )}
      <button type="button" className="button" onClick={onDone}>
        I have written it down — hide the code
      </button>
    </div>
  );
}
