import type { CaseStatus } from '../../shared/api.ts';
import { useRetention } from '../hooks/useRetention.ts';
import { approvalTitle } from '../lib/actions.ts';
import { retentionSummary } from '../lib/retention.ts';
import { casesPath } from '../router/routes.ts';
import { navigate } from '../router/history.ts';
import { DateTime } from './DateTime.tsx';
import { EarlyDeletionForm } from './EarlyDeletionForm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { LegalHoldForm } from './LegalHoldForm.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  reference: string;
  /** The case's status: closing it starts the retention clock, so the section reloads when it changes. */
  status: CaseStatus;
  /** Called after a legal hold change, so the page can refresh the case's history. */
  onChanged: () => void;
}

/**
 * When the case will be destroyed (its category's retention, counted from closing), the legal hold that stops it
 * (set or lifted by its managers), and deletion before the end of retention — which needs an approval, asked for
 * in the Approvals section, and is then done here.
 */
export function RetentionSection({ caseId, reference, status, onChanged }: Props) {
  const { t } = useTranslation();
  const { view, error, replace } = useRetention(caseId, status);

  if (error) return <ErrorMessage message={t('retentionSection.loadFailed', { message: error.message })} />;
  if (!view) return <p role="status">{t('retentionSection.loading')}</p>;
  return (
    <>
      {retentionSummary(view).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {view.legalHold ? (
        <dl className="facts">
          <div>
            <dt>{t('retentionSection.holdSince')}</dt>
            <dd>
              <DateTime iso={view.legalHold.since} />
            </dd>
          </div>
          <div>
            <dt>{t('exclusionForm.reason')}</dt>
            <dd className="answer-text" dir="auto">
              {view.legalHold.reason}
            </dd>
          </div>
        </dl>
      ) : null}
      {view.canManageLegalHold ? (
        <LegalHoldForm
          caseId={caseId}
          held={view.legalHold !== null}
          onChanged={(next) => {
            replace(next);
            onChanged();
          }}
        />
      ) : null}
      {view.approvedDeletionRequestId && !view.legalHold ? (
        <EarlyDeletionForm
          caseId={caseId}
          reference={reference}
          requestId={view.approvedDeletionRequestId}
          onDeleted={() => navigate(casesPath())}
        />
      ) : (
        <p className="muted">
          {view.legalHold
            ? t('retentionSection.heldNoDelete')
            : t('retentionSection.howToDelete', { title: approvalTitle('early_deletion') })}
        </p>
      )}
    </>
  );
}
