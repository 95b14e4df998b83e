import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { formatLabels, MAX_LABELS, parseLabels } from '../lib/case-labels.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  labels: string[];
  onSaved: (labels: string[]) => void;
}

/** The case's labels as one comma-separated box; the queue can be filtered by any of them. */
export function LabelsForm({ caseId, labels, onSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState(() => formatLabels(labels));
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseLabels(text);
    if (!parsed.ok) return refuse(parsed.problem);
    await run(async () => {
      const result = await api.setLabels(caseId, parsed.labels);
      setText(formatLabels(result.labels));
      onSaved(result.labels);
      return result.labels.length === 0 ? t('labelsForm.removed') : t('labelsForm.saved');
    }, t('labelsForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('labelsForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-labels`}>{t('caseFacts.labels')}</label>
        <input
          id={`${id}-labels`}
          value={text}
          dir="auto"
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
        />
        <p id={`${id}-hint`} className="hint">
          {t('labelsForm.hint', { max: MAX_LABELS })}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('labelsForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
