/**
 * The identity parts of the reporter's page: the notice of each disclosure of their identity (with what the staff
 * member asked them be told), and the form to add their identity of their own accord, which works without
 * JavaScript. What the reporter adds is never shown back: only identity custodians can open it.
 * @see EU 2019/1937 Art. 16(3); CEL 2023 Art. 16
 */
import { IDENTITY_PREFIX, type ReporterIdentityView } from '../../domain/reporter/identity.ts';
import type { AnswerValue } from '../../shared/answers.ts';
import type { Profile } from '../../shared/profile.ts';
import { renderField } from './fields.ts';
import { html, type Html } from './html.ts';
import { paragraphs } from './layout.ts';
import type { Locale } from './locale.ts';

export interface IdentityFormState {
  /** What the reporter typed, by identity field id, kept when adding failed. */
  values?: Record<string, AnswerValue | undefined>;
  /** Problems by identity field id, shown at each field. */
  errors?: Record<string, string>;
}

/** One notice per disclosure, at the top of the page: the reporter must not miss it. */
export function disclosureNotices(loc: Locale, view: ReporterIdentityView): Html {
  const { t } = loc;
  return html`${view.disclosures.map(
    (d) => html`<div class="notice notice-warning" role="status">
<p><strong>${t('identity.disclosed', { date: loc.date(d.at) })}</strong></p>
${d.notice && html`<p>${t('identity.theyAsked')}</p>\n<blockquote class="message-body">${paragraphs(d.notice, 'auto')}</blockquote>`}
<p>${t('identity.approvedByCustodian')}</p>
</div>\n`,
  )}`;
}

export function identitySection(
  loc: Locale,
  profile: Profile,
  view: ReporterIdentityView,
  csrf: string,
  form: IdentityFormState = {},
): Html {
  const { t } = loc;
  const fields = profile.identity.fields;
  const errors = form.errors ?? {};
  return html`<section aria-labelledby="identity">
<h2 id="identity">${t('identity.title')}</h2>
${view.addedAt && html`<p><strong>${t('identity.added', { date: loc.date(view.addedAt) })}</strong></p>`}
${
  !view.canAdd
    ? html`<p>${t('identity.cannotAdd')}</p>`
    : fields.length === 0
      ? html`<p>${t('identity.notAsked')}</p>`
      : html`<p>${t(view.disclosures.length > 0 ? 'identity.disclosedSoFar' : 'identity.keptApart')} ${t('identity.yourChoice')}</p>
<p>${t('identity.howKept')}</p>
<form method="post" action="/follow-up/identity" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
${fields.map((field) =>
  renderField(loc, {
    field,
    name: IDENTITY_PREFIX + field.id,
    value: form.values?.[field.id],
    error: errors[field.id],
  }),
)}
<div class="form-actions">
<button type="submit" class="button">${t(view.addedAt ? 'identity.addMore' : 'identity.add')}</button>
</div>
</form>`
}
</section>`;
}
