/**
 * An oversight officer's home: the audit log's chain check (that no entry was removed or altered), then the
 * complaints about officials they hold, in the case list (waiting ones first, as the triage order puts them).
 */
import { useTranslation } from 'react-i18next';
import { AuditChainCheck } from '../components/AuditChainCheck.tsx';
import { Link } from '../components/Link.tsx';
import { Section } from '../components/Section.tsx';
import { auditPath } from '../router/routes.ts';
import { CaseListPage } from './CaseListPage.tsx';

export function OversightHomePage({ search }: { search: string }) {
  const { t } = useTranslation();
  return (
    <>
      <CaseListPage search={search} />
      <Section title={t('homeOversight.audit')}>
        <p>{t('homeOversight.auditHint')}</p>
        <AuditChainCheck />
        <p>
          <Link href={auditPath()}>{t('homeOversight.auditLog')}</Link>
        </p>
      </Section>
    </>
  );
}
