import { useId, useState, type FormEvent } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  options: PickerOption[];
  /** Whom the case is granted to, in words: "a handler", "an oversight officer". */
  noun?: string;
  onChanged: (access: CaseAccess) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Grants the case to a handler (an oversight officer, for a complaint about an official): the server re-seals the
 * case key to that person. Granting someone excluded from the case is refused, and the refusal says why; granting
 * someone outside the case's category needs the number of an approved request (two-person rule).
 */
export function GrantForm({ caseId, options, noun = 'a handler', onChanged }: Props) {
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [requestId, setRequestId] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const chosen = options.find((option) => option.id === userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse('Choose whom to grant the case to.');
    const approval = chosen.outside ? requestId.trim() : '';
    if (chosen.outside && !UUID.test(approval))
      return refuse('Enter the number of the approved request to grant the case outside its category.');
    await run(async () => {
      onChanged(await api.grant(caseId, chosen.id, approval || undefined));
      setUserId('');
      setRequestId('');
      return `Granted to ${chosen.label}.`;
    }, 'The case could not be granted. Try again.');
  }

  return (
    <form className="case-form inline-form" onSubmit={handleSubmit} aria-label="Grant access" noValidate>
      <div className="field">
        <label htmlFor={`${id}-user`}>Grant to</label>
        <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{options.length === 0 ? `No one left to grant to` : `Choose ${noun}`}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {chosen?.outside ? (
        <div className="field">
          <label htmlFor={`${id}-request`}>Approved request</label>
          <input
            id={`${id}-request`}
            type="text"
            value={requestId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setRequestId(e.target.value)}
            aria-describedby={`${id}-request-hint`}
          />
          <p id={`${id}-request-hint`} className="hint">
            {chosen.label.replace(/ \(.*\)$/, '')} works outside this case&apos;s category. Ask for approval to grant
            the case outside the category&apos;s staff; once a second person has approved it, enter the request&apos;s
            number here.
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" aria-disabled={busy}>
        Grant
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
