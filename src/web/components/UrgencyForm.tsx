import { useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  urgent: boolean;
  /** Called with the new urgency and next deadline (an urgent case has a shorter response time). */
  onChanged: (change: { urgent: boolean; dueAt: string | null }) => void;
}

/** Marks the case urgent (threat to life, reporter in danger) or not; either change needs a reason. */
export function UrgencyForm({ caseId, urgent, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const reasonMissing = t('urgencyForm.reasonMissing');
  const missingReason = error === reasonMissing;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      refuse(reasonMissing);
      reasonRef.current?.focus();
      return;
    }
    await run(async () => {
      const result = await api.setUrgent(caseId, { urgent: !urgent, reason: reason.trim() });
      setReason('');
      onChanged(result);
      return result.urgent ? t('urgencyForm.marked') : t('urgencyForm.unmarked');
    }, t('urgencyForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('caseView.section.urgency')} noValidate>
      <p>{urgent ? t('urgencyForm.isUrgent') : t('urgencyForm.when')}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('urgencyForm.reason')}</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={2}
          maxLength={2_000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={missingReason ? true : undefined}
        />
        <p id={`${id}-hint`} className="hint">
          {t('urgencyForm.hint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {urgent ? t('urgencyForm.unmark') : t('urgencyForm.mark')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
