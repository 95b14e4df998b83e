import { useId, useState, type FormEvent } from 'react';
import { RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { RISK_LABELS } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';

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
  const api = useApi();
  const id = useId();
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (level === '') return refuse('Choose the risk level.');
    await run(async () => {
      const result = await api.recordRisk(caseId, { level, ...(note.trim() ? { note: note.trim() } : {}) });
      setLevel('');
      setNote('');
      onRecorded(result.riskLevel);
      return `Risk assessment recorded: ${RISK_LABELS[result.riskLevel]}.`;
    }, 'The assessment could not be recorded. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Risk assessment" noValidate>
      <p id={`${id}-why`}>
        Assess the risk of harm to the reporter — retaliation, or being identified — before the case leaves Assessing
        (ISO 37002 §8.3).{' '}
        {riskLevel ? (
          <>
            Current assessment: <strong>{RISK_LABELS[riskLevel]}</strong>.
          </>
        ) : (
          <strong>
            {status === 'assessing' ? 'Not assessed yet: needed before the case can move on.' : 'Not assessed yet.'}
          </strong>
        )}
      </p>
      <div className="field">
        <label htmlFor={`${id}-level`}>Risk level</label>
        <select
          id={`${id}-level`}
          value={level}
          required
          onChange={(e) => setLevel(e.target.value as RiskLevel | '')}
          aria-describedby={`${id}-why`}
        >
          <option value="">Choose a level</option>
          {RISK_LEVELS.map((value) => (
            <option key={value} value={value}>
              {RISK_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Risk notes</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={5_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="hint">
          Optional. What the risk is and what protects the reporter.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Record assessment
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
