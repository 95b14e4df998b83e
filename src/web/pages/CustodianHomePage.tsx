/**
 * An identity custodian's home: the identity-disclosure requests waiting for their decision (case reference,
 * requester, how long it has waited), then the way to decide them on the Requests page. Custodians read no case.
 */
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Section } from '../components/Section.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRequests } from '../hooks/useRequests.ts';
import { approvalTitle } from '../lib/actions.ts';
import { relativeTime } from '../lib/relative.ts';
import { requestsPath } from '../router/routes.ts';

export function CustodianHomePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('homeCustodian.heading'));
  const { items, error } = useRequests({ box: 'to_decide' });
  const waiting = (items ?? []).filter((r) => r.canDecide);
  return (
    <>
      <PageHeading>{t('homeCustodian.heading')}</PageHeading>
      <p>{t('homeCustodian.intro')}</p>
      <Section title={t('homeCustodian.waiting')}>
        <ErrorMessage message={error?.message} />
        {items === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : waiting.length === 0 ? (
          <p>{t('homeCustodian.none')}</p>
        ) : (
          <ul>
            {waiting.map((r) => (
              <li key={r.id}>
                {t('homeCustodian.item', {
                  title: approvalTitle(r.kind),
                  reference: r.caseReference,
                  name: r.requesterName,
                  when: relativeTime(r.createdAt, i18n.language),
                })}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={requestsPath()}>{t('noCases.goToRequests')}</Link>
        </p>
      </Section>
    </>
  );
}
