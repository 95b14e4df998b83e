/**
 * Staff accounts, for administrators: who has an account, their role, two-factor sign-in and state; create one
 * (its recovery key shown once), reset a password, turn off a lost two-factor sign-in, disable. Administrators
 * manage accounts but never read a report, and never learn or set anyone's password.
 */
import { useState } from 'react';
import type { CreatedUser } from '../../shared/accounts.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RecoveryKeyNotice } from '../components/RecoveryKeyNotice.tsx';
import { Section } from '../components/Section.tsx';
import { UserCreateForm } from '../components/UserCreateForm.tsx';
import { UserTable } from '../components/UserTable.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useUsers } from '../hooks/useUsers.ts';

export function UsersPage() {
  useDocumentTitle('Staff accounts');
  const { users, error, put } = useUsers();
  const [created, setCreated] = useState<CreatedUser | null>(null);

  return (
    <>
      <PageHeading>Staff accounts</PageHeading>
      <p className="hint">
        A password reset or disabling ends that person&apos;s sessions at once. You never set anyone&apos;s password:
        after a reset they choose a new one with their recovery key.
      </p>
      <Section title="Accounts">
        {error ? (
          <ErrorMessage message={`The accounts could not be loaded: ${error.message}`} />
        ) : users === null ? (
          <p role="status">Loading…</p>
        ) : (
          <UserTable users={users} onChanged={put} />
        )}
      </Section>
      <Section title="Add a staff account">
        {created ? (
          <RecoveryKeyNotice created={created} onDone={() => setCreated(null)} />
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
