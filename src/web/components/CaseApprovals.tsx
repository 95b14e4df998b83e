import { useState } from 'react';
import type { FileView } from '../../shared/api.ts';
import { useRequests } from '../hooks/useRequests.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { RequestCard } from './RequestCard.tsx';
import { RequestForm } from './RequestForm.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  files: readonly Pick<FileView, 'id' | 'name'>[];
  canManageAccess: boolean;
  /** Called after a request or a decision, so the page can refresh the case's history and identity. */
  onChanged: () => void;
}

/** The case's "Approvals" section: its requests (deciding those that are mine to decide) and asking for one. */
export function CaseApprovals({ caseId, files, canManageAccess, onChanged }: Props) {
  const { t } = useTranslation();
  const { items, error, reload } = useRequests({ caseId });
  const [done, setDone] = useState('');

  function changed(text = '') {
    setDone(text);
    reload();
    onChanged();
  }

  return (
    <>
      <p>{t('caseApprovals.intro', { days: 7 })}</p>
      {error ? <ErrorMessage message={t('caseApprovals.loadFailed', { message: error.message })} /> : null}
      {items === null && !error ? <p role="status">{t('caseApprovals.loading')}</p> : null}
      {items?.length === 0 ? <p className="muted">{t('caseApprovals.none')}</p> : null}
      {items?.map((request) => (
        <RequestCard key={request.id} request={request} onDecided={changed} />
      ))}
      <p role="status" className="notice">
        {done}
      </p>
      <RequestForm caseId={caseId} files={files} canManageAccess={canManageAccess} onCreated={() => changed()} />
    </>
  );
}
