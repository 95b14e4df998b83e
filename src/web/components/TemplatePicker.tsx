import { useId, useState } from 'react';
import type { CaseDetail, Outcome } from '../../shared/api.ts';
import { OUTCOME_LABELS } from '../lib/labels.ts';

interface Props {
  templates: CaseDetail['feedbackTemplates'];
  /** Called with the chosen template's text, which replaces the message. */
  onPick: (text: string) => void;
}

/** Starts an outcome notice from the feedback template for an outcome, in the reporter's language. */
export function TemplatePicker({ templates, onPick }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  if (templates.length === 0) return <p className="hint">No feedback templates are set up for this category.</p>;

  function pick(value: Outcome | '') {
    setOutcome(value);
    const template = templates.find((t) => t.outcome === value);
    if (template) onPick(template.text);
  }

  return (
    <div className="field">
      <label htmlFor={`${id}-template`}>Start from template</label>
      <select
        id={`${id}-template`}
        value={outcome}
        onChange={(e) => pick(e.target.value as Outcome | '')}
        aria-describedby={`${id}-hint`}
      >
        <option value="">Choose an outcome</option>
        {templates.map((template) => (
          <option key={template.outcome} value={template.outcome}>
            {OUTCOME_LABELS[template.outcome]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        Fills the message box with the template, replacing what is there; edit it before sending.
      </p>
    </div>
  );
}
