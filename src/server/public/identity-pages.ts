/**
 * The identity parts of the reporter's page: the notice of each disclosure of their identity (with what the staff
 * member asked them be told), and the form to add their identity of their own accord, which works without
 * JavaScript. What the reporter adds is never shown back: only identity custodians can open it.
 * @see EU 2019/1937 Art. 16(3); CEL 2023 Art. 16
 */
import {
  addedText,
  CANNOT_ADD,
  disclosedText,
  IDENTITY_PREFIX,
  type ReporterIdentityView,
} from '../../domain/reporter/identity.ts';
import type { AnswerValue } from '../../shared/answers.ts';
import type { Profile } from '../../shared/profile.ts';
import { renderField } from './fields.ts';
import { html, type Html } from './html.ts';
import { formatDate, paragraphs } from './layout.ts';

export interface IdentityFormState {
  /** What the reporter typed, by identity field id, kept when adding failed. */
  values?: Record<string, AnswerValue | undefined>;
  /** Problems by identity field id, shown at each field. */
  errors?: Record<string, string>;
}

/** One notice per disclosure, at the top of the page: the reporter must not miss it. */
export function disclosureNotices(view: ReporterIdentityView, language: string): Html {
  return html`${view.disclosures.map(
    (d) => html`<div class="notice notice-warning" role="status">
<p><strong>${disclosedText(formatDate(d.at, language))}</strong></p>
${d.notice && html`<p>They asked us to tell you:</p>\n<blockquote class="message-body">${paragraphs(d.notice, 'auto')}</blockquote>`}
<p>This was approved by an identity custodian, a person other than the one who asked. If you have concerns, write to us in a message below.</p>
</div>\n`,
  )}`;
}

const IDENTITY_KEPT_APART =
  'Staff handling your report do not see who you are: any name or contact details you gave are kept apart, for identity custodians only.';
const IDENTITY_DISCLOSED = 'Staff handling your report see who you are only as far as a disclosure shown above allows.';

export function identitySection(
  profile: Profile,
  view: ReporterIdentityView,
  csrf: string,
  form: IdentityFormState = {},
): Html {
  const fields = profile.identity.fields;
  const errors = form.errors ?? {};
  return html`<section aria-labelledby="identity">
<h2 id="identity">Your identity</h2>
${view.addedAt && html`<p><strong>${addedText(formatDate(view.addedAt, profile.language))}</strong></p>`}
${
  !view.canAdd
    ? html`<p>${CANNOT_ADD}</p>`
    : fields.length === 0
      ? html`<p>This channel does not ask who you are.</p>`
      : html`<p>${view.disclosures.length > 0 ? IDENTITY_DISCLOSED : IDENTITY_KEPT_APART} If you want to, you can tell us who you are, or add to what you gave, now or at any time. This is your choice alone.</p>
<p>What you add here is encrypted and kept apart from your report. Only identity custodians can read it. It is disclosed to staff handling your report only if a custodian approves a request that gives a reason, and you would be told here. You cannot read it back on this page.</p>
<form method="post" action="/follow-up/identity" autocomplete="off" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
${fields.map((field) =>
  renderField({
    field,
    name: IDENTITY_PREFIX + field.id,
    value: form.values?.[field.id],
    error: errors[field.id],
  }),
)}
<div class="form-actions">
<button type="submit" class="button">${view.addedAt ? 'Add these details' : 'Add my identity'}</button>
</div>
</form>`
}
</section>`;
}
