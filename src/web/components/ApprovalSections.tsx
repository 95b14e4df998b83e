import type { CaseDetail } from '../../shared/api.ts';
import { CaseApprovals } from './CaseApprovals.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { Section } from './Section.tsx';
import { useTranslation } from 'react-i18next';

/** The case view's "Reporter's identity" and "Approvals" sections. */
export function ApprovalSections({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('approvalSections.identity')}>
        <IdentitySection caseId={detail.id} />
      </Section>
      <Section title={t('approvalSections.approvals')}>
        <CaseApprovals
          caseId={detail.id}
          files={detail.files}
          canManageAccess={detail.canManageAccess}
          onChanged={onChanged}
        />
      </Section>
    </>
  );
}
