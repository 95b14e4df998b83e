import type { CaseAccess } from '../../shared/api.ts';
import { useCaseAccess } from '../hooks/useCaseAccess.ts';
import { exclusionOptions, grantOptions } from '../lib/access.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ExclusionForm } from './ExclusionForm.tsx';
import { ExclusionList } from './ExclusionList.tsx';
import { GrantForm } from './GrantForm.tsx';
import { GrantList } from './GrantList.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  /** The case's category: granting outside its staff needs an approval. */
  categoryId?: string;
  /** A complaint about an official: granted only to oversight officers (CEL 2023 Art. 52). */
  complaint?: boolean;
  /** Called after any change, so the page can refresh the case's history. */
  onChanged: () => void;
}

/**
 * Who may see the case and who may never (its managers only: supervisors; oversight officers for a complaint):
 * grants, revocations and exclusions.
 */
export function AccessSection({ caseId, categoryId, complaint = false, onChanged }: Props) {
  const { t } = useTranslation();
  const { access, handlers, excludable, error, replace } = useCaseAccess(caseId, complaint ? 'oversight' : 'handler');

  function changed(next: CaseAccess) {
    replace(next);
    onChanged();
  }

  if (error) return <ErrorMessage message={t('accessSection.loadFailed', { message: error.message })} />;
  if (!access) return <p role="status">{t('accessSection.loading')}</p>;
  return (
    <>
      <GrantList caseId={caseId} grants={access.grants} onChanged={changed} />
      <GrantForm
        caseId={caseId}
        options={grantOptions(complaint ? handlers : excludable, access, categoryId)}
        noun={complaint ? 'oversight' : 'handler'}
        onChanged={changed}
      />
      <ExclusionList caseId={caseId} exclusions={access.exclusions} onChanged={changed} />
      <ExclusionForm
        caseId={caseId}
        options={exclusionOptions(excludable, access, complaint ? 'oversight' : 'supervisor')}
        onChanged={changed}
      />
    </>
  );
}
