import { useId, useState, type FormEvent } from 'react';
import { RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { riskLabel } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  status: CaseStatus;
  riskLevel: RiskLevel | null;
  onRecorded: (riskLevel: RiskLevel) => void;
}

/**
 * Records an assessment of the risk of harm to the reporter (retaliation, exposure). The case cannot leave
 * "assessing" until one is recorded (ISO 37002:2021 §8.3); it can be recorded again when the risk changes.
 */
export function RiskForm({ caseId, status, riskLevel, onRecorded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (level === '') return refuse(t('riskForm.chooseLevel'));
    await run(async () => {
      const result = await api.recordRisk(caseId, { level, ...(note.trim() ? { note: note.trim() } : {}) });
      setLevel('');
      setNote('');
      onRecorded(result.riskLevel);
      return t('riskForm.done', { level: riskLabel(result.riskLevel) });
    }, t('riskForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('riskForm.label')} noValidate>
      <p id={`${id}-why`}>
        {t('riskForm.why')}{' '}
        {riskLevel ? (
          <>
            {t('riskForm.current')} <strong>{riskLabel(riskLevel)}</strong>
            {t('riskForm.currentEnd')}
          </>
        ) : (
          <strong>{status === 'assessing' ? t('riskForm.notYetNeeded') : t('riskForm.notYet')}</strong>
        )}
      </p>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t('riskForm.level')}</label>
        <select
          id={`${id}-level`}
          value={level}
          required
          onChange={(e) => setLevel(e.target.value as RiskLevel | '')}
          aria-describedby={`${id}-why`}
        >
          <option value="">{t('riskForm.chooseALevel')}</option>
          {RISK_LEVELS.map((value) => (
            <option key={value} value={value}>
              {riskLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('riskForm.notes')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={5_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="hint">
          {t('riskForm.notesHint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('riskForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
