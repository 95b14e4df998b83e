import { useId, useState, type FormEvent } from 'react';
import { OUTCOMES, type CaseStatus, type Outcome, type RiskLevel } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { approvalsFor, approvalTitle } from '../lib/actions.ts';
import { outcomeLabel, statusLabel } from '../lib/labels.ts';
import { messageModeLabel } from '../lib/messages.ts';
import { ApprovalPicker } from './ApprovalPicker.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  status: CaseStatus;
  allowedTransitions: CaseStatus[];
  /** Closing needs an outcome notice to the reporter first (a complaint about an official, CEL 2023 Art. 52). */
  outcomeNoticeRequired: boolean;
  /** Leaving "assessing" needs a risk assessment (ISO 37002 §8.3). */
  riskLevel: RiskLevel | null;
  /** The viewer manages the case (closes it alone); anyone else closes it with an approved “Close the case”. */
  canManageAccess: boolean;
  /** Called after a change, and after a conflict, so the page shows the case as it now is. */
  onChanged: () => void;
}

/**
 * Moves the case to one of the statuses the server allows next. Closing needs an outcome (and, for a complaint
 * about an official, an outcome notice sent first); reopening a closed case needs a reason. Referring the case,
 * closing it as knowingly false, and closing it when the viewer does not manage it each use an approved request of
 * the viewer's (two-person rule), picked here.
 */
export function StatusForm(props: Props) {
  const { t } = useTranslation();
  const { caseId, status, allowedTransitions, outcomeNoticeRequired, riskLevel, canManageAccess, onChanged } = props;
  const api = useApi();
  const id = useId();
  const [target, setTarget] = useState<CaseStatus | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [requestId, setRequestId] = useState('');
  const approvals = useApprovals(caseId);
  const reasonMissing = t('statusForm.reasonMissing');

  const choosable = allowedTransitions.includes(target as CaseStatus) ? target : '';
  // Every move out of "closed" is a reopening, which the record must explain.
  const reasonRequired = status === 'closed';
  // Referring takes the case outside; "knowingly false" weighs on the reporter; closing starts the countdown to
  // destruction: each needs a second person (closing, unless the viewer manages the case).
  const gate =
    choosable === 'referred'
      ? ('export' as const)
      : choosable === 'closed' && outcome === 'knowingly_false'
        ? ('knowingly_false' as const)
        : choosable === 'closed' && !canManageAccess
          ? ('close_case' as const)
          : null;
  const usable = gate && approvals.approvals ? approvalsFor(approvals.approvals, gate) : null;
  const chosenRequest = usable?.some((a) => a.id === requestId) ? requestId : (usable?.[0]?.id ?? '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (choosable === '') return setError(t('statusForm.chooseStatus'));
    if (choosable === 'closed' && outcome === '') return setError(t('statusForm.chooseOutcome'));
    if (reasonRequired && reason.trim() === '') return setError(reasonMissing);
    if (gate && chosenRequest === '')
      return setError(t(`statusForm.gateMissing.${gate}`, { title: approvalTitle(gate) }));
    setBusy(true);
    setError(null);
    try {
      const result = await api.changeStatus(caseId, {
        status: choosable,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(choosable === 'closed' && outcome ? { outcome } : {}),
        ...(gate ? { requestId: chosenRequest } : {}),
      });
      setTarget('');
      setOutcome('');
      setReason('');
      setRequestId('');
      if (gate) approvals.reload();
      setNotice(t('statusForm.changed', { status: statusLabel(result.status) }));
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('statusForm.failed'));
      if (failure instanceof ApiError && failure.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  }

  if (allowedTransitions.length === 0) {
    return (
      <>
        <p className="muted">{t('statusForm.none', { status: statusLabel(status) })}</p>
        <p role="status" className="notice">
          {notice}
        </p>
      </>
    );
  }

  return (
    <form className="status-form" onSubmit={handleSubmit} aria-label={t('statusForm.submit')}>
      {outcomeNoticeRequired && allowedTransitions.includes('closed') ? (
        <p className="notice notice--info">
          {t('statusForm.noticeFirst', { mode: messageModeLabel('outcome_notice') })}
        </p>
      ) : null}
      {status === 'assessing' && riskLevel === null ? (
        <p className="notice notice--info">{t('statusForm.riskFirst', { status: statusLabel('assessing') })}</p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('statusForm.newStatus')}</label>
        <select
          id={`${id}-status`}
          value={choosable}
          required
          onChange={(e) => setTarget(e.target.value as CaseStatus | '')}
        >
          <option value="">{t('statusForm.chooseAStatus')}</option>
          {allowedTransitions.map((next) => (
            <option key={next} value={next}>
              {statusLabel(next)}
            </option>
          ))}
        </select>
      </div>
      {choosable === 'closed' ? (
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('statusForm.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            required
            onChange={(e) => setOutcome(e.target.value as Outcome | '')}
          >
            <option value="">{t('protectionResponse.choose')}</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {outcomeLabel(value)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {gate ? (
        <ApprovalPicker
          id={`${id}-approval`}
          kind={gate}
          approvals={usable}
          value={chosenRequest}
          onChange={setRequestId}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('exclusionForm.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={2_000}
          value={reason}
          required={reasonRequired}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-reason-hint`}
          aria-invalid={error === reasonMissing ? true : undefined}
        />
        <p id={`${id}-reason-hint`} className="hint">
          {reasonRequired ? t('statusForm.reasonRequired') : t('statusForm.reasonOptional')}
        </p>
      </div>
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('statusForm.submit')}
      </button>
      <p role="status" className="notice">
        {notice}
      </p>
    </form>
  );
}
