import { useEffect, useRef, useState } from 'react';
import type { ApprovedInvitation, CreatedUser, UserListItem } from '../../shared/accounts.ts';
import type { UserAction } from '../lib/accounts.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { ACTION_TEXT, accountStatus, actionsFor, categoriesText, totpStatus } from '../lib/accounts.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  users: UserListItem[];
  onChanged: (user: UserListItem) => void;
  /** A new invitation code was issued for an account not yet activated: show it once. */
  onInvited: (created: CreatedUser) => void;
  /** This administrator approved an invitation: show its second code once. */
  onApproved: (approved: ApprovedInvitation) => void;
}

/**
 * The staff accounts, each with what an administrator may do to it. Every action is confirmed first, in words
 * that say what happens (sessions end at once; no password is ever set by an administrator).
 */
export function UserTable({ users, onChanged, onInvited, onApproved }: Props) {
  const api = useApi();
  const [pending, setPending] = useState<{ user: UserListItem; action: UserAction } | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const { busy, error, notice, run } = useSubmit();

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  async function confirm() {
    if (!pending) return;
    const { user, action } = pending;
    const ok = await run(async () => {
      const result = await api.userAction(user.id, action);
      onChanged(result.user);
      setWarning(result.warning ?? null);
      return `${user.displayName}: ${ACTION_TEXT[action].done}`;
    }, 'That did not work. Try again.');
    if (ok) setPending(null);
  }

  return (
    <>
      <div className="table-scroll">
        <table className="cases users">
          <caption className="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">E-mail</th>
              <th scope="col">Categories</th>
              <th scope="col">Two-factor sign-in</th>
              <th scope="col">Account</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.displayName}
                  <br />
                  <span className="muted">{user.username}</span>
                </th>
                <td>{ROLE_LABELS[user.role]}</td>
                <td>{user.email ?? <span className="muted">None</span>}</td>
                <td>{categoriesText(user)}</td>
                <td>{totpStatus(user)}</td>
                <td>{accountStatus(user)}</td>
                <td>
                  <div className="row-actions">
                    {actionsFor(user).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setPending({ user, action })}
                      >
                        {ACTION_TEXT[action].button}
                        <span className="visually-hidden"> {user.displayName}</span>
                      </button>
                    ))}
                    {user.canApproveInvitation && !user.disabled ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() =>
                          void run(async () => {
                            const approved = await api.approveInvitation(user.id);
                            onChanged(approved.user);
                            onApproved(approved);
                            return `${user.displayName}: invitation approved; its second code is shown below.`;
                          }, 'The invitation could not be approved. Try again.')
                        }
                      >
                        Approve invitation
                        <span className="visually-hidden"> {user.displayName}</span>
                      </button>
                    ) : null}
                    {!user.activated && !user.disabled ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() =>
                          void run(async () => {
                            onInvited(await api.reissueInvitation(user.id));
                            return `${user.displayName}: a new first invitation code is shown below; both old codes no longer work, and another administrator must approve again.`;
                          }, 'No new code could be made. Try again.')
                        }
                      >
                        New invitation code
                        <span className="visually-hidden"> {user.displayName}</span>
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending ? (
        <div className="confirm notice--info" role="group" aria-label="Confirm" tabIndex={-1} ref={confirmRef}>
          <p>{ACTION_TEXT[pending.action].confirm(pending.user.displayName)}</p>
          <button type="button" className="button" onClick={() => void confirm()} aria-disabled={busy}>
            Yes, {ACTION_TEXT[pending.action].button.toLowerCase()}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {warning ? (
        <p className="notice notice--info" role="alert">
          {warning}
        </p>
      ) : null}
      <FormFeedback error={error} notice={notice} />
    </>
  );
}
