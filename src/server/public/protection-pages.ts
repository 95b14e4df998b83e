/**
 * The protection part of the reporter's page: the requests made (when, by when staff must respond, the outcome in
 * plain words — never the staff's note) and the form to ask, which works without JavaScript.
 * @see MSS Order No. 2 Art. 6(2); CEL 2023 Art. 46
 */
import type { ReporterProtectionList } from '../../shared/protection.ts';
import { MAX_PROTECTION_ACCOUNT } from '../../shared/protection.ts';
import { html, type Html } from './html.ts';
import { errorPrefix } from './layout.ts';
import type { Locale } from './locale.ts';

export interface ProtectionFormState {
  /** What the reporter wrote, kept when sending failed. */
  account?: string | undefined;
  /** Why sending failed, shown at the field. */
  error?: string | undefined;
}

/** "Staff must respond within 12 hours" — the hours in words a reporter reads at a glance. */
export function responseTimeText(loc: Locale, hours: number): string {
  return hours % 24 === 0 && hours >= 48
    ? loc.t('protection.days', { count: hours / 24 })
    : loc.t('layout.hours', { count: hours });
}

/** The notice shown once a request has been sent. */
export function protectionSentText(loc: Locale, dueAt: string): string {
  return loc.t('protection.sent', { date: loc.dateTime(dueAt) });
}

export function protectionSection(
  loc: Locale,
  list: ReporterProtectionList,
  csrf: string,
  form: ProtectionFormState = {},
): Html {
  const { t } = loc;
  const error = form.error && loc.msg(form.error);
  const time = (iso: string) => html`<time datetime="${iso}">${loc.dateTime(iso)}</time>`;
  return html`<section aria-labelledby="protection">
<h2 id="protection">${t('protection.title')}</h2>
${
  list.requests.length > 0 &&
  html`<ul class="protection-list">
${list.requests.map(
  (r) => html`<li class="protection-request">
<p><strong>${t('protection.askedBefore')}${time(r.requestedAt)}${t('protection.askedAfter')}</strong></p>
${
  r.respondedAt && r.outcome
    ? html`<p>${t('protection.respondedBefore')}${time(r.respondedAt)}${t('protection.respondedAfter')}${t(`protection.outcomes.${r.outcome}`)}</p>`
    : html`<p>${t('protection.dueBefore')}${time(r.dueAt)}${t('protection.dueAfter')}</p>`
}
</li>\n`,
)}</ul>`
}
<p>${t('protection.intro', { within: responseTimeText(loc, list.responseHours) })}</p>
<p><strong>${t('protection.emergency')}</strong></p>
<form method="post" action="/follow-up/protection" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field${error ? ' field-error' : ''}">
<label for="f-account">${t('protection.accountLabel')}</label>
<p class="hint" id="f-account-hint">${t('protection.accountHint')}</p>
${error && html`<p class="error-message" id="f-account-error">${errorPrefix(loc)}${error}</p>`}
<textarea id="f-account" name="account" rows="6" autocomplete="off" dir="auto" maxlength="${MAX_PROTECTION_ACCOUNT}" aria-describedby="f-account-hint${error ? ' f-account-error' : ''}"${error && html` aria-invalid="true"`}>${form.account ?? ''}</textarea>
</div>
<div class="form-actions">
<button type="submit" class="button">${t('protection.ask')}</button>
</div>
</form>
</section>`;
}
