/**
 * The pages of making a report: the questionnaire (step 1), the identity section and files (step 2), and the
 * receipt, shown once. Step 2 carries the answers in one hidden field, so nothing is stored before Send.
 */
import type { AnswerValue, Answers } from '../../shared/answers.ts';
import { displayAnswer } from '../../shared/answers.ts';
import type { Category, Profile } from '../../shared/profile.ts';
import type { Locale } from './locale.ts';
import { hiddenInputs, renderField, summaryItems } from './fields.ts';
import { html, type Html } from './html.ts';
import {
  errorSummary,
  fileLimitsText,
  notice,
  page,
  sharedDeviceAdvice,
  type SummaryItem,
  uploadProgress,
} from './layout.ts';
import { otherChannels } from './landing.ts';
import { receiptCertificateSection } from './certificate.ts';
import { DRAFT_MINUTES } from '../../domain/reporter/drafts.ts';

export const IDENTITY_PREFIX = 'identity.';
export const FILE_PREFIX = 'file.';
/** The input for files that belong to no particular question. */
export const FILES_FIELD = 'files';

/** The address of a category's report form. */
export const reportPath = (category: Category) => `/report/${encodeURIComponent(category.id)}`;

/** Answers as the text fields of an HTML form would send them (a ticked box as "on"). */
export function answersAsForm(
  answers: Record<string, AnswerValue | undefined>,
  prefix = '',
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (value === null || value === undefined || value === false) continue;
    out[prefix + id] = value === true ? 'on' : value;
  }
  return out;
}

export interface QuestionnaireState {
  values: Record<string, AnswerValue | undefined>;
  errors: Record<string, string>;
  /** Identity answers typed on step 2, carried through when the person goes back to change their answers. */
  identity: Record<string, string | string[]>;
  /** A draft was asked for that is no longer kept: say so. */
  expired?: boolean;
}

/** The draft a page was shown from, sent back so that the next post drops it (src/domain/reporter/drafts.ts). */
const draftInput = (draft: string | undefined) => draft && html`<input type="hidden" name="_draft" value="${draft}">\n`;

/** @param draft the token of the draft the page is shown from, if any */
export function questionnairePage(loc: Locale, category: Category, state: QuestionnaireState, draft?: string): string {
  const { t } = loc;
  const questions = category.fields.filter((f) => f.type !== 'file');
  const items = summaryItems(loc, questions, state.errors);
  const main = html`<p class="back-link"><a href="/">${t('report.backToStart')}</a></p>
<p class="caption">${t('report.step', { step: 1, of: 2 })}</p>
<h1>${category.title}</h1>
<p class="lead">${category.description}</p>
${errorSummary(loc, items)}
${state.expired && notice(t('report.draftExpired', { minutes: DRAFT_MINUTES }))}
<p>${t('report.answerWhatYouKnow')}</p>
<p>${t('report.notSentUntilEnd', { minutes: DRAFT_MINUTES })}</p>
<form method="post" action="${reportPath(category)}" autocomplete="off" novalidate>
${questions.map((field) => renderField(loc, { field, name: field.id, value: state.values[field.id], error: state.errors[field.id] }))}
${hiddenInputs(state.identity)}
${draftInput(draft)}<div class="form-actions">
<button type="submit" class="button">${t('report.continue')}</button>
</div>
</form>`;
  return page(loc, { title: category.title, main, hasError: items.length > 0, path: reportPath(category) });
}

export interface DetailsState {
  answers: Answers;
  /** Identity answers by field id, as typed. */
  identity: Record<string, AnswerValue | undefined>;
  errors: Record<string, string>;
  /** A problem that belongs to the whole submission, e.g. a file over the limit. */
  problem?: { message: string; href: string | null } | undefined;
  /** Files had been chosen: say that they must be chosen again (browsers cannot keep them). */
  filesLost?: boolean;
  /** The channel is not taking reports: point to the other channels. */
  notAccepting?: boolean;
}

