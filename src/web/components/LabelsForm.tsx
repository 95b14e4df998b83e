import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { formatLabels, MAX_LABELS, parseLabels } from '../lib/case-labels.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  labels: string[];
  onSaved: (labels: string[]) => void;
}

/** The case's labels as one comma-separated box; the queue can be filtered by any of them. */
export function LabelsForm({ caseId, labels, onSaved }: Props) {
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
      return result.labels.length === 0 ? 'Labels removed.' : 'Labels saved.';
    }, 'The labels could not be saved. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Edit labels" noValidate>
      <div className="field">
        <label htmlFor={`${id}-labels`}>Labels</label>
        <input
          id={`${id}-labels`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
        />
        <p id={`${id}-hint`} className="hint">
          Separate labels with commas, e.g. “procurement, site B”. Up to {MAX_LABELS}; letters, digits, spaces, hyphens
          and underscores.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Save labels
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
