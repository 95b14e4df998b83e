/**
 * Following up with the receipt: sign in (sets the reporter's session cookie, the only cookie of the public
 * site), read status and replies, add a message and files, sign out.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { openReplyFile } from '../../domain/reporter/reply-files.ts';
import { sendDownload } from '../api/common/download.ts';

import { reporterProtection } from '../../domain/reporter/protection.ts';
import { reporterAddInformation, reporterSignIn } from '../../domain/reporter/follow-up.ts';
import { deleteSession, touchAfterRequest } from '../../domain/accounts/sessions.ts';
import type { Deps } from '../../domain/deps.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../core/route-context.ts';
import { redirectToReportDraft, sendReportPageFromDraft } from './followup-state.ts';
import { dropDraft, readDraft, stashDraft } from '../../domain/reporter/drafts.ts';
import { knownError, STATUS } from '../core/errors.ts';
import { cookieOptions, REPORTER_COOKIE } from '../plugins/access.ts';
import { signInPage } from './followup-pages.ts';
import { newReceiptGonePage, newReceiptPage } from './new-receipt-pages.ts';
import { stashOnce, takeOnce } from '../../domain/once.ts';
import { sendPage, sharedDeviceAdvice } from './layout.ts';
import { localeOf, type Locale } from './locale.ts';
import { fieldText, FormReader, type FormFile } from '../plugins/multipart.ts';

/** The sign-in form as it is shown again after a refusal, with the HTTP status of the refusal. */
interface SignInDraft {
  status: number;
  state: { receipt: string; error: string };
}
const SIGN_IN_SCOPE = 'follow-up-sign-in';

/** Errors the reporter can fix on the same page; anything else goes to the error page. */
const FIXABLE = new Set(['invalid', 'too_large', 'unprocessable', 'too_many']);

/**
 * Where a reporter goes when their session has ended: the sign-in page, saying why (`idle`, `cap`, or `1` when it
 * is not known) and, after a post, whether what they sent was stored (`sent`) or not (`notsent`).
 */
export function sessionEndedPath(why: 'idle' | 'cap' | '1', sending: 'sent' | 'notsent' | null = null): string {
  return `/follow-up?expired=${why}${sending ? `&${sending}=1` : ''}`;
}

/** What the sign-in page says after a session ended (`sessionEndedPath`). */
function endedText(loc: Locale, deps: Deps, query: Record<string, unknown>): string {
  const { t } = loc;
  const why =
    query.expired === 'idle'
      ? t('followUp.endedIdle', { minutes: deps.sessions.reporterIdleMinutes })
      : query.expired === 'cap'
        ? t('followUp.endedCap', { duration: loc.hours(deps.sessions.reporterMinutes) })
        : t('followUp.ended');
  const sending =
    query.sent !== undefined ? t('followUp.endedSent') : query.notsent !== undefined ? t('followUp.endedNotSent') : '';
  return [why, sending, t('followUp.endedAgain')].filter(Boolean).join(' ');
}

/** A post handled to its end after the session did: sign the reporter out and say what became of it. */
function signedOutAfterSending(
  request: FastifyRequest,
  reply: FastifyReply,
  ended: 'cap' | 'gone',
  sending: 'sent' | 'notsent',
  secureCookies: boolean,
): FastifyReply {
  reply.clearCookie(REPORTER_COOKIE, cookieOptions(request, secureCookies));
  return reply.redirect(sessionEndedPath(ended === 'cap' ? 'cap' : '1', sending), 303);
}

