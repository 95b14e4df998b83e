/**
 * Protection requests. A reporter in danger (or whose relatives are) asks from the follow-up page, with an
 * optional account sealed under the report key, which their session holds. The case becomes urgent, its next
 * deadline (`reports.due_at`) becomes the response due within the category's protectionResponseHours when that
 * comes first — so it goes first in triage and escalates like any overdue work (src/jobs/deadlines.ts) — and
 * everyone holding it (its managers among them) gets a `protection` notice at once. Staff holding the case
 * record the response: an outcome the reporter reads in plain words, and a note sealed under the case key.
 * @see MSS Order No. 2 Art. 6(2) (protection of informants and their close relatives); CEL 2023 Art. 46
 */
import { randomUUID } from 'node:crypto';
import { openJson, sealJson } from '../../crypto/sodium.ts';
import { queueNotices } from '../../mail/outbox.ts';
import { protectionResponseHours, type Category } from '../../shared/profile.ts';
import {
  MAX_PROTECTION_ACCOUNT,
  MAX_PROTECTION_NOTE,
  PROTECTION_OUTCOME_LABELS,
  type ProtectionList,
  type ProtectionOutcome,
  type ReporterProtectionList,
} from '../../shared/protection.ts';
import {
  answerProtectionRequest,
  findProtectionRequest,
  findReportDeadlines,
  hasOtherOpenRequest,
  insertProtectionRequest,
  listActiveCaseHolders,
  listProtectionRows,
  listRecentOpenRequests,
  listReporterProtectionRows,
  lockReportForProtection,
  markProtectionRequested,
  pendingProtectionDue,
} from '../../store/protection.ts';
import { findReportCategory } from '../../store/reports.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { NOT_FOUND, withCaseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from '../cases/events.ts';
import { updateCaseAt } from '../cases/versioned.ts';
import { categoryOf } from '../categories.ts';
import { nextDeadline, protectionDue, UNKNOWN_POLICY_RESPONSE_HOURS } from '../deadlines.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import type { OpenedSession } from '../accounts/sessions.ts';
import { cleanText } from '../../shared/text.ts';
import { MINUTE } from '../../shared/time.ts';
import { protectionAccountAd, protectionNoteAd } from '../../crypto/case-keys.ts';

/** A request repeated within this time with the same account, still unanswered, is the same request (a double click). */
export const PROTECTION_REPEAT_MS = 2 * MINUTE;

/** The outcome as the reporter reads it on the follow-up page. */
export const PROTECTION_OUTCOME_TEXT: Record<ProtectionOutcome, string> = {
  protection_arranged:
    'Measures to protect you have been arranged. Staff will tell you what they are here, or contact you as agreed.',
  referred_to_police:
    'Your request has been passed to the police, who are responsible for protecting you. Staff will tell you here if they need anything from you.',
  advice_given: 'Staff have sent you advice on how to stay safe. Please read their messages on this page.',
  not_needed:
    'Staff assessed the danger and found that protection measures are not needed at the moment. If the situation changes, ask again.',
};

/** Response hours for a case of this category (UNKNOWN_POLICY_RESPONSE_HOURS when the category has left the profile). */
function responseHours(category: Category | undefined): number {
  return category ? protectionResponseHours(category.policy) : UNKNOWN_POLICY_RESPONSE_HOURS;
}

/**
 * Who hears of a protection request at once: everyone active holding the case. At submission every unnamed manager
 * of the category received a grant, so these are its managers and whoever they granted it to since; someone excluded
 * holds no grant. (The category's managers as such are not asked: telling them apart from the excluded would need
 * the case's exclusions, which are sealed under the case key.)
 */
async function protectionRecipients(trx: Tx, reportId: string): Promise<string[]> {
  return listActiveCaseHolders(trx, reportId);
}

/**
 * The reporter asks for protection. A repeat of an unanswered request with the same account made less than
 * PROTECTION_REPEAT_MS ago (a double click, a resent form) stores nothing and changes nothing: it returns that request.
 * @param input.account what is happening, in the reporter's words (optional; at most MAX_PROTECTION_ACCOUNT characters)
 * @returns the request's id, when it was made and when staff must have responded (ISO 8601 UTC)
 * @throws not_found (report gone) | invalid/account_too_long
 */