/** @param draft the token of the draft the page is shown from */
export function detailsPage(
  loc: Locale,
  profile: Profile,
  category: Category,
  files: { maxFiles: number; maxFileBytes: number },
  state: DetailsState,
  draft?: string,
): string {
  const { t } = loc;
  const identityFields = profile.identity.fields;
  const fileFields = category.fields.filter((f) => f.type === 'file');
  const items: SummaryItem[] = [
    ...(state.problem ? [{ href: state.problem.href, text: loc.msg(state.problem.message) }] : []),
    ...summaryItems(loc, identityFields, state.errors, IDENTITY_PREFIX),
    ...summaryItems(loc, fileFields, state.errors, FILE_PREFIX),
  ];
  if (state.filesLost) items.push({ href: `f-${FILES_FIELD}`, text: t('report.filesLost') });

  const main = html`<p class="caption">${t('report.step', { step: 2, of: 2 })}</p>
<h1>${t('report.detailsTitle')}</h1>
${errorSummary(loc, items)}
${state.notAccepting && otherChannels(loc, profile)}
<section aria-labelledby="your-answers">
<h2 id="your-answers">${t('report.yourAnswers')}</h2>
${answerList(loc, category, state.answers)}
<form method="post" action="${reportPath(category)}" class="inline-form" autocomplete="off">
<input type="hidden" name="_edit" value="1">
${draftInput(draft)}${hiddenInputs(answersAsForm(state.answers))}
${hiddenInputs(answersAsForm(state.identity, IDENTITY_PREFIX))}
<button type="submit" class="button button-secondary">${t('report.changeAnswers')}</button>
</form>
</section>

<form method="post" enctype="multipart/form-data" action="${reportPath(category)}/submit" autocomplete="off" novalidate data-upload>
<input type="hidden" name="answers" value="${JSON.stringify(state.answers)}">
${draftInput(draft)}${
    identityFields.length > 0 &&
    html`<section aria-labelledby="about-you">
<h2 id="about-you">${t('report.aboutYouTitle')}</h2>
<div class="notice notice-info">
<p><strong>${t('report.stayAnonymous')}</strong> ${t('report.stayAnonymousText')}</p>
<p>${t('report.identitySealed')}</p>
</div>
${identityFields.map((field) =>
  renderField(loc, {
    field,
    name: IDENTITY_PREFIX + field.id,
    value: state.identity[field.id],
    error: state.errors[IDENTITY_PREFIX + field.id],
  }),
)}
</section>`
  }
<section aria-labelledby="your-files">
<h2 id="your-files">${t('report.filesTitle')}</h2>
<p>${t('report.filesIntro', { limits: fileLimitsText(loc, files) })}</p>
<p>${t('report.metadataWarning')}</p>
${fileFields.map((field) => renderField(loc, { field, name: FILE_PREFIX + field.id, error: state.errors[FILE_PREFIX + field.id] }))}
<div class="field">
<label for="f-${FILES_FIELD}">${fileFields.length > 0 ? t('report.otherFiles') : t('report.files')}</label>
<p class="hint" id="f-${FILES_FIELD}-hint">${t('report.severalFiles')}</p>
<input type="file" id="f-${FILES_FIELD}" name="${FILES_FIELD}" multiple autocomplete="off" aria-describedby="f-${FILES_FIELD}-hint">
</div>
</section>

<section aria-labelledby="send">
<h2 id="send">${t('report.sendTitle')}</h2>
<p>${t('report.receiptComing')}</p>
<div class="form-actions">
<button type="submit" class="button">${t('report.send')}</button>
</div>
${uploadProgress(loc, t('report.sending'))}
</section>
</form>`;
  return page(loc, {
    title: t('report.detailsPageTitle', { category: category.title }),
    main,
    hasError: items.length > 0,
    script: true,
    path: reportPath(category),
  });
}

function answerList(loc: Locale, category: Category, answers: Answers): Html {
  const shown = category.fields.filter((f) => f.type !== 'file');
  return html`<dl class="answers">
${shown.map((field) => html`<div class="answer"><dt>${field.label}</dt><dd dir="auto">${shownAnswer(loc, field, answers[field.id])}</dd></div>\n`)}
</dl>`;
}

