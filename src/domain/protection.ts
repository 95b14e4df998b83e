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
import { sql, type Kysely, type Transaction } from 'kysely';
import { openJson, sealJson, wipe } from '../crypto/sodium.ts';
import { queueNotices } from '../mail/outbox.ts';
import { protectionResponseHours, type Category } from '../shared/profile.ts';
import {
  MAX_PROTECTION_ACCOUNT,
  MAX_PROTECTION_NOTE,
  PROTECTION_OUTCOME_LABELS,
  type ProtectionList,
  type ProtectionOutcome,
  type ReporterProtectionList,
} from '../shared/protection.ts';
import type { Tables } from '../store/tables.ts';
import { audit } from './audit.ts';
import { caseKeys, NOT_FOUND, type Viewer } from './cases/access.ts';
import { recordEvent } from './cases/events.ts';
import { updateCaseAt } from './cases/versioned.ts';
import { categoryOf } from './categories.ts';
import { nextDeadline, protectionDue, UNKNOWN_POLICY_RESPONSE_HOURS } from './deadlines.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';
import type { OpenedSession } from './sessions.ts';
import { cleanText } from '../shared/text.ts';

/** A request repeated within this time with the same account, still unanswered, is the same request (a double click). */
export const PROTECTION_REPEAT_MS = 2 * 60_000;

const accountAd = (reportId: string, id: string) => Buffer.from(`report:${reportId}:protection:${id}:account`);
const noteAd = (reportId: string, id: string) => Buffer.from(`report:${reportId}:protection:${id}:note`);

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

type Db = Kysely<Tables> | Transaction<Tables>;

