import { useId, useState, type FormEvent } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  options: PickerOption[];
  onChanged: (access: CaseAccess) => void;
}

/**
 * Grants the case to a handler: the server re-seals the case key to that handler. Granting someone excluded
 * from the case is refused, and the refusal says why.
 */
export function GrantForm({ caseId, options, onChanged }: Props) {
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const chosen = options.find((option) => option.id === userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse('Choose whom to grant the case to.');
    await run(async () => {
      onChanged(await api.grant(caseId, chosen.id));
      setUserId('');
      return `Granted to ${chosen.label}.`;
    }, 'The case could not be granted. Try again.');
  }

  return (
    <form className="case-form inline-form" onSubmit={handleSubmit} aria-label="Grant access" noValidate>
      <div className="field">
        <label htmlFor={`${id}-user`}>Grant to</label>
        <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{options.length === 0 ? 'No handler left to grant to' : 'Choose a handler'}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Grant
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
