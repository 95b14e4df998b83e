import { useState } from 'react';
import type { Role } from '../../shared/api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequestCard } from '../components/RequestCard.tsx';
import { Section } from '../components/Section.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRequests } from '../hooks/useRequests.ts';
import { splitMine } from '../lib/requests.ts';

/** Roles that decide requests of others; custodians decide identity disclosures only. */
const DECIDING_ROLES: readonly Role[] = ['supervisor', 'custodian', 'oversight'];

/**
 * Approvals (the two-person rule): requests waiting for my decision, and my own requests with how they stand.
 * Custodians see only what waits for them: they decide on identity disclosures and never open the case.
 */
export function RequestsPage({ role }: { role: Role }) {
  useDocumentTitle('Requests');
  return (
    <>
      <PageHeading>Requests</PageHeading>
      <p>
        Sensitive steps need a second person: the one who asks can never approve their own request. A request waits 7
        days for a decision; an approval can then be used once, within 7 days.
      </p>
      {role === 'custodian' ? (
        <p>
          As an identity custodian you decide whether a reporter’s identity is disclosed to the staff member who asks.
          You do not see the case: decide on the reason and the legal basis given. Approving discloses the identity at
          once, from your session, and the reporter is told on their follow-up page.
        </p>
      ) : null}
      {DECIDING_ROLES.includes(role) ? (
        <Section title="To decide">
          <ToDecide caseShown={role === 'custodian' ? 'reference' : 'link'} />
        </Section>
      ) : null}
      {role !== 'custodian' ? (
        <Section title="My requests">
          <Mine />
        </Section>
      ) : null}
    </>
  );
}

function ToDecide({ caseShown }: { caseShown: 'link' | 'reference' }) {
  const { items, error, reload } = useRequests({ box: 'to_decide' });
  const [done, setDone] = useState('');
  return (
    <>
      <p role="status" className="notice">
        {done}
      </p>
      {error ? <ErrorMessage message={`Requests could not be loaded: ${error.message}`} /> : null}
      {items === null && !error ? <p role="status">Loading requests…</p> : null}
      {items?.length === 0 ? <p className="muted">Nothing is waiting for your decision.</p> : null}
      {items?.map((request) => (
        <RequestCard
          key={request.id}
          request={request}
          caseShown={caseShown}
          onDecided={(text) => {
            setDone(text);
            reload();
          }}
        />
      ))}
    </>
  );
}

function Mine() {
  const { items, error } = useRequests({ box: 'mine' });
  if (error) return <ErrorMessage message={`Your requests could not be loaded: ${error.message}`} />;
  if (items === null) return <p role="status">Loading requests…</p>;
  if (items.length === 0)
    return <p className="muted">You have not asked for any approval. You can ask from a case’s Approvals section.</p>;
  const { open, settled } = splitMine(items);
  return (
    <>
      {[...open, ...settled].map((request) => (
        <RequestCard key={request.id} request={request} caseShown="link" />
      ))}
    </>
  );
}