export function followUpRoutes({ deps, secureCookies }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/follow-up', { config: { access: 'public' } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const loc = localeOf(request, deps.profile());
      const draft = await readDraft<SignInDraft>(deps, SIGN_IN_SCOPE, query.draft);
      if (draft)
        return sendPage(reply, draft.status, signInPage(loc, { ...draft.state, draft: query.draft as string }));
      const info =
        query.expired !== undefined
          ? endedText(loc, deps, query)
          : query.signedout !== undefined
            ? `${loc.t('followUp.signedOut')} ${sharedDeviceAdvice(loc)}`
            : undefined;
      return sendPage(reply, 200, signInPage(loc, { receipt: '', info }));
    });

    app.post('/follow-up', { config: { access: 'public' } }, async (request, reply) => {
      const body = (request.body as Record<string, unknown> | undefined) ?? {};
      const receipt = fieldText(body.receipt).slice(0, 200);
      try {
        const { token, newReceipt } = await reporterSignIn(deps, receipt);
        await dropDraft(deps, SIGN_IN_SCOPE, body._draft);
        reply.setCookie(REPORTER_COOKIE, token, cookieOptions(request, secureCookies));
        // A replaced receipt is shown once, from a one-time token, as a new report's receipt is.
        if (newReceipt) return reply.redirect(`/follow-up/new-receipt/${await stashOnce(deps, newReceipt)}`, 303);
        return reply.redirect('/follow-up/report', 303);
      } catch (error) {
        if (
          !(error instanceof DomainError) ||
          !['receipt_typo', 'unauthorized', 'too_many_attempts'].includes(error.id)
        )
          throw error;
        // Shown again through a draft: a page that answered this post would keep the receipt in the browser.
        const draft: SignInDraft = { status: STATUS[error.kind], state: { receipt, error: error.message } };
        const next = await stashDraft(deps, SIGN_IN_SCOPE, draft);
        await dropDraft(deps, SIGN_IN_SCOPE, body._draft);
        return reply.redirect(`/follow-up?draft=${next}`, 303);
      }
    });

    app.get<{ Params: { token: string } }>(
      '/follow-up/new-receipt/:token',
      { config: { access: 'reporter' }, schema: { params: z.object({ token: z.string() }) } },
      async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        const receipt = await takeOnce(deps, request.params.token);
        const loc = localeOf(request, deps.profile());
        if (receipt === null) return sendPage(reply, 410, newReceiptGonePage(loc));
        return sendPage(reply, 200, newReceiptPage(loc, receipt));
      },
    );

    app.get('/follow-up/report', { config: { access: 'reporter' } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const protection = await reporterProtection(deps, request.reporter!);
      return sendReportPageFromDraft(deps, reply, request.reporter!, query.draft, {
        sent: query.sent !== undefined,
        // After ?protection=1 (a request just sent): the newest request's response deadline.
        protectionSentDue: query.protection !== undefined ? protection.requests.at(-1)?.dueAt : undefined,
      });
    });

    app.post('/follow-up/report', { config: { access: 'reporter' } }, async (request, reply) => {
      const form = new FormReader(request);
      let fileCount = 0;
      try {
        const files = form.files();
        // Reading up to the first file takes in the message, which the form puts before its file input.
        const first = await files.next();
        async function* all(): AsyncGenerator<FormFile> {
          if (first.done) return;
          fileCount++;
          yield first.value;
          for await (const file of files) {
            fileCount++;
            yield file;
          }
        }
        await reporterAddInformation(deps, request.reporter!, { body: fieldText(form.fields.body), files: all() });
        // The upload may have outlasted the session: what began inside it is stored, and the page says so.
        const ended = await touchAfterRequest(deps, request.reporter!.id);
        if (ended) return signedOutAfterSending(request, reply, ended, 'sent', secureCookies);
        return reply.redirect('/follow-up/report?sent=1', 303);
      } catch (caught) {
        await form.drain();
        // The message is shown again for the reporter to send later when the server cannot store it now.
        const error = knownError(caught, request.log);
        if (!error || !(FIXABLE.has(error.kind) || error.id === 'storage_unavailable')) throw error ?? caught;
        if (error.id !== 'storage_unavailable') {
          const ended = await touchAfterRequest(deps, request.reporter!.id);
          if (ended) return signedOutAfterSending(request, reply, ended, 'notsent', secureCookies);
        }
        const href =
          error.id === 'empty_message' || error.id === 'message_too_long'
            ? 'f-body'
            : error.kind === 'too_large' || error.id === 'empty_file'
              ? 'f-files'
              : null;
        return redirectToReportDraft(deps, reply, request.reporter!, STATUS[error.kind], {
          body: fieldText(form.fields.body),
          error: { message: error.message, href },
          filesLost: fileCount > 0,
        });
      }
    });

    app.get(
      '/follow-up/files/:fileId',
      { config: { access: 'reporter' }, schema: { params: z.object({ fileId: z.string().uuid() }) } },
      async (request, reply) => {
        // Any id that is not a reply file of this report (another report's, the reporter's own, an original): 404.
        const { fileId } = request.params as { fileId: string };
        return sendDownload(reply, await openReplyFile(deps, request.reporter!, fileId));
      },
    );

    app.post('/follow-up/sign-out', { config: { access: 'reporter', sendsNothing: true } }, async (request, reply) => {
      await deleteSession(deps, request.reporter!.id);
      reply.clearCookie(REPORTER_COOKIE, cookieOptions(request, secureCookies));
      return reply.redirect('/follow-up?signedout=1', 303);
    });
  };
}
