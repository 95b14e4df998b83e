import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import type { Role } from '../../shared/api.ts';
import { Link } from '../components/Link.tsx';
import { REQUEST_ROLES, requestsPath } from '../router/routes.ts';

/** What each role without case work does, in plain words: said here rather than an empty list or "Not found". */
const TASKS: Partial<Record<Role, string>> = {
  administrator:
    'Administrators configure Confide and manage staff accounts on the Users page; they never read reports.',
  custodian: 'Identity custodians decide on requests to disclose a reporter’s identity, without reading the case.',
  operator:
    'Intake operators record reports made by phone, letter, in person or passed on by another authority, on the Record a report page, and hand the receipt over. They read no case.',
};

export function NoCasesPage({ role }: { role: Role }) {
  useDocumentTitle('Your work');
  return (
    <>
      <PageHeading>Your work</PageHeading>
      <p>You are signed in as {ROLE_LABELS[role]}. This role does not work on cases, so no case list is shown.</p>
      <p>{TASKS[role] ?? 'There is nothing for this role to do here yet.'}</p>
      {REQUEST_ROLES.includes(role) ? (
        <p>
          <Link href={requestsPath()}>Go to Requests</Link> to see what is waiting for your decision.
        </p>
      ) : null}
    </>
  );
}
