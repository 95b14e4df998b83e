import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CaseAccess, ExclusionReason } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { EXCLUSION_REASON_LABELS } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';

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
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const chosen = options.find((option) => option.id === userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse('Choose whom to exclude.');
    if (reason === '') return refuse('Choose the reason for the exclusion.');
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
      return `${chosen.label} is excluded from this case.`;
    }, 'The exclusion could not be recorded. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Exclude from the case" noValidate>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-user`}>Exclude</label>
          <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a person</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as Reason | '')}>
            <option value="">Choose a reason</option>
            {REASONS.map((value) => (
              <option key={value} value={value}>
                {EXCLUSION_REASON_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          Optional. Kept with the exclusion and shown to the case’s managers. Excluding another manager of the case, or
          the last person who holds one of its keys, needs an approval: ask for it under Approvals first.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Exclude
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
