import { useId, useRef, useState, type FormEvent } from 'react';
import type { CaseDetail, MessageView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { messageModeLabel, MESSAGE_MODES, messageRequest, sentNotice, type MessageMode } from '../lib/messages.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  feedbackTemplates: CaseDetail['feedbackTemplates'];
  /** The report's language: outcome notice templates are offered in it. */
  reportLanguage?: string;
  onSent: (message: MessageView, mode: MessageMode) => void;
}

/**
 * Writes a reply to the reporter, an internal note, or an outcome notice (a reply telling the reporter the
 * result). "Internal note" is preselected: sending a note to the reporter by mistake cannot be undone, so
 * reaching the reporter takes a deliberate choice.
 */
export function ReplyForm({ caseId, feedbackTemplates, reportLanguage, onSent }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<MessageMode>('internal');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const filesRef = useRef<HTMLInputElement>(null);
  const emptyBody = t('replyForm.empty');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (body.trim() === '') {
      setError(emptyBody);
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
      setError(failure instanceof ApiError ? failure.message : t('replyForm.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="reply-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('replyForm.title')}</h3>
      <fieldset className="choice">
        <legend>{t('replyForm.sendAs')}</legend>
        {MESSAGE_MODES.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`${id}-mode`}
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {messageModeLabel(value)}
          </label>
        ))}
      </fieldset>
      {mode === 'outcome_notice' ? (
        <TemplatePicker templates={feedbackTemplates} language={reportLanguage} onPick={setBody} />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('replyForm.body')}</label>
        <textarea
          id={`${id}-body`}
          ref={bodyRef}
          rows={5}
          maxLength={20_000}
          value={body}
          dir="auto"
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error === emptyBody ? true : undefined}
        />
        <p id={`${id}-hint`} className={`hint hint--${mode === 'internal' ? 'internal' : 'reporter'}`}>
          {t(`replyForm.hint.${mode}`)}
        </p>
      </div>
      {mode === 'internal' ? null : (
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('replyForm.files')}</label>
          <input id={`${id}-files`} ref={filesRef} type="file" multiple aria-describedby={`${id}-files-hint`} />
          <p id={`${id}-files-hint`} className="hint">
            {t('replyForm.filesHint')}
          </p>
        </div>
      )}
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('replyForm.submit')}
      </button>
      <p role="status" className="notice">
        {notice}
      </p>
    </form>
  );
}
