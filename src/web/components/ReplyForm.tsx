import { useId, useRef, useState, type FormEvent } from 'react';
import type { CaseDetail, MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { MESSAGE_MODE_LABELS, MESSAGE_MODES, messageRequest, sentNotice, type MessageMode } from '../lib/messages.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

interface Props {
  caseId: string;
  feedbackTemplates: CaseDetail['feedbackTemplates'];
  onSent: (message: MessageView, mode: MessageMode) => void;
}

const HINTS: Record<MessageMode, string> = {
  reporter: 'The reporter will see this message when they return with their receipt.',
  internal: 'Only staff with access to this case will see this note.',
  outcome_notice:
    'The reporter will see this as the outcome of their report. A complaint about an official can be closed only after one is sent.',
};

/**
 * Writes a reply to the reporter, an internal note, or an outcome notice (a reply telling the reporter the
 * result). "Internal note" is preselected: sending a note to the reporter by mistake cannot be undone, so
 * reaching the reporter takes a deliberate choice.
 */
export function ReplyForm({ caseId, feedbackTemplates, onSent }: Props) {
  const api = useApi();
  const id = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<MessageMode>('internal');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const filesRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (body.trim() === '') {
      setError('Write a message first.');
      bodyRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const request = messageRequest(mode, body);
      const files = mode === 'internal' ? [] : [...(filesRef.current?.files ?? [])];
      const message =
        files.length > 0
          ? await api.postReplyWithFiles(caseId, { body: request.body, kind: request.kind ?? 'message' }, files)
          : await api.postMessage(caseId, request);
      onSent(message, mode);
      setBody('');
      if (filesRef.current) filesRef.current.value = '';
      setNotice(sentNotice(mode));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The message could not be sent. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="reply-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Write a message</h3>
      <fieldset className="choice">
        <legend>Send as</legend>
        {MESSAGE_MODES.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`${id}-mode`}
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {MESSAGE_MODE_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {mode === 'outcome_notice' ? <TemplatePicker templates={feedbackTemplates} onPick={setBody} /> : null}
      <div className="field">
        <label htmlFor={`${id}-body`}>Message</label>
        <textarea
          id={`${id}-body`}
          ref={bodyRef}
          rows={5}
          maxLength={20_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error === 'Write a message first.' ? true : undefined}
        />
        <p id={`${id}-hint`} className={`hint hint--${mode === 'internal' ? 'internal' : 'reporter'}`}>
          {HINTS[mode]}
        </p>
      </div>
      {mode === 'internal' ? null : (
        <div className="field">
          <label htmlFor={`${id}-files`}>Files for the reporter (optional)</label>
          <input id={`${id}-files`} ref={filesRef} type="file" multiple aria-describedby={`${id}-files-hint`} />
          <p id={`${id}-files-hint`} className="hint">
            Each file is cleaned of hidden information (author, location, device) and the reporter gets only the cleaned
            copy. A file that cannot be cleaned stops the whole message from being sent.
          </p>
        </div>
      )}
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        Send
      </button>
      <p role="status" className="notice">
        {notice}
      </p>
    </form>
  );
}
