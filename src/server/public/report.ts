/**
 * Making a report on the web: questionnaire (urlencoded) → identity and files (multipart) → receipt, shown once.
 * Step 1 only checks the answers; step 2 stores everything at once through a ReportDraft, or nothing. Every post is
 * answered with a redirect, the form state going along as a sealed draft (src/domain/reporter/drafts.ts), so that no
 * browser keeps what was typed in its session history.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { categoryOf } from '../../domain/categories.ts';
import { receiptIsSelfDisclosure } from '../../domain/reporter/certificates.ts';
import { errors, type DomainError } from '../../domain/errors.ts';
import { dropDraft, readDraft, stashDraft } from '../../domain/reporter/drafts.ts';
import { stashOnce, takeOnce } from '../../domain/once.ts';
import { storageFaultCode } from '../../store/faults.ts';
import { acceptingReports, readReportForm, ReportDraft } from '../../domain/reporter/submit.ts';
import type { Category } from '../../shared/profile.ts';
import type { RouteContext } from '../core/route-context.ts';
import { knownError, STATUS } from '../core/errors.ts';
import { controlId } from './fields.ts';
import { sendPage } from './layout.ts';
import { localeOf, type Locale } from './locale.ts';
import { fieldText, FormReader, type FormFields } from '../plugins/multipart.ts';
import {
  detailsPage,
  FILE_PREFIX,
  FILES_FIELD,
  IDENTITY_PREFIX,
  notAcceptingPage,
  questionnairePage,
  receiptGonePage,
  receiptPage,
  reportPath,
  type DetailsState,
  type QuestionnaireState,
} from './report-pages.ts';

const PUBLIC = { config: { access: 'public' as const } };
const ON_CATEGORY = { ...PUBLIC, schema: { params: z.object({ categoryId: z.string() }) } };
const ON_TOKEN = { ...PUBLIC, schema: { params: z.object({ token: z.string() }) } };

type Params = { categoryId: string };

/** The category of the route. @throws not_found */
function requireCategory(deps: RouteContext['deps'], id: string): Category {
  const category = categoryOf(deps, id);
  if (!category) throw errors.notFound('There is no such kind of report. Please choose one from the start page.');
  return category;
}

/** `category` with its texts in the page's language. */
function shownCategory(loc: Locale, category: Category): Category {
  return loc.profile?.categories.find((c) => c.id === category.id) ?? category;
}

/** The `identity.*` fields of a form, by identity field id. */
function identityOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (key.startsWith(IDENTITY_PREFIX)) out[key.slice(IDENTITY_PREFIX.length)] = value;
  return out;
}

/** The `identity.*` fields of a form, unchanged, to be carried through the questionnaire. */
function identityFormFields(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith(IDENTITY_PREFIX)) continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** The answers carried from step 1 in the hidden `answers` field; null when missing or unreadable. */
function readAnswers(fields: FormFields): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(fieldText(fields.answers));
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A page of the report form as it is to be shown again after a post, with the HTTP status it is shown with. */
type PageDraft =
  | { step: 'questions'; status: number; state: QuestionnaireState }
  | { step: 'details'; status: number; state: DetailsState };

const draftScope = (category: Category) => `report:${category.id}`;

/**
 * Stores `draft`, drops the draft the form was sent from (`_draft`), and redirects to the page that shows it.
 * @returns the reply (303)
 */
async function redirectToDraft(
  deps: RouteContext['deps'],
  loc: Locale,
  reply: FastifyReply,
  category: Category,
  draft: PageDraft,
  sentFrom: unknown,
): Promise<FastifyReply> {
  let token: string;
  try {
    token = await stashDraft(deps, draftScope(category), draft);
  } catch (error) {
    // The store takes no writes (disk full, read-only): show the page in this answer, so that nothing typed is lost.
    if (storageFaultCode(error) === null) throw error;
    reply.log.warn({ err: error }, 'draft not stored: the page answers the post itself');
    const shown = shownCategory(loc, category);
    const html =
      draft.step === 'questions'
        ? questionnairePage(loc, shown, draft.state)
        : detailsPage(loc, loc.profile!, shown, deps.files, draft.state);
    return sendPage(reply, draft.status, html);
  }
  await dropDraft(deps, draftScope(category), sentFrom);
  const page = draft.step === 'questions' ? reportPath(category) : `${reportPath(category)}/details`;
  return reply.redirect(`${page}?draft=${token}`, 303);
}

const unreadableAnswers = () =>
  errors.invalid(
    'malformed_answers',
    'Your answers could not be read. Please start your report again from the start page.',
  );

