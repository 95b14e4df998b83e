import { useId, useState, type FormEvent } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { ApprovalPicker } from './ApprovalPicker.tsx';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  options: PickerOption[];
  /** Whom the case is granted to: handlers, or oversight officers for a complaint about an official. */
  noun?: 'handler' | 'oversight';
  onChanged: (access: CaseAccess) => void;
}

/**
 * Grants the case to a handler or supervisor (an oversight officer, for a complaint about an official): the server
 * re-seals the case key to that person. Everyone who could hold the case is listed; those who cannot now (already
 * holding it, excluded) show disabled with the reason. Granting someone outside the case's category uses an
 * approved request for that person, chosen by its title and date (two-person rule).
 */
export function GrantForm({ caseId, options, noun = 'handler', onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [requestId, setRequestId] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const { approvals, reload } = useApprovals(caseId);
  const chosen = options.find((option) => option.id === userId && !option.unavailable);
  const forChosen = approvals?.filter((a) => a.kind === 'grant_outside' && a.subject === chosen?.id) ?? null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse(t('grantForm.chooseWhom'));
    const approval = chosen.outside ? requestId || forChosen?.[0]?.id || '' : '';
    if (chosen.outside && !approval) return refuse(t('grantForm.needRequest'));
    await run(async () => {
      onChanged(await api.grant(caseId, chosen.id, approval || undefined));
      setUserId('');
      setRequestId('');
      reload();
      return t('grantForm.done', { name: chosen.label });
    }, t('grantForm.failed'));
  }

  return (
    <form className="case-form inline-form" onSubmit={handleSubmit} aria-label={t('grantForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('grantForm.grantTo')}</label>
        <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{options.length === 0 ? t('grantForm.noOne') : t(`grantForm.choose.${noun}`)}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id} disabled={option.unavailable}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {chosen?.outside ? (
        <>
          <ApprovalPicker
            id={`${id}-request`}
            kind="grant_outside"
            approvals={forChosen}
            value={requestId || forChosen?.[0]?.id || ''}
            onChange={setRequestId}
          />
          <p className="hint">{t('grantForm.outsideHint', { name: chosen.label.replace(/ — .*$/u, '') })}</p>
        </>
      ) : null}
      <button type="submit" className="button" aria-disabled={busy}>
        {t('grantForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
