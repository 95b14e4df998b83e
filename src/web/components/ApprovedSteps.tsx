import { useState } from 'react';
import type { FileView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { approvalsFor } from '../lib/actions.ts';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * Downloads that use an approval (two-person rule): an original file with its metadata, and the case's export
 * bundle. Each link works once: following it uses the approval, so it leaves the list.
 */
export function ApprovedSteps({ caseId, files }: { caseId: string; files: FileView[] }) {
  const api = useApi();
  const { approvals, error } = useApprovals(caseId);
  const [used, setUsed] = useState<ReadonlySet<string>>(new Set());
  const open = (approvals ?? []).filter((a) => !used.has(a.id));
  const originals = approvalsFor(open, 'open_original');
  const exports = approvalsFor(open, 'export');
  const use = (requestId: string) => setUsed((ids) => new Set([...ids, requestId]));
  const fileName = (fileId: string | null) => files.find((f) => f.id === fileId)?.name ?? 'a file of this case';

  return (
    <>
      <p>
        Opening an original file (with its metadata) and exporting the case each need an approved request of yours: ask
        for one, and a second person approves it. An approval is used once. To refer the case, change its status to
        Referred with an approved export request.
      </p>
      <ErrorMessage message={error} />
      {approvals === null && !error ? <p role="status">Loading your approvals…</p> : null}
      {approvals !== null && originals.length === 0 && exports.length === 0 ? (
        <p className="muted">You have no approval for an original or an export on this case waiting to be used.</p>
      ) : null}
      <ul className="access-list">
        {originals.map((a) => (
          <li key={a.id}>
            <span>
              Original of <strong>{fileName(a.subject)}</strong> · approved <DateTime iso={a.decidedAt} />
            </span>
            <a
              className="button button--secondary"
              href={api.originalUrl(caseId, a.subject ?? '', a.id)}
              download
              onClick={() => use(a.id)}
            >
              Download the original<span className="visually-hidden"> of {fileName(a.subject)}</span>
            </a>
          </li>
        ))}
        {exports.map((a) => (
          <li key={a.id}>
            <span>
              Export of the case · approved <DateTime iso={a.decidedAt} />
            </span>
            <a
              className="button button--secondary"
              href={api.exportUrl(caseId, a.id)}
              download
              onClick={() => use(a.id)}
            >
              Download the export (JSON)
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
