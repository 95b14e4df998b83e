import { useState } from 'react';
import type { FileView } from '../../shared/api.ts';
import { useRequests } from '../hooks/useRequests.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { RequestCard } from './RequestCard.tsx';
import { RequestForm } from './RequestForm.tsx';

interface Props {
  caseId: string;
  files: readonly Pick<FileView, 'id' | 'name'>[];
  canManageAccess: boolean;
  /** Called after a request or a decision, so the page can refresh the case's history and identity. */
  onChanged: () => void;
}

/** The case's "Approvals" section: its requests (deciding those that are mine to decide) and asking for one. */
export function CaseApprovals({ caseId, files, canManageAccess, onChanged }: Props) {
  const { items, error, reload } = useRequests({ caseId });
  const [done, setDone] = useState('');

  function changed(text = '') {
    setDone(text);
    reload();
    onChanged();
  }

  return (
    <>
      <p>
        Sensitive steps need a second person’s approval: disclosing the reporter’s identity (an identity custodian
        decides), opening an original file, deleting early, exporting, granting outside the category, recording an
        enforcement action, marking the report knowingly false, excluding another manager of the case or the last holder
        of one of its keys, and a handler’s closing of the case. An approval is used once and expires after 7 days.
      </p>
      {error ? <ErrorMessage message={`Requests could not be loaded: ${error.message}`} /> : null}
      {items === null && !error ? <p role="status">Loading requests…</p> : null}
      {items?.length === 0 ? <p className="muted">No approval has been asked for on this case.</p> : null}
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
