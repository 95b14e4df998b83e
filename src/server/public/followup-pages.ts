/** The reporter's pages after sending: sign in with the receipt, then status, replies and adding information. */
import type { ReporterView } from '../../domain/reporter/follow-up.ts';
import type { AccessLog } from '../../shared/audit.ts';
import type { Locale } from './locale.ts';
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
  errorPrefix,
  errorSummary,
  fileLimitsText,
  notice,
  page,
  paragraphs,
  sharedDeviceAdvice,
  type SummaryItem,
  uploadProgress,
} from './layout.ts';
import { shownAnswer } from './report-pages.ts';

export interface SignInState {
  receipt: string;
  /** The draft the page is shown from, sent back so that the next post drops it (src/domain/reporter/drafts.ts). */
  draft?: string | undefined;
  error?: string | undefined;
  /** Shown above the form: the session ended, or the person signed out. */
  info?: string | undefined;
}

export function signInPage(loc: Locale, state: SignInState): string {
  const { t } = loc;
  const error = state.error && loc.msg(state.error);
  const main = html`<h1>${t('followUp.title')}</h1>
${state.info && notice(state.info)}
${errorSummary(loc, error ? [{ href: 'f-receipt', text: error }] : [])}
<p>${t('followUp.signInIntro')}</p>
<form method="post" action="/follow-up" autocomplete="off" novalidate>
${state.draft && html`<input type="hidden" name="_draft" value="${state.draft}">`}
<div class="field${error ? ' field-error' : ''}">
<label for="f-receipt">${t('followUp.receiptLabel')}</label>
<p class="hint" id="f-receipt-hint">${t('followUp.receiptHint')}</p>
${error && html`<p class="error-message" id="f-receipt-error">${errorPrefix(loc)}${error}</p>`}
<input type="text" id="f-receipt" name="receipt" class="input-receipt" value="${state.receipt}" inputmode="numeric" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="200" aria-describedby="f-receipt-hint${error ? ' f-receipt-error' : ''}"${error && html` aria-invalid="true"`}>
</div>
<div class="form-actions">
<button type="submit" class="button">${t('report.continue')}</button>
</div>
</form>
<h2>${t('followUp.lostTitle')}</h2>
<p>${t('followUp.lostText')}</p>`;
  return page(loc, { title: t('followUp.title'), main, hasError: !!error, path: '/follow-up' });
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

export function reportPage(loc: Locale, view: ReporterView, state: ReportPageState): string {
  const { t } = loc;
  const profile = loc.profile!;
  const category = profile.categories.find((c) => c.id === view.category.id);
  const items: SummaryItem[] = [];
  if (state.error) items.push({ href: state.error.href, text: loc.msg(state.error.message) });
  if (state.filesLost) items.push({ href: 'f-files', text: t('report.filesLost') });
  if (state.protectionForm?.error) items.push({ href: 'f-account', text: loc.msg(state.protectionForm.error) });
  if (state.transcriptForm)
    items.push({ href: correctionFieldId(state.transcriptForm.id), text: loc.msg(state.transcriptForm.error) });
  const bodyError = state.error?.href === 'f-body' ? loc.msg(state.error.message) : undefined;
  const statusText = [t(`status.${view.status}`), view.outcome ? t(`outcome.${view.outcome}`) : '']
    .filter(Boolean)
    .join(' ');
  const main = html`<h1>${t('followUp.reportTitle')}</h1>
${state.sent && notice(t('followUp.messageSent'), 'success')}
${state.protectionSentDue && notice(protectionSentText(loc, state.protectionSentDue), 'success')}
${errorSummary(loc, items)}
<div class="status-box">
<h2>${t('followUp.status')}</h2>
<p class="status-text">${statusText}</p>
<dl class="facts">
<div><dt>${t('followUp.kind')}</dt><dd>${category?.title ?? view.category.title}</dd></div>
<div><dt>${t('followUp.received')}</dt><dd>${loc.date(view.receivedAt)}</dd></div>
</dl>
${view.dueText && html`<p>${t('followUp.due', { date: loc.date(view.dueText) })}</p>`}
${view.deletedAt && html`<p>${t('followUp.deleted', { date: loc.date(view.deletedAt) })}</p>`}
</div>
${state.identity && disclosureNotices(loc, state.identity)}
${state.protection && protectionSection(loc, state.protection, state.csrf, state.protectionForm)}
${state.transcripts && transcriptsSection(loc, state.transcripts, state.csrf, state.transcriptForm, state.transcriptDone)}

<section aria-labelledby="messages">
<h2 id="messages">${t('followUp.messages')}</h2>
${
  view.messages.length === 0
    ? html`<p>${t('followUp.noMessages')}</p>`
    : html`<ol class="thread">
${view.messages.map(
  (m) => html`<li class="message ${m.author === 'staff' ? 'message-staff' : 'message-own'}">
<p class="message-meta"><strong>${t(m.outcomeNotice ? 'followUp.fromOutcome' : m.author === 'staff' ? 'followUp.fromStaff' : 'followUp.fromYou')}</strong> · <time datetime="${m.createdAt}">${loc.dateTime(m.createdAt)}</time></p>
<div class="message-body">${paragraphs(m.body, 'auto')}</div>
${
  m.files.length > 0 &&
  html`<h3 class="message-files-title">${t('followUp.replyFilesTitle')}</h3>
<ul class="message-files">
${m.files.map((f) => html`<li><a href="/follow-up/files/${f.id}" download><bdi>${f.name}</bdi></a> <span class="file-meta">${f.size === null ? '' : `(${loc.bytes(f.size)})`}</span></li>\n`)}</ul>
<p class="hint">${t('followUp.replyFilesCleaned')}</p>`
}
</li>\n`,
)}</ol>`
}
</section>

<section aria-labelledby="add">
<h2 id="add">${t('followUp.addTitle')}</h2>
<p>${t('followUp.addText')}</p>
<form method="post" action="/follow-up/report?_csrf=${encodeURIComponent(state.csrf)}" enctype="multipart/form-data" autocomplete="off" novalidate data-upload>
<div class="field${bodyError ? ' field-error' : ''}">
<label for="f-body">${t('followUp.yourMessage')}</label>
${bodyError && html`<p class="error-message" id="f-body-error">${errorPrefix(loc)}${bodyError}</p>`}
<textarea id="f-body" name="body" rows="8" maxlength="20000" autocomplete="off" dir="auto"${bodyError && html` aria-describedby="f-body-error" aria-invalid="true"`}>${state.body ?? ''}</textarea>
</div>
<div class="field">
<label for="f-files">${t('report.filesTitle')}</label>
<p class="hint" id="f-files-hint">${t('followUp.filesHint', { limits: fileLimitsText(loc, state.files) })}</p>
<input type="file" id="f-files" name="files" multiple autocomplete="off" aria-describedby="f-files-hint">
</div>
<div class="form-actions">
<button type="submit" class="button">${t('followUp.send')}</button>
</div>
${uploadProgress(loc, t('followUp.sending'))}
</form>
</section>

<section aria-labelledby="your-report">
<h2 id="your-report">${t('followUp.whatYouReported')}</h2>
<dl class="answers">
${view.answers.map((a) => {
  const field = category?.fields.find((f) => f.id === a.fieldId);
  return html`<div class="answer"><dt>${field?.label ?? a.label}</dt><dd dir="auto">${field ? shownAnswer(loc, field, a.value ?? undefined) : a.text}</dd></div>\n`;
})}
</dl>
<h3>${t('followUp.yourFiles')}</h3>
${
  view.files.length === 0
    ? html`<p>${t('followUp.noFiles')}</p>`
    : html`<ul class="file-list">
${view.files.map((f) => html`<li><bdi>${f.name}</bdi> <span class="file-meta">(${f.size === null ? t('followUp.fileSent', { date: loc.date(f.createdAt) }) : t('followUp.fileSizeSent', { size: loc.bytes(f.size), date: loc.date(f.createdAt) })})</span></li>\n`)}</ul>`
}
</section>

${state.identity && identitySection(loc, profile, state.identity, state.csrf, state.identityForm)}

${state.accesses && accessSection(loc, state.accesses)}

${followUpCertificateSection(loc, state.csrf, category?.kind === 'self_disclosure')}

<section aria-labelledby="sign-out">
<h2 id="sign-out">${t('followUp.doneTitle')}</h2>
<p>${t('followUp.signOutAdvice', { idle: state.session.idleMinutes, hours: loc.hours(state.session.minutes) })} ${sharedDeviceAdvice(loc)}</p>
<form method="post" action="/follow-up/sign-out" autocomplete="off">
<input type="hidden" name="_csrf" value="${state.csrf}">
<button type="submit" class="button button-secondary">${t('followUp.signOut')}</button>
</form>
</section>`;
  return page(loc, {
    title: t('followUp.reportTitle'),
    main,
    hasError: items.length > 0,
    script: true,
    path: '/follow-up/report',
  });
}
