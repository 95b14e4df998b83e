/**
 * Staff accounts, for administrators: who has an account, their role, two-factor sign-in and state; create one by
 * invitation (its first one-time code shown once), approve another administrator's invitation (its second code shown
 * once), reset a password, turn off a lost two-factor sign-in, disable and enable. Administrators manage accounts but never read a report, and never learn or set anyone's password or
 * recovery key.
 */
import { useState } from 'react';
import type { ApprovedInvitation, CreatedUser } from '../../shared/accounts.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { InvitationNotice } from '../components/InvitationNotice.tsx';
import { Section } from '../components/Section.tsx';
import { UserCreateForm } from '../components/UserCreateForm.tsx';
import { UserTable } from '../components/UserTable.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useUsers } from '../hooks/useUsers.ts';

export function UsersPage() {
  useDocumentTitle('Staff accounts');
  const { users, error, put } = useUsers();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [approved, setApproved] = useState<ApprovedInvitation | null>(null);

  return (
    <>
      <PageHeading>Staff accounts</PageHeading>
      <p className="hint">
        A password reset or disabling ends that person&apos;s sessions at once. You never set anyone&apos;s password: a
        new account gets two invitation codes, one from you and one from the administrator who approves it, each handed
        over in person, and the person chooses their own password with both; after a reset they choose a new one with
        their recovery key, which only they have.
      </p>
      <Section title="Accounts">
        {error ? (
          <ErrorMessage message={`The accounts could not be loaded: ${error.message}`} />
        ) : users === null ? (
          <p role="status">Loading…</p>
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
      <Section title="Add a staff account">
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
