/**
 * An administrator's home: what waits for them — changes another administrator asked them to approve,
 * invitations waiting for a second administrator — and the way to the administration and the staff accounts.
 * With one administrator it says what that means.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminChangeView } from '../../shared/administration.ts';
import type { UserListItem } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Section } from '../components/Section.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { adminPath, usersPath } from '../router/routes.ts';

/** The server's command that adds an administrator (src/cli/commands/user.ts), shown as typed. */
export const ADD_ADMINISTRATOR = 'npx confide user add --role administrator --username NAME';

export function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminHome.heading'));
  const api = useApi();
  const [changes, setChanges] = useState<AdminChangeView[] | null>(null);
  const [users, setUsers] = useState<UserListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const failed = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    api.adminChanges().then(setChanges).catch(failed);
    api
      .listUsers()
      .then((list) => setUsers(list.users))
      .catch(failed);
  }, [api]);

  const toApprove = (changes ?? []).filter((c) => c.status === 'pending' && !c.mine);
  const mine = (changes ?? []).filter((c) => c.status === 'pending' && c.mine);
  const invitations = (users ?? []).filter((u) => !u.activated && !u.invitationApproved && u.canApproveInvitation);
  const administrators = (users ?? []).filter((u) => u.role === 'administrator' && u.activated && !u.disabled).length;

  return (
    <>
      <PageHeading>{t('adminHome.heading')}</PageHeading>
      <ErrorMessage message={error} />
      {users !== null && administrators === 1 ? (
        <div className="notice-box" role="note">
          <p>
            <strong>{t('adminHome.alone')}</strong>
          </p>
          <p>{t('adminHome.aloneInvitations')}</p>
          <p>
            <code dir="ltr">{ADD_ADMINISTRATOR}</code>
          </p>
          <p>{t('adminHome.aloneChanges')}</p>
        </div>
      ) : null}
      <Section title={t('adminHome.waiting')}>
        {changes === null || users === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : toApprove.length + invitations.length === 0 ? (
          <p>{t('adminHome.nothing')}</p>
        ) : (
          <ul>
            {toApprove.map((c) => (
              <li key={c.id}>
                <Link href={adminPath()}>
                  {t('adminHome.changeToApprove', { subject: c.subject, name: c.requestedBy })}
                </Link>
              </li>
            ))}
            {invitations.map((u) => (
              <li key={u.id}>
                <Link href={usersPath()}>{t('adminHome.invitationToApprove', { name: u.displayName })}</Link>
              </li>
            ))}
          </ul>
        )}
        {mine.length > 0 ? <p className="hint">{t('adminHome.mineWaiting', { count: mine.length })}</p> : null}
      </Section>
      <Section title={t('adminHome.tasks')}>
        <ul>
          <li>
            <Link href={adminPath()}>{t('adminHome.administration')}</Link> — {t('adminHome.administrationHint')}
          </li>
          <li>
            <Link href={usersPath()}>{t('adminHome.users')}</Link> — {t('adminHome.usersHint')}
          </li>
        </ul>
      </Section>
    </>
  );
}
