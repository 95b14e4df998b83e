import type { ActionView } from '../../shared/actions.ts';
import { useActions } from '../hooks/useActions.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { ActionForm } from './ActionForm.tsx';
import { ActionList } from './ActionList.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

/** Enforcement actions on the case: the records so far and the form to add one (two-person rule). */
export function ActionsSection({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { actions, officers, error, add } = useActions(caseId);
  const approvals = useApprovals(caseId);

  function recorded(action: ActionView) {
    add(action);
    approvals.reload();
    // The recording joins the case's files and the record its history.
    onChanged();
  }

  return (
    <>
      <ErrorMessage message={error ?? approvals.error} />
      {actions ? <ActionList actions={actions} /> : error ? null : <p role="status">{t('actionsSection.loading')}</p>}
      <h3>{t('actionForm.label')}</h3>
      <ActionForm caseId={caseId} officers={officers} approvals={approvals.approvals} onRecorded={recorded} />
    </>
  );
}