export async function requestProtection(
  deps: Deps,
  session: OpenedSession,
  input: { account?: string | undefined },
): Promise<{ id: string; requestedAt: string; dueAt: string }> {
  const reportId = session.reportId!;
  const account = cleanText(input.account ?? '').trim() || null;
  if (account && [...account].length > MAX_PROTECTION_ACCOUNT)
    throw errors.invalid(
      'account_too_long',
      `Please shorten what you wrote to at most ${MAX_PROTECTION_ACCOUNT} characters. Your request has not been sent yet.`,
    );
  const report = await findReportCategory(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const category = categoryOf(deps, report.category);
  const now = deps.now();
  const at = now.toISOString();
  const dueAt = protectionDue(category?.policy, now);
  const id = randomUUID();
  return inTransaction(deps.db, async (trx) => {
    // Two clicks arrive together: on PostgreSQL the second waits here for the first to commit (SQLite runs one write
    // transaction at a time), then finds its request.
    await lockReportForProtection(trx, deps.dialect, reportId);
    const since = new Date(now.getTime() - PROTECTION_REPEAT_MS).toISOString();
    const recent = await listRecentOpenRequests(trx, reportId, since);
    const same = recent.find(
      (r) =>
        openJson<{ account: string | null }>(session.key, r.sealed_details, protectionAccountAd(reportId, r.id))
          .account === account,
    );
    if (same) return { id: same.id, requestedAt: same.requested_at, dueAt: same.due_at };
    const sealedDetails = sealJson(session.key, { account }, protectionAccountAd(reportId, id));
    await insertProtectionRequest(trx, { id, reportId, sealedDetails, requestedAt: at, dueAt });
    await markProtectionRequested(trx, reportId, at, dueAt);
    // Staff already alerted to an unanswered request are not alerted again: a receipt cannot flood their mail.
    if (!(await hasOtherOpenRequest(trx, reportId, id)))
      await queueNotices(deps, trx, await protectionRecipients(trx, reportId), 'protection');
    await audit(deps, trx, {
      actor: 'reporter',
      action: 'reporter.protection_request',
      subject: `report:${reportId}`,
      reason: `protection:${id}`,
    });
    return { id, requestedAt: at, dueAt };
  });
}

/** The reporter's protection requests, oldest first: when, by when, and the outcome in plain words. */
export async function reporterProtection(deps: Deps, session: OpenedSession): Promise<ReporterProtectionList> {
  const reportId = session.reportId!;
  const report = await findReportCategory(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const rows = await listReporterProtectionRows(deps.db, reportId);
  return {
    responseHours: responseHours(categoryOf(deps, report.category)),
    requests: rows.map((r) => {
      const outcome = (r.outcome as ProtectionOutcome | null) ?? null;
      return {
        id: r.id,
        requestedAt: r.requested_at,
        dueAt: r.due_at,
        respondedAt: r.responded_at,
        outcome,
        outcomeText: outcome ? PROTECTION_OUTCOME_TEXT[outcome] : null,
      };
    }),
  };
}

async function presentProtection(
  deps: Deps,
  reportId: string,
  keys: { reportKey: Buffer; caseKey: Buffer },
): Promise<ProtectionList> {
  const report = await findReportCategory(deps.db, reportId);
  if (!report) throw errors.notFound(NOT_FOUND);
  const rows = await listProtectionRows(deps.db, reportId);
  const now = deps.now().toISOString();
  return {
    responseHours: responseHours(categoryOf(deps, report.category)),
    requests: rows.map((r) => ({
      id: r.id,
      requestedAt: r.requested_at,
      dueAt: r.due_at,
      overdue: r.responded_at === null && r.due_at <= now,
      account: openJson<{ account: string | null }>(
        keys.reportKey,
        r.sealed_details,
        protectionAccountAd(reportId, r.id),
      ).account,
      respondedAt: r.responded_at,
      respondedBy: r.display_name ?? null,
      outcome: (r.outcome as ProtectionOutcome | null) ?? null,
      note: r.sealed_outcome_note
        ? openJson<string>(keys.caseKey, r.sealed_outcome_note, protectionNoteAd(reportId, r.id))
        : null,
    })),
  };
}

/** The protection requests of a case, decrypted for a viewer holding it. Audited as a read. @throws not_found */
export async function listProtection(deps: Deps, viewer: Viewer, reportId: string): Promise<ProtectionList> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const list = await presentProtection(deps, reportId, keys);
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: viewer.userId, action: 'protection.read', subject: `report:${reportId}` }),
    );
    return list;
  });
}

/**
 * Records the response to a protection request. The case's next deadline moves to its next unanswered protection
 * request, or back to its ordinary deadline; it stays urgent until someone holding it says otherwise.
 * @param input.note staff only, sealed under the case key (at most MAX_PROTECTION_NOTE characters)
 * @throws not_found (no grant, or no such request on this case) | conflict/already_answered | conflict (the case
 *   changed at the same time)
 */
export async function respondToProtection(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  requestId: string,
  input: { outcome: ProtectionOutcome; note?: string | undefined },
): Promise<ProtectionList> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const request = await findProtectionRequest(deps.db, reportId, requestId);
    if (!request) throw errors.notFound('There is no such protection request on this case.');
    const answered = errors.conflict(
      'already_answered',
      'This protection request has already been answered. Reload the case to see the response.',
    );
    if (request.responded_at) throw answered;
    if (!(PROTECTION_OUTCOME_LABELS as Record<string, string>)[input.outcome])
      throw errors.invalid('unknown_outcome', 'Choose what was done about the request.');
    const note = input.note?.trim() || null;
    if (note && [...note].length > MAX_PROTECTION_NOTE)
      throw errors.validation({ note: `Please keep the note within ${MAX_PROTECTION_NOTE} characters.` });
    const r = await findReportDeadlines(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      const stored = await answerProtectionRequest(trx, requestId, {
        responded_at: at,
        responded_by: viewer.userId,
        outcome: input.outcome,
        sealed_outcome_note: note ? sealJson(keys.caseKey, note, protectionNoteAd(reportId, requestId)) : null,
      });
      if (!stored) throw answered;
      await updateCaseAt(trx, reportId, r.version, {
        due_at: nextDeadline({ ...r, protection_due_at: await pendingProtectionDue(trx, reportId) }),
        updated_at: at,
      });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'protection',
        summary: `Protection request of ${request.requested_at.slice(0, 16).replace('T', ' ')} UTC answered: ${PROTECTION_OUTCOME_LABELS[input.outcome]}`,
        reason: note ?? undefined,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'protection.respond',
        subject: `report:${reportId}`,
        reason: `protection:${requestId} ${input.outcome}`,
      });
    });
    return presentProtection(deps, reportId, keys);
  });
}
