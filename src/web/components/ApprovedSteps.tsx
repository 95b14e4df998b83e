import { useState } from 'react';
import type { FileView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { approvalsFor } from '../lib/actions.ts';
import { statusLabel } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

/**
 * Downloads that use an approval (two-person rule): an original file with its metadata, and the case's export
 * bundle. Each link works once: following it uses the approval, so it leaves the list.
 */
export function ApprovedSteps({ caseId, files }: { caseId: string; files: FileView[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { approvals, error } = useApprovals(caseId);
  const [used, setUsed] = useState<ReadonlySet<string>>(new Set());
  const open = (approvals ?? []).filter((a) => !used.has(a.id));
  const originals = approvalsFor(open, 'open_original');
  const exports = approvalsFor(open, 'export');
  const use = (requestId: string) => setUsed((ids) => new Set([...ids, requestId]));
  const fileName = (fileId: string | null) => files.find((f) => f.id === fileId)?.name ?? t('approvedSteps.someFile');

  return (
    <>
      <p>{t('approvedSteps.intro', { referred: statusLabel('referred') })}</p>
      <ErrorMessage message={error} />
      {approvals === null && !error ? <p role="status">{t('approvalPicker.loading')}</p> : null}
      {approvals !== null && originals.length === 0 && exports.length === 0 ? (
        <p className="muted">{t('approvedSteps.none')}</p>
      ) : null}
      <ul className="access-list">
        {originals.map((a) => (
          <li key={a.id}>
            <span>
              {t('approvedSteps.originalOf')}{' '}
              <strong>
                <bdi>{fileName(a.subject)}</bdi>
              </strong>{' '}
              · {t('approvedSteps.approved')} <DateTime iso={a.decidedAt} />
            </span>
            <a
              className="button button--secondary"
              href={api.originalUrl(caseId, a.subject ?? '', a.id)}
              download
              onClick={() => use(a.id)}
            >
              {t('approvedSteps.downloadOriginal')}
              <span className="visually-hidden">
                {' '}
                <bdi>{fileName(a.subject)}</bdi>
              </span>
            </a>
          </li>
        ))}
        {exports.map((a) => (
          <li key={a.id}>
            <span>
              {t('approvedSteps.export')} · {t('approvedSteps.approved')} <DateTime iso={a.decidedAt} />
            </span>
            <a
              className="button button--secondary"
              href={api.exportUrl(caseId, a.id)}
              download
              onClick={() => use(a.id)}
            >
              {t('approvedSteps.downloadExport')}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