/** An answer as text: yes and no in the page's language, the rest as `displayAnswer` gives it. */
export function shownAnswer(
  loc: Locale,
  field: Category['fields'][number],
  value: Answers[string] | undefined,
): string {
  if (typeof value === 'boolean') return loc.t(value ? 'report.yes' : 'report.no');
  return displayAnswer(field, value);
}

/**
 * The receipt, once: large, in groups, with what to do with it, and the certificate of receipt on offer.
 * @param selfDisclosure the report came forward about the reporter's own involvement (CEL 2023 Art. 55)
 */
/** A receipt as it is shown: its groups of four digits, each in a span (styled apart for reading and copying). */
export function receiptLine(receipt: string): Html {
  const groups = receipt.split(/\s+/).filter(Boolean);
  return html`<p class="receipt" id="receipt">${groups.map((group, i) => html`${i > 0 && ' '}<span>${group}</span>`)}</p>`;
}

export function receiptPage(loc: Locale, receipt: string, selfDisclosure = false): string {
  const { t } = loc;
  const main = html`<h1>${t('receipt.sentTitle')}</h1>
${notice(t('receipt.thanks'), 'success')}
<h2>${t('receipt.title')}</h2>
<p>${t('receipt.writeDown')}</p>
${receiptLine(receipt)}
<ul class="bullets receipt-advice">
<li><strong>${t('receipt.onlyWayBold')}</strong> ${t('receipt.onlyWayBefore')}<a href="/follow-up">${t('receipt.onlyWayLink')}</a>${t('receipt.onlyWayAfter')}</li>
<li><strong>${t('receipt.onceBold')}</strong> ${t('receipt.once')}</li>
<li><strong>${t('receipt.safeBold')}</strong> ${t('receipt.safe')}</li>
<li><strong>${t('receipt.neverAskBold')}</strong> ${t('receipt.neverAsk')}</li>
</ul>
<p class="print-hint">${t('receipt.printHint')}</p>
<p><button type="button" class="button button-secondary" id="print-receipt" hidden>${t('receipt.print')}</button></p>
${receiptCertificateSection(loc, receipt, selfDisclosure)}
<p>${t('receipt.closePage')} ${sharedDeviceAdvice(loc)}</p>`;
  // Shown once: switching the language would open it a second time, which shows nothing.
  return page(loc, { title: t('receipt.title'), main, script: true, path: null });
}

export function receiptGonePage(loc: Locale): string {
  const { t } = loc;
  const main = html`<h1>${t('receipt.goneTitle')}</h1>
<p>${t('receipt.goneText')}</p>
<p>${t('receipt.goneFollowUpBefore')}<a href="/follow-up">${t('receipt.goneFollowUpLink')}</a>${t('receipt.goneFollowUpAfter')}</p>
<p>${t('receipt.goneLost')}</p>
<p><a href="/">${t('errorPage.startPage')}</a></p>`;
  return page(loc, { title: t('receipt.gonePageTitle'), main, path: null });
}

/** @param category given when only this kind of report cannot be taken (no staff to handle it at the moment) */
export function notAcceptingPage(loc: Locale, profile: Profile, category?: Category): string {
  const { t } = loc;
  if (category) {
    const title = t('report.categoryUnavailable', { category: category.title });
    const main = html`<h1>${title}</h1>
<p>${t('report.categoryUnavailableText')}</p>
${otherChannels(loc, profile)}
<p><a href="/">${t('errorPage.startPage')}</a></p>`;
    return page(loc, { title, main, path: reportPath(category) });
  }
  const main = html`<h1>${t('report.notAcceptingTitle')}</h1>
${otherChannels(loc, profile)}
<p><a href="/">${t('errorPage.startPage')}</a></p>`;
  return page(loc, { title: t('report.notAcceptingPageTitle'), main });
}
