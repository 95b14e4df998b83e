import { useId, useRef, useState, type FormEvent } from 'react';
import { ACTION_KINDS, type ActionKind, type ActionView, type UsableApproval } from '../../shared/actions.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { actionKindLabel, actionProblem, approvalsFor, localToIso } from '../lib/actions.ts';
import { ApprovalPicker } from './ApprovalPicker.tsx';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  officers: { id: string; displayName: string }[];
  approvals: UsableApproval[] | null;
  onRecorded: (action: ActionView) => void;
}

/**
 * Records an enforcement action: kind, time, place, at least two officers, the credentials and legal documents
 * shown, the approval it rests on, and the recording or the reason there is none (CEL 2023 Art. 24, 31).
 * What was typed stays when the server refuses; the file must then be chosen again only if the page reloads.
 */
export function ActionForm({ caseId, officers, approvals, onRecorded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ActionKind>('inspection');
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [officerIds, setOfficerIds] = useState<string[]>([]);
  const [credentialsShown, setCredentials] = useState('');
  const [documentsShown, setDocuments] = useState('');
  const [requestId, setRequestId] = useState('');
  const [recording, setRecording] = useState<File | null>(null);
  const [noRecordingReason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const usable = approvals ? approvalsFor(approvals, 'enforcement_action') : null;
  const chosen = usable?.some((a) => a.id === requestId) ? requestId : (usable?.[0]?.id ?? '');

  function toggleOfficer(officerId: string, on: boolean) {
    setOfficerIds((ids) => (on ? [...ids, officerId] : ids.filter((x) => x !== officerId)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = actionProblem({
      at,
      place,
      officerIds,
      credentialsShown,
      documentsShown,
      requestId: chosen,
      hasRecording: recording !== null,
      noRecordingReason,
    });
    if (problem) return refuse(problem);
    await run(async () => {
      const saved = await api.recordAction(
        caseId,
        {
          kind,
          at: localToIso(at),
          place: place.trim(),
          officerIds,
          credentialsShown: credentialsShown.trim(),
          documentsShown: documentsShown.trim(),
          requestId: chosen,
          noRecordingReason: recording ? null : noRecordingReason.trim(),
          notes: notes.trim() || null,
        },
        recording,
      );
      setAt('');
      setPlace('');
      setOfficerIds([]);
      setCredentials('');
      setDocuments('');
      setRequestId('');
      setRecording(null);
      setReason('');
      setNotes('');
      if (fileInput.current) fileInput.current.value = '';
      onRecorded(saved);
      return saved.recording
        ? t('actionForm.recordedWith', { kind: actionKindLabel(saved.kind), sha256: saved.recording.sha256 })
        : t('actionForm.recorded', { kind: actionKindLabel(saved.kind) });
    }, t('actionForm.saveFailed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('actionForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('actionForm.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActionKind)}>
          {ACTION_KINDS.map((value) => (
            <option key={value} value={value}>
              {actionKindLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('actionForm.at')}</label>
        <input id={`${id}-at`} type="datetime-local" value={at} required onChange={(e) => setAt(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{t('actionForm.place')}</label>
        <input id={`${id}-place`} value={place} required maxLength={4_000} onChange={(e) => setPlace(e.target.value)} />
      </div>
      <fieldset className="choice">
        <legend>{t('actionForm.officers')}</legend>
        {officers.map((o) => (
          <label key={o.id} className="radio">
            <input
              type="checkbox"
              checked={officerIds.includes(o.id)}
              onChange={(e) => toggleOfficer(o.id, e.target.checked)}
            />
            <bdi>{o.displayName}</bdi>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-credentials`}>{t('actionForm.credentials')}</label>
        <textarea
          id={`${id}-credentials`}
          rows={2}
          maxLength={4_000}
          value={credentialsShown}
          required
          onChange={(e) => setCredentials(e.target.value)}
          aria-describedby={`${id}-credentials-hint`}
        />
        <p id={`${id}-credentials-hint`} className="hint">
          {t('actionForm.credentialsHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-documents`}>{t('actionForm.documents')}</label>
        <textarea
          id={`${id}-documents`}
          rows={2}
          maxLength={4_000}
          value={documentsShown}
          required
          onChange={(e) => setDocuments(e.target.value)}
          aria-describedby={`${id}-documents-hint`}
        />
        <p id={`${id}-documents-hint`} className="hint">
          {t('actionForm.documentsHint')}
        </p>
      </div>
      <ApprovalPicker
        id={`${id}-approval`}
        kind="enforcement_action"
        approvals={usable}
        value={chosen}
        onChange={setRequestId}
      />
      <div className="field">
        <label htmlFor={`${id}-recording`}>{t('actionForm.recording')}</label>
        <input
          id={`${id}-recording`}
          ref={fileInput}
          type="file"
          accept="audio/*,video/*"
          onChange={(e) => setRecording(e.target.files?.[0] ?? null)}
          aria-describedby={`${id}-recording-hint`}
        />
        <p id={`${id}-recording-hint`} className="hint">
          {t('actionForm.recordingHint')}
        </p>
      </div>
      {recording ? null : (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('actionForm.noRecordingReason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={4_000}
            value={noRecordingReason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${id}-reason-hint`}
          />
          <p id={`${id}-reason-hint`} className="hint">
            {t('actionForm.noRecordingReasonHint')}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('actionForm.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={4_000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <FormFeedback error={error} notice={notice} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('actionForm.submit')}
      </button>
    </form>
  );
}