export function reportRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get<{ Params: Params }>('/report/:categoryId', ON_CATEGORY, async (request, reply) => {
      const loc = localeOf(request, deps.profile());
      const profile = loc.profile!;
      const category = requireCategory(deps, request.params.categoryId);
      const shown = shownCategory(loc, category);
      if (!(await acceptingReports(deps))) return sendPage(reply, 503, notAcceptingPage(loc, profile));
      if (!(await acceptingReports(deps, category))) return sendPage(reply, 503, notAcceptingPage(loc, profile, shown));
      const { draft: token, expired } = request.query as Record<string, unknown>;
      const draft = await readDraft<PageDraft>(deps, draftScope(category), token);
      if (draft?.step === 'questions')
        return sendPage(reply, draft.status, questionnairePage(loc, shown, draft.state, token as string));
      const state = { values: {}, errors: {}, identity: {}, expired: token !== undefined || expired !== undefined };
      return sendPage(reply, 200, questionnairePage(loc, shown, state));
    });

    app.get<{ Params: Params }>('/report/:categoryId/details', ON_CATEGORY, async (request, reply) => {
      const loc = localeOf(request, deps.profile());
      const category = requireCategory(deps, request.params.categoryId);
      const token = (request.query as Record<string, unknown>).draft;
      const draft = await readDraft<PageDraft>(deps, draftScope(category), token);
      if (draft?.step !== 'details') return reply.redirect(`${reportPath(category)}?expired=1`, 303);
      const page = detailsPage(
        loc,
        loc.profile!,
        shownCategory(loc, category),
        deps.files,
        draft.state,
        token as string,
      );
      return sendPage(reply, draft.status, page);
    });

    app.post<{ Params: Params }>('/report/:categoryId', ON_CATEGORY, async (request, reply) => {
      const loc = localeOf(request, deps.profile());
      const category = requireCategory(deps, request.params.categoryId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const read = readReportForm(deps, category, body, identityOf(body));
      const result = read.answers;
      // "Change your answers" on step 2 posts the answers back here with `_edit` (never a field id).
      const editing = body._edit !== undefined;
      if (editing || !result.ok) {
        const errors = !editing && !result.ok ? result.errors : {};
        const state = { values: result.answers, errors, identity: identityFormFields(body) };
        const draft = { step: 'questions' as const, status: editing ? 200 : 422, state };
        return redirectToDraft(deps, loc, reply, category, draft, body._draft);
      }
      const state = { answers: result.answers, identity: read.identity.answers, errors: {} };
      return redirectToDraft(deps, loc, reply, category, { step: 'details', status: 200, state }, body._draft);
    });

    app.post<{ Params: Params }>('/report/:categoryId/submit', ON_CATEGORY, async (request, reply) => {
      const loc = localeOf(request, deps.profile());
      const category = requireCategory(deps, request.params.categoryId);
      const form = new FormReader(request);
      const { fields } = form;
      const filesPerField = new Map<string, number>();
      let lastFileField: string | null = null;
      const draft = new ReportDraft(deps);
      try {
        for await (const file of form.files()) {
          filesPerField.set(file.field, (filesPerField.get(file.field) ?? 0) + 1);
          lastFileField = file.field;
          await draft.addFile(file, file.field);
        }
        const answers = readAnswers(fields);
        if (answers === null) throw unreadableAnswers();
        const { receipt } = await draft.submit({
          categoryId: category.id,
          channel: 'web',
          language: loc.language,
          answers,
          identity: identityOf(fields),
        });
        await dropDraft(deps, draftScope(category), fields._draft);
        const token = await stashOnce(deps, receipt);
        return reply.redirect(`/receipt/${token}`, 303);
      } catch (caught) {
        await draft.discard();
        await form.drain();
        // A storage fault too shows the form again, with everything typed, for the reporter to send later.
        const error = knownError(caught, request.log);
        if (!error) throw caught;
        // Without the answers there is nothing to show again: the error page explains.
        const raw = readAnswers(fields);
        if (raw === null) throw error;
        const filesLost = filesPerField.size > 0;
        const read = readReportForm(deps, category, raw, identityOf(fields));
        const answers = read.answers;
        const identity = read.identity.answers;
        const details = error.details ?? {};
        // An answer the questionnaire refuses (the questionnaire changed, or the hidden field was altered): back to step 1.
        const answerErrors = Object.fromEntries(
          Object.entries(details).filter(([k]) => !k.startsWith(IDENTITY_PREFIX) && !k.startsWith(FILE_PREFIX)),
        );
        if (!answers.ok || Object.keys(answerErrors).length > 0) {
          const errs = answers.ok ? answerErrors : answers.errors;
          const state = { values: answers.answers, errors: errs, identity: identityFormFields(fields) };
          return redirectToDraft(deps, loc, reply, category, { step: 'questions', status: 422, state }, fields._draft);
        }
        const state: DetailsState = { answers: answers.answers, identity, errors: details, filesLost };
        if (error.id !== 'validation_failed')
          state.problem = { message: error.message, href: problemAnchor(error, lastFileField) };
        if (error.id === 'not_accepting') state.notAccepting = true;
        const status = STATUS[error.kind];
        return redirectToDraft(deps, loc, reply, category, { step: 'details', status, state }, fields._draft);
      }
    });

    app.get<{ Params: { token: string } }>('/receipt/:token', ON_TOKEN, async (request, reply) => {
      const loc = localeOf(request, deps.profile());
      reply.header('Cache-Control', 'no-store');
      const receipt = await takeOnce(deps, request.params.token);
      if (receipt === null) return sendPage(reply, 410, receiptGonePage(loc));
      return sendPage(reply, 200, receiptPage(loc, receipt, await receiptIsSelfDisclosure(deps, receipt)));
    });
  };
}

/** Where the error summary should point for a problem with the whole submission: the input of the file at fault. */
function problemAnchor(error: DomainError, fileField: string | null): string | null {
  if (error.kind !== 'too_large' && error.id !== 'empty_file') return null;
  return controlId(fileField ?? FILES_FIELD);
}
