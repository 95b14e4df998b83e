/**
 * The pages of making a report: the questionnaire (step 1), the identity section and files (step 2), and the
 * receipt, shown once. Step 2 carries the answers in one hidden field, so nothing is stored before Send.
 */
import type { AnswerValue, Answers } from '../../shared/answers.ts';
import { displayAnswer } from '../../shared/answers.ts';
import type { Category, Profile } from '../../shared/profile.ts';
import { hiddenInputs, renderField, summaryItems } from './fields.ts';
import { html, type Html } from './html.ts';
import { errorSummary, fileLimitsText, notice, page, SHARED_DEVICE_ADVICE, type SummaryItem } from './layout.ts';
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
export function questionnairePage(
  profile: Profile,
  category: Category,
  state: QuestionnaireState,
  draft?: string,
): string {
  const questions = category.fields.filter((f) => f.type !== 'file');
  const items = summaryItems(questions, state.errors);
  const main = html`<p class="back-link"><a href="/">Back to the start page</a></p>
<p class="caption">Step 1 of 2</p>
<h1>${category.title}</h1>
<p class="lead">${category.description}</p>
${errorSummary(items)}
${state.expired && notice(`What you typed earlier is no longer kept: for your safety, this service keeps it for ${DRAFT_MINUTES} minutes only. Please fill in the form again.`)}
<p>Answer what you know. Questions marked <strong>(required)</strong> need an answer; you can leave the others empty.</p>
<p>Your report is not sent until you send it at the end. Until then, what you type is kept only to show it to you again, sealed so that nobody can read it, and for ${DRAFT_MINUTES} minutes at most. You can add files on the next page.</p>
<form method="post" action="${reportPath(category)}" autocomplete="off" novalidate>
${questions.map((field) => renderField({ field, name: field.id, value: state.values[field.id], error: state.errors[field.id] }))}
${hiddenInputs(state.identity)}
${draftInput(draft)}<div class="form-actions">
<button type="submit" class="button">Continue</button>
</div>
</form>`;
  return page(profile, { title: category.title, main, hasError: items.length > 0 });
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
  profile: Profile,
  category: Category,
  files: { maxFiles: number; maxFileBytes: number },
  state: DetailsState,
  draft?: string,
): string {
  const identityFields = profile.identity.fields;
  const fileFields = category.fields.filter((f) => f.type === 'file');
  const items: SummaryItem[] = [
    ...(state.problem ? [{ href: state.problem.href, text: state.problem.message }] : []),
    ...summaryItems(identityFields, state.errors, IDENTITY_PREFIX),
    ...summaryItems(fileFields, state.errors, FILE_PREFIX),
  ];
  if (state.filesLost)
    items.push({ href: `f-${FILES_FIELD}`, text: 'Your files could not be kept: please choose your files again.' });

  const main = html`<p class="caption">Step 2 of 2</p>
<h1>About you and your files</h1>
${errorSummary(items)}
${state.notAccepting && otherChannels(profile)}
<section aria-labelledby="your-answers">
<h2 id="your-answers">Your answers</h2>
${answerList(category, state.answers)}
<form method="post" action="${reportPath(category)}" class="inline-form" autocomplete="off">
<input type="hidden" name="_edit" value="1">
${draftInput(draft)}${hiddenInputs(answersAsForm(state.answers))}
${hiddenInputs(answersAsForm(state.identity, IDENTITY_PREFIX))}
<button type="submit" class="button button-secondary">Change your answers</button>
</form>
</section>

<form method="post" enctype="multipart/form-data" action="${reportPath(category)}/submit" autocomplete="off" novalidate data-upload>
<input type="hidden" name="answers" value="${JSON.stringify(state.answers)}">
${draftInput(draft)}${
    identityFields.length > 0 &&
    html`<section aria-labelledby="about-you">
<h2 id="about-you">About you (optional)</h2>
<div class="notice notice-info">
<p><strong>Leave this empty to stay anonymous.</strong> You do not have to tell us who you are, and your report is handled the same way without it.</p>
<p>If you do fill it in, it is stored apart from your report, encrypted, and only a few specially authorised people can open it.</p>
</div>
${identityFields.map((field) =>
  renderField({
    field,
    name: IDENTITY_PREFIX + field.id,
    value: state.identity[field.id],
    error: state.errors[IDENTITY_PREFIX + field.id],
  }),
)}
</section>`
  }
<section aria-labelledby="your-files">
<h2 id="your-files">Files (optional)</h2>
<p>You can add documents, photos, screenshots or other files: ${fileLimitsText(files)}.</p>
<p>Files often carry hidden information (metadata), such as the author's name, the device, or where and when a photo was taken. We remove it from the copies that staff see, for photos, PDF files, Word, Excel and PowerPoint documents (and OpenDocument text and spreadsheets) and plain text; other kinds of file are kept sealed as they are, and staff are told that their hidden information could not be removed. What a file shows can still point to you, so check each file before you add it.</p>
${fileFields.map((field) => renderField({ field, name: FILE_PREFIX + field.id, error: state.errors[FILE_PREFIX + field.id] }))}
<div class="field">
<label for="f-${FILES_FIELD}">${fileFields.length > 0 ? 'Other files' : 'Files'}</label>
<p class="hint" id="f-${FILES_FIELD}-hint">You can choose several files at once.</p>
<input type="file" id="f-${FILES_FIELD}" name="${FILES_FIELD}" multiple autocomplete="off" aria-describedby="f-${FILES_FIELD}-hint">
</div>
</section>

<section aria-labelledby="send">
<h2 id="send">Send your report</h2>
<p>When your report has been sent, you will see a <strong>receipt</strong>: a long number, shown only once. Have a pen and paper ready, or a safe place to keep it.</p>
<div class="form-actions">
<button type="submit" class="button">Send the report</button>
</div>
<div class="upload-progress" hidden>
<label for="upload-progress">Sending your report</label>
<progress id="upload-progress" max="100" value="0"></progress>
<p class="upload-status" role="status"></p>
</div>
</section>
</form>`;
  return page(profile, {
    title: `${category.title}: about you and your files`,
    main,
    hasError: items.length > 0,
    script: true,
  });
}

