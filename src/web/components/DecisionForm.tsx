import { useId, useState } from 'react';
import type { RequestView } from '../../shared/requests.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { approvalTitle } from '../lib/actions.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, notice, run } = useSubmit();
  const title = approvalTitle(request.kind);
  const names = { title, reference: request.caseReference, requester: request.requesterName };

  async function decide(decision: 'approve' | 'refuse') {
    await run(async () => {
      await api.decideRequest(request.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) });
      const done =
        decision === 'refuse'
          ? t('decisionForm.refused', names)
          : request.kind === 'identity_disclosure'
            ? t('decisionForm.approvedIdentity', names)
            : t('decisionForm.approved', names);
      onDecided(done);
      return done;
    }, t('decisionForm.saveFailed'));
  }

  return (
    <form
      className="case-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('decisionForm.label', { title })}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('decisionForm.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={4_000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {request.kind === 'identity_disclosure' ? t('decisionForm.identityHint', names) : t('decisionForm.hint')}
        </p>
      </div>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => decide('approve')} aria-disabled={busy}>
          {t('decisionForm.approve')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => decide('refuse')}
          aria-disabled={busy}
        >
          {t('decisionForm.refuse')}
        </button>
      </div>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
