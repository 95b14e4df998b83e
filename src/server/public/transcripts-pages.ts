/**
 * The transcripts part of the reporter's page: each transcript or minutes of a call or meeting, its state in plain
 * words, the reporter's corrections (kept beside the text, which never changes), and two plain forms — send a
 * correction, confirm — that work with JavaScript off.
 * @see EU 2019/1937 Art. 18 (the reporter may check, rectify and agree to the transcript or minutes)
 */
import type { TranscriptView } from '../../shared/transcripts.ts';
import { MAX_CORRECTION_TEXT } from '../../shared/transcripts.ts';
import { html, type Html } from './html.ts';
import { formatDateTime, notice, paragraphs } from './layout.ts';

export interface TranscriptFormState {
  /** The transcript the correction was for. */
  id: string;
  /** What the reporter wrote, kept when sending failed. */
  text: string;
  error: string;
}

const TITLES = { transcript: 'Transcript of a call', minutes: 'Minutes of a meeting' } as const;

/** The id of a transcript's correction field, for the error summary's link. */
export const correctionFieldId = (transcriptId: string) => `f-correction-${transcriptId}`;

function stateText(t: TranscriptView, language: string): Html {
  if (t.confirmedAt)
    return html`<p class="transcript-state"><strong>You confirmed this record on <time datetime="${t.confirmedAt}">${formatDateTime(t.confirmedAt, language)}</time>${t.corrections.length > 0 ? ', with your corrections' : ''}.</strong></p>`;
  if (t.corrections.length > 0)
    return html`<p class="transcript-state"><strong>You sent a correction. When the record and your corrections are right, confirm it.</strong></p>`;
  return html`<p class="transcript-state"><strong>Waiting for you to check it.</strong> Read it, correct anything wrong or missing, then confirm it.</p>`;
}

function recordingText(t: TranscriptView, language: string): Html | false {
  if (t.recordingDeletedAt)
    return html`<p>The recording of this conversation was deleted on <time datetime="${t.recordingDeletedAt}">${formatDateTime(t.recordingDeletedAt, language)}</time>, after you confirmed this record.</p>`;
  return (
    !!t.recording && html`<p>This conversation was recorded with your agreement. The recording is kept sealed.</p>`
  );
}

function transcriptItem(
  t: TranscriptView,
  csrf: string,
  language: string,
  form: TranscriptFormState | undefined,
): Html {
  const mine = form?.id === t.id ? form : undefined;
  const field = correctionFieldId(t.id);
  return html`<li class="transcript" id="transcript-${t.id}">
<h3>${TITLES[t.kind]} · <time datetime="${t.createdAt}">${formatDateTime(t.createdAt, language)}</time></h3>
${stateText(t, language)}
${recordingText(t, language)}
<div class="message message-staff">
<p class="message-meta"><strong>What staff wrote down</strong></p>
<div class="message-body">${paragraphs(t.text, 'auto')}</div>
</div>
${
  t.corrections.length > 0 &&
  html`<h4>Your corrections</h4>
<ol class="thread">
${t.corrections.map(
  (c) => html`<li class="message message-own">
<p class="message-meta"><strong>You wrote</strong> · <time datetime="${c.createdAt}">${formatDateTime(c.createdAt, language)}</time></p>
<div class="message-body">${paragraphs(c.text, 'auto')}</div>
</li>\n`,
)}</ol>`
}
${
  !t.confirmedAt &&
  html`<form method="post" action="/follow-up/transcripts/${t.id}/correct" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field${mine ? ' field-error' : ''}">
<label for="${field}">Correct or add something (optional)</label>
<p class="hint" id="${field}-hint">Say what is wrong or missing. The record above stays as it was written; your correction is kept beside it and staff see both.</p>
${mine && html`<p class="error-message" id="${field}-error"><span class="visually-hidden">Error: </span>${mine.error}</p>`}
<textarea id="${field}" name="correction" rows="5" autocomplete="off" maxlength="${MAX_CORRECTION_TEXT}" aria-describedby="${field}-hint${mine ? ` ${field}-error` : ''}"${mine && html` aria-invalid="true"`}>${mine?.text ?? ''}</textarea>
</div>
<div class="form-actions">
<button type="submit" class="button button-secondary">Send correction</button>
</div>
</form>
<form method="post" action="/follow-up/transcripts/${t.id}/confirm" autocomplete="off">
<input type="hidden" name="_csrf" value="${csrf}">
<p>Confirming means you agree that this record${t.corrections.length > 0 ? ', with your corrections,' : ''} is accurate. You cannot correct it afterwards, but you can always write to the staff.</p>
<div class="form-actions">
<button type="submit" class="button">Confirm this record</button>
</div>
</form>`
}
</li>\n`;
}

/** The section, or nothing when the report has no transcript. */
export function transcriptsSection(
  list: TranscriptView[],
  csrf: string,
  language: string,
  form?: TranscriptFormState,
  done?: string,
): Html | false {
  if (list.length === 0) return false;
  const waiting = list.filter((t) => !t.confirmedAt).length;
  return html`<section aria-labelledby="transcripts">
<h2 id="transcripts">Records of your conversations with us</h2>
${done && notice(done, 'success')}
<p>${waiting > 0 ? `Staff wrote down what you told them. Please check ${waiting === 1 ? 'the record' : `the ${waiting} records`} below waiting for you.` : 'Staff wrote down what you told them, and you have confirmed every record.'}</p>
<ol class="thread">
${list.map((t) => transcriptItem(t, csrf, language, form))}</ol>
</section>`;
}
