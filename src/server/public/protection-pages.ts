/**
 * The protection part of the reporter's page: the requests made (when, by when staff must respond, the outcome in
 * plain words — never the staff's note) and the form to ask, which works without JavaScript.
 * @see MSS Order No. 2 Art. 6(2); CEL 2023 Art. 46
 */
import type { ReporterProtectionList } from '../../shared/protection.ts';
import { MAX_PROTECTION_ACCOUNT } from '../../shared/protection.ts';
import { html, type Html } from './html.ts';
import { formatDateTime } from './layout.ts';

export interface ProtectionFormState {
  /** What the reporter wrote, kept when sending failed. */
  account?: string | undefined;
  /** Why sending failed, shown at the field. */
  error?: string | undefined;
}

/** "Staff must respond within 12 hours" — the hours in words a reporter reads at a glance. */
export function responseTimeText(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The notice shown once a request has been sent. */
export function protectionSentText(dueAt: string, language: string): string {
  return `Your request for protection has been sent. It is treated as urgent: staff must respond by ${formatDateTime(dueAt, language)}.`;
}

export function protectionSection(
  list: ReporterProtectionList,
  csrf: string,
  language: string,
  form: ProtectionFormState = {},
): Html {
  return html`<section aria-labelledby="protection">
<h2 id="protection">I or my relatives are in danger</h2>
${
  list.requests.length > 0 &&
  html`<ul class="protection-list">
${list.requests.map(
  (r) => html`<li class="protection-request">
<p><strong>You asked for protection on <time datetime="${r.requestedAt}">${formatDateTime(r.requestedAt, language)}</time>.</strong></p>
${
  r.respondedAt && r.outcomeText
    ? html`<p>Staff responded on <time datetime="${r.respondedAt}">${formatDateTime(r.respondedAt, language)}</time>: ${r.outcomeText}</p>`
    : html`<p>Staff must respond by <time datetime="${r.dueAt}">${formatDateTime(r.dueAt, language)}</time>.</p>`
}
</li>\n`,
)}</ul>`
}
<p>If you or your close relatives are in danger because of your report, ask for protection here. Your request is treated as urgent: staff must respond within ${responseTimeText(list.responseHours)}.</p>
<p><strong>If anyone is in immediate danger, contact the emergency services first.</strong></p>
<form method="post" action="/follow-up/protection" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field${form.error ? ' field-error' : ''}">
<label for="f-account">What is happening? (optional)</label>
<p class="hint" id="f-account-hint">Who is in danger, from whom, and what would help. You can leave this empty.</p>
${form.error && html`<p class="error-message" id="f-account-error"><span class="visually-hidden">Error: </span>${form.error}</p>`}
<textarea id="f-account" name="account" rows="6" autocomplete="off" maxlength="${MAX_PROTECTION_ACCOUNT}" aria-describedby="f-account-hint${form.error ? ' f-account-error' : ''}"${form.error && html` aria-invalid="true"`}>${form.account ?? ''}</textarea>
</div>
<div class="form-actions">
<button type="submit" class="button">Ask for protection</button>
</div>
</form>
</section>`;
}
