import { useId, useRef, useState, type FormEvent } from 'react';
import type { RetentionView } from '../../shared/retention.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  held: boolean;
  /** Called with the case's retention after the hold was set or lifted. */
  onChanged: (view: RetentionView) => void;
}

/**
 * Sets a legal hold (the case is kept past its retention: litigation, an inquiry, a court order) or lifts it; both
 * need a reason, kept in the case history. Shown to the managers of the case only.
 */
export function LegalHoldForm({ caseId, held, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const missing = t('legalHold.missing');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      refuse(missing);
      reasonRef.current?.focus();
      return;
    }
    await run(
      async () => {
        const view = held
          ? await api.liftLegalHold(caseId, reason.trim())
          : await api.setLegalHold(caseId, reason.trim());
        setReason('');
        onChanged(view);
        return view.legalHold ? t('legalHold.set') : t('legalHold.lifted');
      },
      held ? t('legalHold.liftFailed') : t('legalHold.setFailed'),
    );
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('legalHold.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{held ? t('legalHold.reasonLift') : t('legalHold.reasonSet')}</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={2}
          maxLength={4_000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error === missing ? true : undefined}
        />
        <p id={`${id}-hint`} className="hint">
          {t('legalHold.hint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {held ? t('legalHold.submitLift') : t('legalHold.submitSet')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
