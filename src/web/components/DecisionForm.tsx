import { useId, useState } from 'react';
import { REQUEST_TITLES, type RequestView } from '../../shared/requests.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  request: RequestView;
  /** Called with what was done, in words, once the decision is saved. */
  onDecided: (done: string) => void;
}

/**
 * Approves or refuses someone else's request, with an optional note the requester reads. Approving an identity
 * disclosure re-seals the identity key from this session to the requester at once, and the reporter is told.
 */
export function DecisionForm({ request, onDecided }: Props) {
  const api = useApi();
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, notice, run } = useSubmit();
  const title = REQUEST_TITLES[request.kind];

  async function decide(decision: 'approve' | 'refuse') {
    await run(async () => {
      await api.decideRequest(request.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) });
      const done =
        decision === 'refuse'
          ? `Refused: ${title} (case ${request.caseReference}).`
          : request.kind === 'identity_disclosure'
            ? `Approved: the reporter's identity on case ${request.caseReference} is now disclosed to ${request.requesterName}, and the reporter is told.`
            : `Approved: ${title} (case ${request.caseReference}). ${request.requesterName} can now go ahead, once.`;
      onDecided(done);
      return done;
    }, 'The decision could not be saved. Try again.');
  }

  return (
    <form className="case-form" onSubmit={(e) => e.preventDefault()} aria-label={`Decide: ${title}`} noValidate>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note to the requester (optional)</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={4_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {request.kind === 'identity_disclosure'
            ? `Approving discloses the reporter's identity to ${request.requesterName} at once, and the reporter is told. Say why, especially when refusing.`
            : 'Say why, especially when refusing. The note is recorded with the decision.'}
        </p>
      </div>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => decide('approve')} aria-disabled={busy}>
          Approve
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => decide('refuse')}
          aria-disabled={busy}
        >
          Refuse
        </button>
      </div>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
