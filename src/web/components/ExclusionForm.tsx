import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CaseAccess, ExclusionReason } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { exclusionReasonLabel } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

type Reason = z.output<typeof ExclusionReason>;
const REASONS: readonly Reason[] = ['named_in_report', 'conflict_of_interest', 'other'];

interface Props {
  caseId: string;
  options: PickerOption[];
  onChanged: (access: CaseAccess) => void;
}

/**
 * Excludes a person from the case — for example because they are named in it — so it can never be granted to them.
 * Excluding another manager of the case, or the last holder of one of its keys, uses the viewer's approved request
 * (“Exclude another manager of the case, or the last holder of one of its keys”); without one the server says how to
 * ask for it.
 */
export function ExclusionForm({ caseId, options, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const chosen = options.find((option) => option.id === userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse(t('exclusionForm.chooseWhom'));
    if (reason === '') return refuse(t('exclusionForm.chooseReason'));
    await run(async () => {
      // Excluding another manager, or the last holder of a key, needs an approval (two-person rule): use mine, if any.
      const approval = (await api.usableApprovals(caseId)).approvals.find(
        (a) => a.kind === 'exclude_holder' && a.subject === chosen.id,
      );
      onChanged(
        await api.exclude(caseId, {
          userId: chosen.id,
          reason,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(approval ? { requestId: approval.id } : {}),
        }),
      );
      setUserId('');
      setReason('');
      setNote('');
      return t('exclusionForm.done', { name: chosen.label });
    }, t('exclusionForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('exclusionForm.label')} noValidate>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('exclusionForm.submit')}</label>
          <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('exclusionForm.choosePerson')}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('exclusionForm.reason')}</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as Reason | '')}>
            <option value="">{t('exclusionForm.chooseAReason')}</option>
            {REASONS.map((value) => (
              <option key={value} value={value}>
                {exclusionReasonLabel(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('exclusionForm.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('exclusionForm.hint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('exclusionForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
