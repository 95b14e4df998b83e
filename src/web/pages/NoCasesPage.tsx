import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import type { Role } from '../../shared/api.ts';

/** What each role without case work does, in plain words: said here rather than an empty list or "Not found". */
const TASKS: Partial<Record<Role, string>> = {
  administrator:
    'Administrators configure Confide and manage staff accounts; they never read reports. Accounts are managed with the command line for now (npx confide user add, user disable, user unlock).',
  custodian:
    'Identity custodians decide on requests to disclose a reporter’s identity. Requests and their decisions come to this workspace in a later release; until then there is nothing to do here.',
  operator:
    'Intake operators record reports made by phone, letter, e-mail or in person. The intake screens come in a later release; meanwhile reports made through other channels can be entered on the public web form.',
};

export function NoCasesPage({ role }: { role: Role }) {
  useDocumentTitle('Your work');
  return (
    <>
      <PageHeading>Your work</PageHeading>
      <p>You are signed in as {ROLE_LABELS[role]}. This role does not work on cases, so no case list is shown.</p>
      <p>{TASKS[role] ?? 'There is nothing for this role to do here yet.'}</p>
    </>
  );
}
