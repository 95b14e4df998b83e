import { useId, useState, type FormEvent } from 'react';
import {
  MAX_PROTECTION_NOTE,
  PROTECTION_OUTCOMES,
  type ProtectionList,
  type ProtectionOutcome,
} from '../../shared/protection.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  requestId: string;
  onAnswered: (list: ProtectionList) => void;
}

/**
 * Records what was done about a protection request. The reporter reads the outcome in plain words on their
 * follow-up page; the note stays with staff (sealed under the case key).
 */
export function ProtectionResponseForm({ caseId, requestId, onAnswered }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [outcome, setOutcome] = useState<ProtectionOutcome | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (outcome === '') return refuse(t('protectionResponse.chooseOutcome'));
    await run(async () => {
      const list = await api.respondToProtection(caseId, requestId, {
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onAnswered(list);
      return t('protectionResponse.done', { outcome: t(`protectionResponse.outcome.${outcome}`) });
    }, t('protectionResponse.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('protectionResponse.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('protectionResponse.what')}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          required
          onChange={(e) => setOutcome(e.target.value as ProtectionOutcome | '')}
          aria-describedby={`${id}-outcome-hint`}
        >
          <option value="">{t('protectionResponse.choose')}</option>
          {PROTECTION_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`protectionResponse.outcome.${value}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-outcome-hint`} className="hint">
          {t('protectionResponse.outcomeHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('protectionResponse.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={MAX_PROTECTION_NOTE}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="hint">
          {t('protectionResponse.noteHint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('protectionResponse.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
