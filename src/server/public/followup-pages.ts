/** The reporter's pages after sending: sign in with the receipt, then status, replies and adding information. */
import type { ReporterView } from '../../domain/reporter/follow-up.ts';
import { hoursText } from '../../domain/accounts/sessions.ts';
import type { AccessLog } from '../../shared/audit.ts';
import type { Profile } from '../../shared/profile.ts';
import type { ReporterProtectionList } from '../../shared/protection.ts';
import { protectionSection, protectionSentText, type ProtectionFormState } from './protection-pages.ts';
import { accessSection } from './access-log.ts';
import type { ReporterIdentityView } from '../../domain/reporter/identity.ts';
import { disclosureNotices, identitySection, type IdentityFormState } from './identity-pages.ts';
import { followUpCertificateSection } from './certificate.ts';
import type { TranscriptView } from '../../shared/transcripts.ts';
import { correctionFieldId, transcriptsSection, type TranscriptFormState } from './transcripts-pages.ts';
import { html } from './html.ts';
import {
  errorSummary,
  fileLimitsText,
  formatBytes,
  formatDate,
  formatDateTime,
  notice,
  page,
  paragraphs,
  SHARED_DEVICE_ADVICE,
  type SummaryItem,
} from './layout.ts';

export interface SignInState {
  receipt: string;
  /** The draft the page is shown from, sent back so that the next post drops it (src/domain/reporter/drafts.ts). */
  draft?: string | undefined;
  error?: string | undefined;
  /** Shown above the form: the session ended, or the person signed out. */
  info?: string | undefined;
}

export function signInPage(profile: Profile, state: SignInState): string {
  const main = html`<h1>Follow up on a report</h1>
${state.info && notice(state.info)}
${errorSummary(state.error ? [{ href: 'f-receipt', text: state.error }] : [])}
<p>Enter the receipt you were given when you made your report. You can then see its status, read replies from staff and add information or files.</p>
<form method="post" action="/follow-up" autocomplete="off" novalidate>
${state.draft && html`<input type="hidden" name="_draft" value="${state.draft}">`}
<div class="field${state.error ? ' field-error' : ''}">
<label for="f-receipt">Your receipt</label>
<p class="hint" id="f-receipt-hint">36 digits. Spaces do not matter.</p>
${state.error && html`<p class="error-message" id="f-receipt-error"><span class="visually-hidden">Error: </span>${state.error}</p>`}
<input type="text" id="f-receipt" name="receipt" class="input-receipt" value="${state.receipt}" inputmode="numeric" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="200" aria-describedby="f-receipt-hint${state.error ? ' f-receipt-error' : ''}"${state.error && html` aria-invalid="true"`}>
</div>
<div class="form-actions">
<button type="submit" class="button">Continue</button>
</div>
</form>
<h2>Lost your receipt?</h2>
<p>We cannot recover a receipt: it is not stored anywhere in readable form. You can make a new report and mention that you made an earlier one.</p>`;
  return page(profile, { title: 'Follow up on a report', main, hasError: !!state.error });
}

export interface ReportPageState {
  csrf: string;
  sent: boolean;
  /** The reporter session's idle time and cap, in minutes. */
  session: { idleMinutes: number; minutes: number };
  files: { maxFiles: number; maxFileBytes: number };
  /** The message being written, kept when sending failed. */
  body?: string;
  error?: { message: string; href: string | null } | undefined;
  filesLost?: boolean;
  /** The reporter's protection requests; the protection form is shown only with them (src/domain/reporter/protection.ts). */
  protection?: ReporterProtectionList | undefined;
  /** The protection form as sent, when sending it failed. */
  protectionForm?: ProtectionFormState | undefined;
  /** A protection request was just sent: when staff must respond to it. */
  protectionSentDue?: string | undefined;
  /** Every access to the report, for "Who has looked at your report" (src/server/public/access-log.ts). */
  accesses?: AccessLog | undefined;
  /** Disclosures of the reporter's identity and adding it later (src/server/public/identity-pages.ts). */
  identity?: ReporterIdentityView | undefined;
  /** The identity form as sent, when adding failed. */
  identityForm?: IdentityFormState | undefined;
  /** Transcripts and minutes to check, correct and confirm (src/server/public/transcripts-pages.ts). */
  transcripts?: TranscriptView[] | undefined;
  /** A correction as sent, when sending it failed. */
  transcriptForm?: TranscriptFormState | undefined;
  /** What just happened to a transcript (a correction sent, a record confirmed). */
  transcriptDone?: string | undefined;
}

