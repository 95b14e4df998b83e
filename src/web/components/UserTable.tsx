import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovedInvitation, CreatedUser, UserListItem } from '../../shared/accounts.ts';
import type { UserAction } from '../lib/accounts.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { actionText, accountStatus, actionsFor, categoriesText, totpStatus } from '../lib/accounts.ts';
import { isolate } from '../lib/isolate.ts';
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
  const { t } = useTranslation();
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
      return t('userTable.done', { name: isolate(user.displayName), done: actionText(action).done });
    }, t('userTable.failed'));
    if (ok) setPending(null);
  }

  return (
    <>
      <div className="table-scroll">
        <table className="cases users">
          <caption className="visually-hidden">{t('userTable.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('userTable.name')}</th>
              <th scope="col">{t('userTable.role')}</th>
              <th scope="col">{t('userTable.email')}</th>
              <th scope="col">{t('userTable.categories')}</th>
              <th scope="col">{t('userTable.twoFactor')}</th>
              <th scope="col">{t('userTable.account')}</th>
              <th scope="col">{t('userTable.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <bdi>{user.displayName}</bdi>
                  <br />
                  <bdi className="muted">{user.username}</bdi>
                </th>
                <td>{t(`userRoles.${user.role}`)}</td>
                <td>
                  {user.email ? <bdi>{user.email}</bdi> : <span className="muted">{t('userTable.noEmail')}</span>}
                </td>
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
                        {actionText(action).button}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{user.displayName}</bdi>
                        </span>
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
                            return t('userTable.approved', { name: isolate(user.displayName) });
                          }, t('userTable.approveFailed'))
                        }
                      >
                        {t('userTable.approve')}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{user.displayName}</bdi>
                        </span>
                      </button>
                    ) : null}
                    {!user.activated && !user.disabled ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() =>
                          void run(async () => {
                            onInvited(await api.reissueInvitation(user.id));
                            return t('userTable.newCodeShown', { name: isolate(user.displayName) });
                          }, t('userTable.newCodeFailed'))
                        }
                      >
                        {t('userTable.newCode')}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{user.displayName}</bdi>
                        </span>
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
        <div
          className="confirm notice--info"
          role="group"
          aria-label={t('userTable.confirm')}
          tabIndex={-1}
          ref={confirmRef}
        >
          <p>{actionText(pending.action).confirm(isolate(pending.user.displayName))}</p>
          <button type="button" className="button" onClick={() => void confirm()} aria-disabled={busy}>
            {actionText(pending.action).yes}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
            {t('userTable.cancel')}
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
