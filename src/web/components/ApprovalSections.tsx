import type { CaseDetail } from '../../shared/api.ts';
import { CaseApprovals } from './CaseApprovals.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { Section } from './Section.tsx';

/** The case view's "Reporter's identity" and "Approvals" sections. */
export function ApprovalSections({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  return (
    <>
      <Section title="Reporter’s identity">
        <IdentitySection caseId={detail.id} />
      </Section>
      <Section title="Approvals">
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
