/**
 * Staff accounts, for administrators: who has an account, their role, two-factor sign-in and state; create one by
 * invitation (its first one-time code shown once), approve another administrator's invitation (its second code shown
 * once), reset a password, turn off a lost two-factor sign-in, disable and enable. Administrators manage accounts but never read a report, and never learn or set anyone's password or
 * recovery key.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovedInvitation, CreatedUser } from '../../shared/accounts.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { InvitationNotice } from '../components/InvitationNotice.tsx';
import { Section } from '../components/Section.tsx';
import { UserCreateForm } from '../components/UserCreateForm.tsx';
import { UserTable } from '../components/UserTable.tsx';
import { UserEditForm } from '../components/UserEditForm.tsx';
import { ADD_ADMINISTRATOR } from './AdminHomePage.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useUsers } from '../hooks/useUsers.ts';

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('usersPage.heading'));
  const { users, error, put } = useUsers();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [approved, setApproved] = useState<ApprovedInvitation | null>(null);

  return (
    <>
      <PageHeading>{t('usersPage.heading')}</PageHeading>
      <p className="hint">{t('usersPage.intro')}</p>
      <Section title={t('usersPage.accounts')}>
        {error ? (
          <ErrorMessage message={t('usersPage.loadFailed', { message: error.message })} />
        ) : users === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <UserTable
            users={users}
            onChanged={put}
            onInvited={(result) => {
              put(result.user);
              setCreated(result);
            }}
            onApproved={setApproved}
          />
        )}
        {approved ? (
          <InvitationNotice
            user={approved.user}
            code={approved.approval}
            part="second"
            onDone={() => setApproved(null)}
          />
        ) : null}
      </Section>
      {users ? (
        <Section title={t('userEdit.heading')}>
          <UserEditForm users={users} onChanged={put} />
        </Section>
      ) : null}
      <Section title={t('usersPage.add')}>
        {users && users.filter((u) => u.role === 'administrator' && u.activated && !u.disabled).length === 1 ? (
          <div className="notice-box" role="note">
            <p>
              <strong>{t('adminHome.alone')}</strong> {t('adminHome.aloneInvitations')}
            </p>
            <p>
              <code dir="ltr">{ADD_ADMINISTRATOR}</code>
            </p>
          </div>
        ) : null}
        {created ? (
          <InvitationNotice
            user={created.user}
            code={created.invitation}
            part="first"
            onDone={() => setCreated(null)}
          />
        ) : (
          <UserCreateForm
            onCreated={(result) => {
              put(result.user);
              setCreated(result);
            }}
          />
        )}
      </Section>
    </>
  );
}
