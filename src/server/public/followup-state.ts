/**
 * The reporter's report page with every section loaded: status and messages, protection requests, identity
 * disclosures and the record of accesses. Every route that shows the page — after a refusal too — renders it
 * through here, so no section goes missing on an error page.
 */
import type { FastifyReply } from 'fastify';
import { reportAccessLog } from '../../domain/access-log.ts';
import type { Deps } from '../../domain/deps.ts';
import { reporterIdentity } from '../../domain/identity.ts';
import { reporterProtection } from '../../domain/protection.ts';
import { reporterView } from '../../domain/reporter.ts';
import { csrfTokenFor, type OpenedSession } from '../../domain/sessions.ts';
import { reportPage, type ReportPageState } from './followup-pages.ts';
import { sendPage } from './layout.ts';

type Loaded = 'csrf' | 'sent' | 'sessionMinutes' | 'files' | 'protection' | 'accesses' | 'identity';

/** The full page state of `session`'s report, with `extra` (form values, errors) on top. */
export async function reportPageState(
  deps: Deps,
  session: OpenedSession,
  extra: Omit<Partial<ReportPageState>, Exclude<Loaded, 'sent'>> = {},
): Promise<ReportPageState> {
  return {
    csrf: csrfTokenFor(deps, session.id),
    sent: false,
    sessionMinutes: deps.sessions.reporterMinutes,
    files: deps.files,
    protection: await reporterProtection(deps, session),
    accesses: await reportAccessLog(deps, session.reportId!),
    identity: await reporterIdentity(deps, session),
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
  return sendPage(reply, status, reportPage(deps.profile(), view, await reportPageState(deps, session, extra)));
}