export function reportPage(profile: Profile, view: ReporterView, state: ReportPageState): string {
  const lang = profile.language;
  const items: SummaryItem[] = [];
  if (state.error) items.push({ href: state.error.href, text: state.error.message });
  if (state.filesLost)
    items.push({ href: 'f-files', text: 'Your files could not be kept: please choose your files again.' });
  if (state.protectionForm?.error) items.push({ href: 'f-account', text: state.protectionForm.error });
  if (state.transcriptForm)
    items.push({ href: correctionFieldId(state.transcriptForm.id), text: state.transcriptForm.error });
  const bodyError = state.error?.href === 'f-body' ? state.error.message : undefined;
  const main = html`<h1>Your report</h1>
${state.sent && notice('Your message has been sent. Staff handling your report will see it.', 'success')}
${state.protectionSentDue && notice(protectionSentText(state.protectionSentDue, lang), 'success')}
${errorSummary(items)}
<div class="status-box">
<h2>Status</h2>
<p class="status-text">${view.statusText}</p>
<dl class="facts">
<div><dt>Kind of report</dt><dd>${view.category.title}</dd></div>
<div><dt>Received</dt><dd>${formatDate(view.receivedAt, lang)}</dd></div>
</dl>
${view.dueText && html`<p>You will hear from us by ${formatDate(view.dueText, lang)}.</p>`}
${view.deletedAt && html`<p>This report is kept until ${formatDate(view.deletedAt, lang)} and then deleted with everything in it. Your receipt stops working then.</p>`}
</div>
${state.identity && disclosureNotices(state.identity, lang)}
${state.protection && protectionSection(state.protection, state.csrf, lang, state.protectionForm)}
${state.transcripts && transcriptsSection(state.transcripts, state.csrf, lang, state.transcriptForm, state.transcriptDone)}

<section aria-labelledby="messages">
<h2 id="messages">Messages</h2>
${
  view.messages.length === 0
    ? html`<p>There are no messages yet. When staff reply or ask a question, it appears here. Come back from time to time.</p>`
    : html`<ol class="thread">
${view.messages.map(
  (m) => html`<li class="message ${m.author === 'staff' ? 'message-staff' : 'message-own'}">
<p class="message-meta"><strong>${m.outcomeNotice ? 'The outcome of your report' : m.author === 'staff' ? 'From the staff handling your report' : 'You wrote'}</strong> · <time datetime="${m.createdAt}">${formatDateTime(m.createdAt, lang)}</time></p>
<div class="message-body">${paragraphs(m.body, 'auto')}</div>
${
  m.files.length > 0 &&
  html`<h3 class="message-files-title">Files sent with this message</h3>
<ul class="message-files">
${m.files.map((f) => html`<li><a href="/follow-up/files/${f.id}" download><bdi>${f.name}</bdi></a> <span class="file-meta">${f.size === null ? '' : `(${formatBytes(f.size)})`}</span></li>\n`)}</ul>
<p class="hint">Hidden information (metadata) was removed from these files before they were sent to you.</p>`
}
</li>\n`,
)}</ol>`
}
</section>

<section aria-labelledby="add">
<h2 id="add">Add information</h2>
<p>Answer a question, tell us something new, or add files. Staff handling your report will see it.</p>
<form method="post" action="/follow-up/report?_csrf=${encodeURIComponent(state.csrf)}" enctype="multipart/form-data" autocomplete="off" novalidate data-upload>
<div class="field${bodyError ? ' field-error' : ''}">
<label for="f-body">Your message</label>
${bodyError && html`<p class="error-message" id="f-body-error"><span class="visually-hidden">Error: </span>${bodyError}</p>`}
<textarea id="f-body" name="body" rows="8" maxlength="20000" autocomplete="off"${bodyError && html` aria-describedby="f-body-error" aria-invalid="true"`}>${state.body ?? ''}</textarea>
</div>
<div class="field">
<label for="f-files">Files (optional)</label>
<p class="hint" id="f-files-hint">${capitalise(fileLimitsText(state.files))}. Hidden information (metadata) is removed from the copies staff see, for photos, PDF files, Word, Excel and PowerPoint documents (and OpenDocument text and spreadsheets) and plain text.</p>
<input type="file" id="f-files" name="files" multiple autocomplete="off" aria-describedby="f-files-hint">
</div>
<div class="form-actions">
<button type="submit" class="button">Send</button>
</div>
<div class="upload-progress" hidden>
<label for="upload-progress">Sending</label>
<progress id="upload-progress" max="100" value="0"></progress>
<p class="upload-status" role="status"></p>
</div>
</form>
</section>

<section aria-labelledby="your-report">
<h2 id="your-report">What you reported</h2>
<dl class="answers">
${view.answers.map((a) => html`<div class="answer"><dt>${a.label}</dt><dd dir="auto">${a.text}</dd></div>\n`)}
</dl>
<h3>Your files</h3>
${
  view.files.length === 0
    ? html`<p>You have not sent any files.</p>`
    : html`<ul class="file-list">
${view.files.map((f) => html`<li><bdi>${f.name}</bdi> <span class="file-meta">(${f.size === null ? '' : `${formatBytes(f.size)}, `}sent ${formatDate(f.createdAt, lang)})</span></li>\n`)}</ul>`
}
</section>

${state.identity && identitySection(profile, state.identity, state.csrf, state.identityForm)}

${state.accesses && accessSection(state.accesses, lang)}

${followUpCertificateSection(state.csrf, profile.categories.find((c) => c.id === view.category.id)?.kind === 'self_disclosure')}

<section aria-labelledby="sign-out">
<h2 id="sign-out">When you are done</h2>
<p>Sign out when you have finished. You are signed out automatically after ${state.session.idleMinutes} minutes without activity, and ${hoursText(state.session.minutes)} after signing in at the latest. ${SHARED_DEVICE_ADVICE}</p>
<form method="post" action="/follow-up/sign-out" autocomplete="off">
<input type="hidden" name="_csrf" value="${state.csrf}">
<button type="submit" class="button button-secondary">Sign out</button>
</form>
</section>`;
  return page(profile, { title: 'Your report', main, hasError: items.length > 0, script: true });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