/** The earliest response due on the case's unanswered protection requests; null when none is open. */
export async function pendingProtectionDue(db: Db, reportId: string): Promise<string | null> {
  const row = await db
    .selectFrom('protection_requests')
    .select('due_at')
    .where('report_id', '=', reportId)
    .where('responded_at', 'is', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

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
async function protectionRecipients(trx: Transaction<Tables>, reportId: string): Promise<string[]> {
  const holders = await trx
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select('users.id')
    .where('grants.report_id', '=', reportId)
    .where('grants.scope', '=', 'case')
    .where('users.disabled_at', 'is', null)
    .execute();
  return [...new Set(holders.map((u) => u.id))].sort();
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
  const report = await deps.db.selectFrom('reports').select('category').where('id', '=', reportId).executeTakeFirst();
  if (!report) throw errors.notFound('This report no longer exists.');
  const category = categoryOf(deps, report.category);
  const now = deps.now();
  const at = now.toISOString();
  const dueAt = protectionDue(category?.policy, now);
  const id = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    // Two clicks arrive together: on PostgreSQL the second waits here for the first to commit (SQLite runs one write
    // transaction at a time), then finds its request.
    if (deps.dialect === 'postgres')
      await trx.selectFrom('reports').select('id').where('id', '=', reportId).forUpdate().execute();
    const recent = await trx
      .selectFrom('protection_requests')
      .select(['id', 'sealed_details', 'requested_at', 'due_at'])
      .where('report_id', '=', reportId)
      .where('responded_at', 'is', null)
      .where('requested_at', '>=', new Date(now.getTime() - PROTECTION_REPEAT_MS).toISOString())
      .orderBy('requested_at')
      .execute();
    const same = recent.find(
      (r) =>
        openJson<{ account: string | null }>(session.key, r.sealed_details, accountAd(reportId, r.id)).account ===
        account,
    );
    if (same) return { id: same.id, requestedAt: same.requested_at, dueAt: same.due_at };
    await trx
      .insertInto('protection_requests')
      .values({
        id,
        report_id: reportId,
        sealed_details: sealJson(session.key, { account }, accountAd(reportId, id)),
        requested_at: at,
        due_at: dueAt,
        responded_at: null,
        responded_by: null,
        outcome: null,
        sealed_outcome_note: null,
      })
      .execute();
    // One statement, so it needs no version read; the version still moves, so a staff change computed from the
    // row before this one (its due_at) is refused as a conflict rather than overwriting the new deadline.
    await trx
      .updateTable('reports')
      .set({
        urgent: 1,
        protection_requested_at: at,
        due_at: sql<string>`case when due_at < ${dueAt} then due_at else ${dueAt} end`,
        updated_at: at,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', reportId)
      .execute();
    // Staff already alerted to an unanswered request are not alerted again: a receipt cannot flood their mail.
    const open = await trx
      .selectFrom('protection_requests')
      .select('id')
      .where('report_id', '=', reportId)
      .where('responded_at', 'is', null)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (!open) await queueNotices(deps, trx, await protectionRecipients(trx, reportId), 'protection');
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
  const report = await deps.db.selectFrom('reports').select('category').where('id', '=', reportId).executeTakeFirst();
  if (!report) throw errors.notFound('This report no longer exists.');
  const rows = await deps.db
    .selectFrom('protection_requests')
    .select(['id', 'requested_at', 'due_at', 'responded_at', 'outcome'])
    .where('report_id', '=', reportId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
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
  const report = await deps.db.selectFrom('reports').select('category').where('id', '=', reportId).executeTakeFirst();
  if (!report) throw errors.notFound(NOT_FOUND);
  const rows = await deps.db
    .selectFrom('protection_requests as p')
    .leftJoin('users as u', 'u.id', 'p.responded_by')
    .select([
      'p.id',
      'p.requested_at',
      'p.due_at',
      'p.responded_at',
      'p.outcome',
      'p.sealed_details',
      'p.sealed_outcome_note',
      'u.display_name',
    ])
    .where('p.report_id', '=', reportId)
    .orderBy('p.requested_at')
    .orderBy('p.id')
    .execute();
  const now = deps.now().toISOString();
  return {
    responseHours: responseHours(categoryOf(deps, report.category)),
    requests: rows.map((r) => ({
      id: r.id,
      requestedAt: r.requested_at,
      dueAt: r.due_at,
      overdue: r.responded_at === null && r.due_at <= now,
      account: openJson<{ account: string | null }>(keys.reportKey, r.sealed_details, accountAd(reportId, r.id))
        .account,
      respondedAt: r.responded_at,
      respondedBy: r.display_name ?? null,
      outcome: (r.outcome as ProtectionOutcome | null) ?? null,
      note: r.sealed_outcome_note
        ? openJson<string>(keys.caseKey, r.sealed_outcome_note, noteAd(reportId, r.id))
        : null,
    })),
  };
}

/** The protection requests of a case, decrypted for a viewer holding it. Audited as a read. @throws not_found */
export async function listProtection(deps: Deps, viewer: Viewer, reportId: string): Promise<ProtectionList> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const list = await presentProtection(deps, reportId, keys);
    await deps.db.transaction().execute((trx) =>
      audit(deps, trx, {
        actor: viewer.userId,
        action: 'protection.read',
        subject: `report:${reportId}`,
      }),
    );
    return list;
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
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
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const request = await deps.db
      .selectFrom('protection_requests')
      .select(['id', 'requested_at', 'responded_at'])
      .where('id', '=', requestId)
      .where('report_id', '=', reportId)
      .executeTakeFirst();
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
    const r = await deps.db
      .selectFrom('reports')
      .select(['status', 'version', 'acknowledgement_due_at', 'feedback_due_at'])
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!r) throw errors.notFound(NOT_FOUND);
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('protection_requests')
        .set({
          responded_at: at,
          responded_by: viewer.userId,
          outcome: input.outcome,
          sealed_outcome_note: note ? sealJson(keys.caseKey, note, noteAd(reportId, requestId)) : null,
        })
        .where('id', '=', requestId)
        .where('responded_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw answered;
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
    return await presentProtection(deps, reportId, keys);
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