function answerList(category: Category, answers: Answers): Html {
  const shown = category.fields.filter((f) => f.type !== 'file');
  return html`<dl class="answers">
${shown.map((field) => html`<div class="answer"><dt>${field.label}</dt><dd dir="auto">${displayAnswer(field, answers[field.id])}</dd></div>\n`)}
</dl>`;
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

export function receiptPage(profile: Profile, receipt: string, selfDisclosure = false): string {
  const main = html`<h1>Your report has been sent</h1>
${notice('Thank you. Your report has been received and stored safely.', 'success')}
<h2>Your receipt</h2>
<p>This is your receipt. Write it down or print it now.</p>
${receiptLine(receipt)}
<ul class="bullets receipt-advice">
<li><strong>It is the only way back to your report.</strong> With it you can check the status, read replies and add information at <a href="/follow-up">Follow up on a report</a>.</li>
<li><strong>This page shows it only once.</strong> We cannot show it again, send it to you or recover it if it is lost.</li>
<li><strong>Keep it safe and private.</strong> Anyone who has it can read your report and the replies.</li>
<li><strong>Nobody from us will ever ask you for it.</strong> Do not give it to anyone.</li>
</ul>
<p class="print-hint">To print this page, use your browser's print command.</p>
<p><button type="button" class="button button-secondary" id="print-receipt" hidden>Print this page</button></p>
${receiptCertificateSection(receipt, selfDisclosure)}
<p>When you have written your receipt down, close this page. ${SHARED_DEVICE_ADVICE}</p>`;
  return page(profile, { title: 'Your receipt', main, script: true });
}

export function receiptGonePage(profile: Profile): string {
  const main = html`<h1>This receipt is no longer shown</h1>
<p>A receipt is shown only once, straight after a report is sent, and only for a short time. This page has already been opened, or it has expired.</p>
<p>If your report was sent and you wrote down the receipt, you can <a href="/follow-up">follow up on your report</a>.</p>
<p>If you could not write it down, we cannot show it again or recover it. You can make a new report and mention that you made an earlier one.</p>
<p><a href="/">Go to the start page</a></p>`;
  return page(profile, { title: 'Receipt no longer shown', main });
}

/** @param category given when only this kind of report cannot be taken (no staff to handle it at the moment) */
export function notAcceptingPage(profile: Profile, category?: Category): string {
  if (category) {
    const main = html`<h1>${category.title}: not available at the moment</h1>
<p>This kind of report cannot be taken through the web form at the moment.</p>
${otherChannels(profile)}
<p><a href="/">Go to the start page</a></p>`;
    return page(profile, { title: `${category.title}: not available at the moment`, main });
  }
  const main = html`<h1>The web form is not taking reports yet</h1>
${otherChannels(profile)}
<p><a href="/">Go to the start page</a></p>`;
  return page(profile, { title: 'Not taking reports yet', main });
}
