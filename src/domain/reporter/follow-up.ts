/**
 * The reporter's side after submission: sign in with the receipt, read status and replies, add information.
 * The receipt's secret is checked with Argon2id under the report's own salt; the key derived from it unwraps the
 * report key, which the reporter's session then holds. Unknown receipts and near misses get the same answer after
 * the same work (an Argon2id on a dummy salt).
 */
import { randomUUID } from 'node:crypto';
import { deriveSecretKeys } from '../../crypto/kdf.ts';
import { storedCosts } from '../accounts/argon2-costs.ts';
import { parseReceipt } from '../../crypto/receipt.ts';
import { equal, open, openJson, seal, wipe } from '../../crypto/sodium.ts';
import { displayAnswer, optionLabels } from '../../shared/answers.ts';
import type { CaseStatus, Outcome } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import { categoryOf } from '../categories.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import type { IncomingFile } from '../uploads/intake.ts';
import { fileSizes } from '../uploads/blobs.ts';
import { FileIntake, type FileMeta } from '../uploads/intake.ts';
import { OUTCOME_TEXT, STATUS_TEXT } from '../cases/lifecycle.ts';
import { answersAd, fileAd, messageAd, reporterKeyAd } from '../../crypto/case-keys.ts';
import { createSession, type OpenedSession } from '../accounts/sessions.ts';
import { slowReceiptFailure } from '../throttle.ts';
import { replaceSeenReceipt } from './receipts.ts';
import { replyFilesByMessage, type ReplyFileView } from './reply-files.ts';
import { cleanText } from '../../shared/text.ts';
import { insertMessage } from '../../store/case-events.ts';
import { noteReporterActivity } from '../cases/reporter-activity.ts';
import {
  findEvidenceKeyOfReport,
  findReceiptRow,
  findWholeReport,
  listReporterFiles,
  listReporterMessages,
} from '../../store/reporter.ts';
import { insertFiles } from '../../store/submissions.ts';
import { inTransaction } from '../../store/transaction.ts';

const DUMMY_SALT = Buffer.alloc(16, 7);

/**
 * Checks a receipt and opens the report key it wraps. Unknown receipts and near misses get the same answer after the
 * same work. The right receipt always passes: nothing locks a locator. Failures count against the receipt's locator
 * and, past five in 15 minutes, are answered only after a growing wait (src/domain/slowdown.ts), after the check.
 * @returns the report's id and key (the caller wipes the key), its locator, and whether the receipt is to be replaced
 *   at its first sign-in (`rotate`: someone other than the reporter saw it)
 * @throws DomainError receipt_typo (check digit or format: caught before any costly check),
 *   unauthorized (unknown or wrong receipt), too_many_attempts (too many failures waiting at once)
 */
export async function verifyReceipt(
  deps: Deps,
  input: string,
): Promise<{ reportId: string; reportKey: Buffer; locator: string; rotate: boolean }> {
  const parsed = parseReceipt(input);
  if (!parsed.ok)
    throw errors.invalid(
      'receipt_typo',
      parsed.reason === 'checksum'
        ? 'This receipt has a typing mistake: please check the digits and try again.'
        : 'A receipt has 36 digits in groups of four. Please check it and try again.',
    );
  const row = await findReceiptRow(deps.db, parsed.locator);
  const { verifier, kek } = await deriveSecretKeys(
    parsed.secret,
    row?.receipt_salt ?? DUMMY_SALT,
    row ? storedCosts(deps, row.receipt_kdf) : deps.argon2,
  );
  try {
    if (row && equal(verifier, row.receipt_verifier))
      return {
        reportId: row.id,
        reportKey: open(kek, row.reporter_wrapped_key, reporterKeyAd(row.id)),
        locator: parsed.locator,
        rotate: row.receipt_rotate === 1,
      };
  } finally {
    wipe(kek);
  }
  return receiptRefused(deps, parsed.locator);
}

/** The one answer to a receipt that does not open a report (unknown, wrong, or already replaced). */
async function receiptRefused(deps: Deps, locator: string): Promise<never> {
  await slowReceiptFailure(deps, locator);
  throw errors.unauthorized('This receipt was not recognised. Please check it and try again.');
}

/**
 * Signs the reporter in. A receipt someone else saw (`receipt_rotate`: read out by an intake operator, printed,
 * e-mailed) is replaced first: the old one stops working, and the new one is returned to be shown once. Of two
 * first sign-ins at once, one replaces it and the other is refused as an unknown receipt would be.
 * @returns the reporter session's cookie value, and the new receipt (formatted) when the receipt was replaced
 * @throws DomainError as verifyReceipt
 */
export async function reporterSignIn(deps: Deps, input: string): Promise<{ token: string; newReceipt: string | null }> {
  const { reportId, reportKey, locator, rotate } = await verifyReceipt(deps, input);
  try {
    const newReceipt = rotate ? await replaceSeenReceipt(deps, reportId, reportKey, locator) : null;
    if (rotate && newReceipt === null) return await receiptRefused(deps, locator);
    const token = await createSession(deps, {
      kind: 'reporter',
      reportId,
      key: reportKey,
      minutes: deps.sessions.reporterMinutes,
    });
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: 'reporter', action: 'reporter.sign_in', subject: `report:${reportId}` }),
    );
    return { token, newReceipt };
  } finally {
    wipe(reportKey);
  }
}

