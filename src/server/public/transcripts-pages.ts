/**
 * The transcripts part of the reporter's page: each transcript or minutes of a call or meeting, its state in plain
 * words, the reporter's corrections (kept beside the text, which never changes), and two plain forms — send a
 * correction, confirm — that work with JavaScript off.
 * @see EU 2019/1937 Art. 18 (the reporter may check, rectify and agree to the transcript or minutes)
 */
import type { TranscriptView } from '../../shared/transcripts.ts';
import { MAX_CORRECTION_TEXT } from '../../shared/transcripts.ts';
import { html, type Html } from './html.ts';
import { errorPrefix, notice, paragraphs } from './layout.ts';
import type { Locale } from './locale.ts';

export interface TranscriptFormState {
  /** The transcript the correction was for. */
  id: string;
  /** What the reporter wrote, kept when sending failed. */
  text: string;
  error: string;
}

/** The id of a transcript's correction field, for the error summary's link. */
export const correctionFieldId = (transcriptId: string) => `f-correction-${transcriptId}`;

const time = (loc: Locale, iso: string) => html`<time datetime="${iso}">${loc.dateTime(iso)}</time>`;

function stateText(loc: Locale, t: TranscriptView): Html {
  if (t.confirmedAt)
    return html`<p class="transcript-state"><strong>${loc.t('transcripts.confirmedBefore')}${time(loc, t.confirmedAt)}${loc.t(t.corrections.length > 0 ? 'transcripts.confirmedWithCorrections' : 'transcripts.confirmedAfter')}</strong></p>`;
  if (t.corrections.length > 0)
    return html`<p class="transcript-state"><strong>${loc.t('transcripts.correctionSent')}</strong></p>`;
  return html`<p class="transcript-state"><strong>${loc.t('transcripts.waiting')}</strong> ${loc.t('transcripts.waitingText')}</p>`;
}

function recordingText(loc: Locale, t: TranscriptView): Html | false {
  if (t.recordingDeletedAt)
    return html`<p>${loc.t('transcripts.recordingDeleted', { date: loc.dateTime(t.recordingDeletedAt) })}</p>`;
  return !!t.recording && html`<p>${loc.t('transcripts.recorded')}</p>`;
}

function transcriptItem(loc: Locale, t: TranscriptView, csrf: string, form: TranscriptFormState | undefined): Html {
  const tr = loc.t;
  const mine = form?.id === t.id ? form : undefined;
  const error = mine && loc.msg(mine.error);
  const field = correctionFieldId(t.id);
  const corrected = t.corrections.length > 0;
  return html`<li class="transcript" id="transcript-${t.id}">
<h3>${tr(`transcripts.kinds.${t.kind}`)} · ${time(loc, t.createdAt)}</h3>
${stateText(loc, t)}
${recordingText(loc, t)}
<div class="message message-staff">
<p class="message-meta"><strong>${tr('transcripts.staffWrote')}</strong></p>
<div class="message-body">${paragraphs(t.text, 'auto')}</div>
</div>
${
  corrected &&
  html`<h4>${tr('transcripts.yourCorrections')}</h4>
<ol class="thread">
${t.corrections.map(
  (c) => html`<li class="message message-own">
<p class="message-meta"><strong>${tr('followUp.fromYou')}</strong> · ${time(loc, c.createdAt)}</p>
<div class="message-body">${paragraphs(c.text, 'auto')}</div>
</li>\n`,
)}</ol>`
}
${
  !t.confirmedAt &&
  html`<form method="post" action="/follow-up/transcripts/${t.id}/correct" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field${mine ? ' field-error' : ''}">
<label for="${field}">${tr('transcripts.correctLabel')}</label>
<p class="hint" id="${field}-hint">${tr('transcripts.correctHint')}</p>
${mine && html`<p class="error-message" id="${field}-error">${errorPrefix(loc)}${error}</p>`}
<textarea id="${field}" name="correction" rows="5" autocomplete="off" dir="auto" maxlength="${MAX_CORRECTION_TEXT}" aria-describedby="${field}-hint${mine ? ` ${field}-error` : ''}"${mine && html` aria-invalid="true"`}>${mine?.text ?? ''}</textarea>
</div>
<div class="form-actions">
<button type="submit" class="button button-secondary">${tr('transcripts.sendCorrection')}</button>
</div>
</form>
<form method="post" action="/follow-up/transcripts/${t.id}/confirm" autocomplete="off">
<input type="hidden" name="_csrf" value="${csrf}">
<p>${tr(corrected ? 'transcripts.confirmMeansCorrected' : 'transcripts.confirmMeans')}</p>
<div class="form-actions">
<button type="submit" class="button">${tr('transcripts.confirm')}</button>
</div>
</form>`
}
</li>\n`;
}

/** The section, or nothing when the report has no transcript. */
export function transcriptsSection(
  loc: Locale,
  list: TranscriptView[],
  csrf: string,
  form?: TranscriptFormState,
  done?: string,
): Html | false {
  if (list.length === 0) return false;
  const waiting = list.filter((t) => !t.confirmedAt).length;
  return html`<section aria-labelledby="transcripts">
<h2 id="transcripts">${loc.t('transcripts.title')}</h2>
${done && notice(loc.msg(done), 'success')}
<p>${waiting > 0 ? loc.t('transcripts.pleaseCheck', { count: waiting }) : loc.t('transcripts.allConfirmed')}</p>
<ol class="thread">
${list.map((t) => transcriptItem(loc, t, csrf, form))}</ol>
</section>`;
}
