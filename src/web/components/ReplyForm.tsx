import { useId, useRef, useState, type FormEvent } from 'react';
import type { MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

type Visibility = MessageView['visibility'];

interface Props {
  caseId: string;
  onSent: (message: MessageView) => void;
}

const HINTS: Record<Visibility, string> = {
  reporter: 'The reporter will see this message when they return with their receipt.',
  internal: 'Only staff with access to this case will see this note.',
};

/**
 * Writes a reply to the reporter or an internal note. "Internal note" is preselected: sending a note to the
 * reporter by mistake cannot be undone, so reaching the reporter takes a deliberate choice.
 */
export function ReplyForm({ caseId, onSent }: Props) {
  const api = useApi();
  const id = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [visibility, setVisibility] = useState<Visibility>('internal');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

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
      const message = await api.postMessage(caseId, { body, visibility });
      onSent(message);
      setBody('');
      setNotice(visibility === 'internal' ? 'Internal note added.' : 'Reply sent to the reporter.');
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
        {(['reporter', 'internal'] as const).map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`${id}-visibility`}
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
            />
            {value === 'reporter' ? 'Reply to reporter' : 'Internal note'}
          </label>
        ))}
      </fieldset>
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
        <p id={`${id}-hint`} className={`hint hint--${visibility}`}>
          {HINTS[visibility]}
        </p>
      </div>
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