export interface ReporterView {
  reference: string;
  category: { id: string; title: string };
  status: CaseStatus;
  /** The outcome of a closed report; null while open. */
  outcome: Outcome | null;
  statusText: string;
  receivedAt: string;
  dueText: string | null;
  /** When a closed report is destroyed and its receipt stops working (retention); null while open or on hold. */
  deletedAt: string | null;
  answers: {
    fieldId: string;
    label: string;
    type: string;
    value: string | string[] | boolean | null;
    text: string;
    optionLabels: string[] | null;
  }[];
  /** `size`: bytes as sent; null when not known (a file stored before sizes were sealed whose blob is missing). */
  files: { id: string; name: string; size: number | null; createdAt: string }[];
  /** `files`: the cleaned copies of files staff sent with a reply (none on the reporter's own messages). */
  messages: {
    id: string;
    author: 'reporter' | 'staff';
    outcomeNotice: boolean;
    body: string;
    createdAt: string;
    files: ReplyFileView[];
  }[];
}

/** What the reporter sees of their report. @throws not_found when the report is gone */
export async function reporterView(deps: Deps, session: OpenedSession): Promise<ReporterView> {
  const reportId = session.reportId!;
  const report = await findWholeReport(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const category = categoryOf(deps, report.category);
  const answers = openJson<Record<string, string | string[] | boolean | null>>(
    session.key,
    report.sealed_answers,
    answersAd(reportId),
  );
  const files = await listReporterFiles(deps.db, reportId);
  const messages = await listReporterMessages(deps.db, reportId);
  const replyFiles = await replyFilesByMessage(deps, session);
  const status = report.status as CaseStatus;
  const policy = category?.policy;
  const due = status === 'closed' || !policy?.showDueDateToReporter ? null : report.feedback_due_at;
  return {
    reference: report.reference,
    category: { id: report.category, title: category?.title ?? report.category },
    status,
    outcome: status === 'closed' ? ((report.outcome as Outcome | null) ?? null) : null,
    statusText:
      status === 'closed' && report.outcome
        ? `${STATUS_TEXT.closed} ${OUTCOME_TEXT[report.outcome as keyof typeof OUTCOME_TEXT] ?? ''}`.trim()
        : STATUS_TEXT[status],
    receivedAt: report.received_at,
    dueText: due,
    deletedAt: report.legal_hold_at ? null : report.retention_ends_at,
    answers: (category?.fields ?? [])
      .filter((f) => f.type !== 'file')
      .map((f) => ({
        fieldId: f.id,
        label: f.label,
        type: f.type,
        value: answers[f.id] ?? null,
        text: displayAnswer(f, answers[f.id] ?? null),
        optionLabels: optionLabels(f, answers[f.id]),
      })),
    files: await Promise.all(
      files.map(async (f) => {
        const meta = openJson<FileMeta>(session.key, f.sealed_meta, fileAd(reportId, f.id));
        return { id: f.id, name: meta.name, size: (await fileSizes(deps, f, meta)).original, createdAt: f.created_at };
      }),
    ),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      outcomeNotice: m.kind === 'outcome_notice',
      body: open(session.key, m.sealed_body, messageAd(reportId, m.id)).toString(),
      createdAt: m.created_at,
      files: replyFiles.get(m.id) ?? [],
    })),
  };
}

/**
 * Adds a message and/or files from the reporter. Files are taken in first; nothing is stored unless all of it is.
 * @throws DomainError invalid (empty), too_large, empty_file
 */
export async function reporterAddInformation(
  deps: Deps,
  session: OpenedSession,
  input: { body?: string | undefined; files?: AsyncIterable<IncomingFile> | IncomingFile[] },
): Promise<void> {
  const reportId = session.reportId!;
  const body = cleanText(input.body ?? '').trim();
  if ([...body].length > 20_000)
    throw errors.invalid('message_too_long', 'A message may have at most 20000 characters.');
  const report = await findEvidenceKeyOfReport(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const intake = new FileIntake(
    deps,
    { reportKey: session.key, evidencePublicKey: report.evidence_public_key },
    reportId,
  );
  try {
    for await (const file of input.files ?? []) await intake.add(file);
    if (!body && intake.prepared.length === 0)
      throw errors.invalid('empty_message', 'Please write a message or choose a file.');
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      if (body) {
        const id = randomUUID();
        await insertMessage(trx, {
          id,
          report_id: reportId,
          author: 'reporter',
          author_user_id: null,
          visibility: 'reporter',
          sealed_body: seal(session.key, Buffer.from(body), messageAd(reportId, id)),
          created_at: at,
        });
      }
      if (intake.prepared.length > 0)
        await insertFiles(
          trx,
          intake.prepared.map((f) => ({ ...f, report_id: reportId, author: 'reporter' as const, created_at: at })),
        );
      await noteReporterActivity(deps, trx, reportId, at);
      await audit(deps, trx, { actor: 'reporter', action: 'reporter.add_information', subject: `report:${reportId}` });
    });
  } catch (error) {
    await intake.discard();
    throw error;
  }
}
