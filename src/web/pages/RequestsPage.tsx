import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  useDocumentTitle(t('requestsPage.heading'));
  return (
    <>
      <PageHeading>{t('requestsPage.heading')}</PageHeading>
      <p>{t('requestsPage.intro')}</p>
      {role === 'custodian' ? <p>{t('requestsPage.custodian')}</p> : null}
      {DECIDING_ROLES.includes(role) ? (
        <Section title={t('requestsPage.toDecide')}>
          <ToDecide caseShown={role === 'custodian' ? 'reference' : 'link'} />
        </Section>
      ) : null}
      {role !== 'custodian' ? (
        <Section title={t('requestsPage.mine')}>
          <Mine />
        </Section>
      ) : null}
    </>
  );
}

function ToDecide({ caseShown }: { caseShown: 'link' | 'reference' }) {
  const { t } = useTranslation();
  const { items, error, reload } = useRequests({ box: 'to_decide' });
  const [done, setDone] = useState('');
  return (
    <>
      <p role="status" className="notice">
        {done}
      </p>
      {error ? <ErrorMessage message={t('requestsPage.loadFailed', { message: error.message })} /> : null}
      {items === null && !error ? <p role="status">{t('requestsPage.loading')}</p> : null}
      {items?.length === 0 ? <p className="muted">{t('requestsPage.none')}</p> : null}
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
  const { t } = useTranslation();
  const { items, error } = useRequests({ box: 'mine' });
  if (error) return <ErrorMessage message={t('requestsPage.mineFailed', { message: error.message })} />;
  if (items === null) return <p role="status">{t('requestsPage.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('requestsPage.noneMine')}</p>;
  const { open, settled } = splitMine(items);
  return (
    <>
      {[...open, ...settled].map((request) => (
        <RequestCard key={request.id} request={request} caseShown="link" />
      ))}
    </>
  );
}
