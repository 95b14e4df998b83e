/**
 * The reporter's report page with every section loaded: status and messages, protection requests, transcripts,
 * identity disclosures and the record of accesses. Every route that shows the page — after a refusal too — renders it
 * through here, so no section goes missing on an error page. A refused form is shown again through a draft
 * (src/domain/reporter/drafts.ts), so that the browser keeps no page that answered a post.
 */
import type { FastifyReply } from 'fastify';
import { reportAccessLog } from '../../domain/audit/access-log.ts';
import type { Deps } from '../../domain/deps.ts';
import { reporterIdentity } from '../../domain/reporter/identity.ts';
import { reporterProtection } from '../../domain/reporter/protection.ts';
import { reporterView } from '../../domain/reporter/follow-up.ts';
import { reporterTranscripts } from '../../domain/transcripts/read.ts';
import { readDraft, stashDraft } from '../../domain/reporter/drafts.ts';
import { csrfTokenFor, type OpenedSession } from '../../domain/accounts/sessions.ts';
import { storageFaultCode } from '../../store/faults.ts';
import { reportPage, type ReportPageState } from './followup-pages.ts';
import { sendPage } from './layout.ts';
import { localeOf } from './locale.ts';

type Loaded = 'csrf' | 'sent' | 'session' | 'files' | 'protection' | 'accesses' | 'identity' | 'transcripts';

/** The full page state of `session`'s report, with `extra` (form values, errors) on top. */
export async function reportPageState(
  deps: Deps,
  session: OpenedSession,
  extra: Omit<Partial<ReportPageState>, Exclude<Loaded, 'sent'>> = {},
): Promise<ReportPageState> {
  return {
    csrf: csrfTokenFor(deps, session.id),
    sent: false,
    session: { idleMinutes: deps.sessions.reporterIdleMinutes, minutes: deps.sessions.reporterMinutes },
    files: deps.files,
    protection: await reporterProtection(deps, session),
    accesses: await reportAccessLog(deps, session.reportId!),
    identity: await reporterIdentity(deps, session),
    transcripts: await reporterTranscripts(deps, session),
    ...extra,
  };
}

/** Sends the report page with HTTP `status`. */
export async function sendReportPage(
  deps: Deps,
  reply: FastifyReply,
  session: OpenedSession,
  status: number,
  extra: Parameters<typeof reportPageState>[2] = {},
): Promise<FastifyReply> {
  const view = await reporterView(deps, session);
  const loc = localeOf(reply.request, deps.profile());
  return sendPage(reply, status, reportPage(loc, view, await reportPageState(deps, session, extra)));
}

type PageExtra = Parameters<typeof reportPageState>[2];

/** A refused form on the report page, to be shown again with the HTTP status of the refusal. */
interface ReportPageDraft {
  status: number;
  extra: PageExtra;
}

/** Drafts of the report page belong to one reporter session: no other session can show them. */
const draftScope = (session: OpenedSession) => `reporter:${session.id}`;

/**
 * Keeps `extra` (what was typed, the problem) as a draft and redirects to the report page that shows it with
 * `status`. @param fragment where the page should open, e.g. `#protection`
 */
export async function redirectToReportDraft(
  deps: Deps,
  reply: FastifyReply,
  session: OpenedSession,
  status: number,
  extra: PageExtra,
  fragment = '',
): Promise<FastifyReply> {
  let token: string;
  try {
    token = await stashDraft(deps, draftScope(session), { status, extra } satisfies ReportPageDraft);
  } catch (error) {
    // The store takes no writes (disk full, read-only): show the page in this answer, so that nothing typed is lost.
    if (storageFaultCode(error) === null) throw error;
    reply.log.warn({ err: error }, 'draft not stored: the page answers the post itself');
    return sendReportPage(deps, reply, session, status, extra);
  }
  return reply.redirect(`/follow-up/report?draft=${token}${fragment}`, 303);
}

/** The report page, shown again from the draft `token` when the session has one, else as it is. */
export async function sendReportPageFromDraft(
  deps: Deps,
  reply: FastifyReply,
  session: OpenedSession,
  token: unknown,
  extra: PageExtra,
): Promise<FastifyReply> {
  const draft = await readDraft<ReportPageDraft>(deps, draftScope(session), token);
  return draft
    ? sendReportPage(deps, reply, session, draft.status, draft.extra)
    : sendReportPage(deps, reply, session, 200, extra);
}
