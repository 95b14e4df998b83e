/**
 * Following up with the receipt: sign in (sets the reporter's session cookie, the only cookie of the public
 * site), read status and replies, add a message and files, sign out.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { reporterProtection } from '../../domain/protection.ts';
import { reporterAddInformation, reporterSignIn } from '../../domain/reporter.ts';
import { deleteSession } from '../../domain/sessions.ts';
import type { RouteContext } from '../app.ts';
import { sendReportPage } from './followup-state.ts';
import { knownError, STATUS } from '../errors.ts';
import { cookieOptions, REPORTER_COOKIE } from '../plugins/access.ts';
import { signInPage } from './followup-pages.ts';
import { sendPage } from './layout.ts';
import { fieldText, FormReader, type FormFile } from '../plugins/multipart.ts';

/** Errors the reporter can fix on the same page; anything else goes to the error page. */
const FIXABLE = new Set(['invalid', 'too_large', 'unprocessable', 'too_many']);

export function followUpRoutes({ deps, secureCookies }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/follow-up', { config: { access: 'public' } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const info =
        query.expired !== undefined
          ? 'Your session has ended, so you have been signed out. To continue, enter your receipt again.'
          : query.signedout !== undefined
            ? 'You have signed out. If others use this device, close the browser too.'
            : undefined;
      return sendPage(reply, 200, signInPage(deps.profile(), { receipt: '', info }));
    });

    app.post('/follow-up', { config: { access: 'public' } }, async (request, reply) => {
      const receipt = fieldText((request.body as Record<string, unknown> | undefined)?.receipt).slice(0, 200);
      try {
        const token = await reporterSignIn(deps, receipt);
        reply.setCookie(REPORTER_COOKIE, token, cookieOptions(secureCookies));
        return reply.redirect('/follow-up/report', 303);
      } catch (error) {
        if (
          !(error instanceof DomainError) ||
          !['receipt_typo', 'unauthorized', 'too_many_attempts'].includes(error.id)
        )
          throw error;
        return sendPage(reply, STATUS[error.kind], signInPage(deps.profile(), { receipt, error: error.message }));
      }
    });

    app.get('/follow-up/report', { config: { access: 'reporter' } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const protection = await reporterProtection(deps, request.reporter!);
      return sendReportPage(deps, reply, request.reporter!, 200, {
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
        return reply.redirect('/follow-up/report?sent=1', 303);
      } catch (caught) {
        await form.drain();
        // The message is shown again for the reporter to send later when the server cannot store it now.
        const error = knownError(caught, request.log);
        if (!error || !(FIXABLE.has(error.kind) || error.id === 'storage_unavailable')) throw error ?? caught;
        const href =
          error.id === 'empty_message' || error.id === 'message_too_long'
            ? 'f-body'
            : error.kind === 'too_large' || error.id === 'empty_file'
              ? 'f-files'
              : null;
        return sendReportPage(deps, reply, request.reporter!, STATUS[error.kind], {
          body: fieldText(form.fields.body),
          error: { message: error.message, href },
          filesLost: fileCount > 0,
        });
      }
    });

    app.post('/follow-up/sign-out', { config: { access: 'reporter' } }, async (request, reply) => {
      await deleteSession(deps, request.reporter!.id);
      reply.clearCookie(REPORTER_COOKIE, cookieOptions(secureCookies));
      return reply.redirect('/follow-up?signedout=1', 303);
    });
  };
}
