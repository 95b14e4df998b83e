/**
 * Approval requests (the two-person rule). A holder of a case asks, giving a reason and a legal basis; a second
 * authorised person who is not the requester approves or refuses it; an approval is used once, by its requester,
 * before it expires. The reason and legal basis are sealed under a request key of their own, sealed in turn to the
 * requester and to each person who may decide (request_keys): the database holds only ciphertext of them.
 * Every step writes an audit entry naming the request, never its reason.
 * @see CEL 2023 Art. 25–31; EU 2019/1937 Art. 16(2)–(3); LED 2016/680 Art. 25
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { openJson, openSealed, randomKey, seal, sealJson, sealTo, wipe } from '../../crypto/sodium.ts';
import { queueNotices } from '../../mail/outbox.ts';
import type { Tables } from '../../store/tables.ts';
import { audit } from '../audit.ts';
import { caseKeys, type Viewer } from '../cases/access.ts';
import { recordEvent } from '../cases/events.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { MAX_REASON } from '../../shared/requests.ts';
import { checkSubject, refuseNeedless, refuseRepeat } from './checks.ts';
import { discloseIdentity } from './disclose.ts';
import {
  deciderRole,
  REQUEST_KINDS,
  REQUEST_TITLES,
  REQUEST_TTL_DAYS,
  SUBJECT_KINDS,
  type RequestKind,
} from './kinds.ts';

const DAY = 86_400_000;
export { MAX_REASON };

/** Associated data of a request's sealed reason and legal basis, and of its decision note (request key). */
export const detailsAd = (id: string) => Buffer.from(`request:${id}:details`);
export const noteAd = (id: string) => Buffer.from(`request:${id}:decision`);
/** The reporter's notice of an identity disclosure, under the report key (the reporter reads it on follow-up). */
export const reporterNoticeAd = (reportId: string, id: string) =>
  Buffer.from(`report:${reportId}:request:${id}:notice`);

export interface RequestInput {
  reportId: string;
  kind: RequestKind;
  reason: string;
  legalBasis: string;
  /** A file id (open_original) or user id (grant_outside). */
  subject?: string | null | undefined;
  /** identity_disclosure: what the reporter is told, in plain words, once it is approved (EU 2019/1937 Art. 16(3)). */
  reporterNotice?: string | null | undefined;
}

export interface RequestDetails {
  reason: string;
  legalBasis: string;
}

export type RequestStatus = Tables['requests']['status'];

/** Pending or approved requests past their expiry count as expired, whether or not a job has marked them yet. */
export function effectiveStatus(row: { status: RequestStatus; expires_at: string }, now: Date): RequestStatus {
  return (row.status === 'pending' || row.status === 'approved') && row.expires_at <= now.toISOString()
    ? 'expired'
    : row.status;
}

function text(value: string | null | undefined, field: string, label: string): string {
  const t = (value ?? '').trim();
  if (!t) throw errors.validation({ [field]: `Please give ${label}.` });
  if ([...t].length > MAX_REASON)
    throw errors.validation({ [field]: `Please keep ${label} within ${MAX_REASON} characters.` });
  return t;
}

/** Active users who may decide `kind` on this report (never the requester): custodians holding its identity, or managers holding the case. */
async function deciders(deps: Pick<Deps, 'db'>, reportId: string, role: string, requesterId: string) {
  return deps.db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.public_key'])
    .where('g.report_id', '=', reportId)
    .where('g.scope', '=', role === 'custodian' ? 'identity' : 'case')
    .where('u.role', '=', role)
    .where('u.disabled_at', 'is', null)
    .where('u.activated_at', 'is not', null)
    .where('u.id', '!=', requesterId)
    .execute();
}

/**
 * Asks for a second person's approval.
 * @returns the new request's id
 * @throws not_found (no grant on the case) | validation_failed | invalid/unknown_kind | conflict/no_decider |
 *   conflict/already_requested | conflict/already_disclosed | conflict/not_needed
 */
export async function createRequest(deps: Deps, viewer: Viewer, input: RequestInput): Promise<{ id: string }> {
  if (!(REQUEST_KINDS as readonly string[]).includes(input.kind))
    throw errors.invalid('unknown_kind', `Unknown kind of request “${String(input.kind)}”.`);
  const keys = await caseKeys(deps, viewer, input.reportId);
  const requestKey = randomKey();
  try {
    const reason = text(input.reason, 'reason', 'a reason');
    const legalBasis = text(input.legalBasis, 'legalBasis', 'the legal basis');
    const subject = SUBJECT_KINDS.has(input.kind) ? text(input.subject, 'subject', 'what it concerns') : null;
    const notice =
      input.kind === 'identity_disclosure'
        ? text(input.reporterNotice, 'reporterNotice', 'what the reporter will be told')
        : null;
    if (subject !== null) await checkSubject(deps, viewer, input.kind, input.reportId, subject, keys.caseKey);
    await refuseRepeat(deps, viewer, { reportId: input.reportId, kind: input.kind, subject });
    const report = await deps.db
      .selectFrom('reports')
      .select('category')
      .where('id', '=', input.reportId)
      .executeTakeFirstOrThrow();
    const category = deps.profile().categories.find((c) => c.id === report.category);
    refuseNeedless(viewer, input.kind, category);
    const role = deciderRole(input.kind, category);
    // The person a request is about never decides it, nor reads its reason (exclude_holder names a holder).
    const people = (await deciders(deps, input.reportId, role, viewer.userId)).filter((p) => p.id !== subject);
    if (people.length === 0)
      throw errors.conflict(
        'no_decider',
        role === 'custodian'
          ? 'No identity custodian can decide this request. Ask an administrator to add one.'
          : `No other ${role === 'oversight' ? 'oversight officer' : 'supervisor'} holds this case, so no one can approve the request. Ask for the case to be granted to one.`,
      );
    const id = randomUUID();
    const now = deps.now();
    const at = now.toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('requests')
        .values({
          id,
          report_id: input.reportId,
          kind: input.kind,
          requester_id: viewer.userId,
          status: 'pending',
          subject,
          sealed_details: sealJson(requestKey, { reason, legalBasis } satisfies RequestDetails, detailsAd(id)),
          sealed_reporter_notice: notice
            ? seal(keys.reportKey, Buffer.from(notice), reporterNoticeAd(input.reportId, id))
            : null,
          created_at: at,
          expires_at: new Date(now.getTime() + REQUEST_TTL_DAYS * DAY).toISOString(),
          decided_by: null,
          decided_at: null,
          sealed_decision_note: null,
          used_at: null,
        })
        .execute();
      await trx
        .insertInto('request_keys')
        .values(
          [{ id: viewer.userId, public_key: viewer.publicKey }, ...people].map((u) => ({
            request_id: id,
            user_id: u.id,
            sealed_key: sealTo(u.public_key, requestKey),
          })),
        )
        .execute();
      await recordEvent(trx, {
        reportId: input.reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'request',
        summary: `Approval requested: ${REQUEST_TITLES[input.kind]}`,
        reason,
      });
      await queueNotices(
        deps,
        trx,
        people.map((p) => p.id),
        'approval',
      );
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'request.create',
        subject: `report:${input.reportId}`,
        reason: `request:${id} ${input.kind}`,
      });
    });
    return { id };
  } finally {
    wipe(requestKey);
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

/** Opens the reason and legal basis with the viewer's request key; null when the viewer holds none. */
export async function requestDetails(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  row: { id: string; sealed_details: Buffer; sealed_decision_note: Buffer | null },
): Promise<(RequestDetails & { decisionNote: string | null }) | null> {
  const k = await deps.db
    .selectFrom('request_keys')
    .select('sealed_key')
    .where('request_id', '=', row.id)
    .where('user_id', '=', viewer.userId)
    .executeTakeFirst();
  if (!k) return null;
  const key = openSealed(viewer.publicKey, viewer.secretKey, k.sealed_key);
  try {
    const details = openJson<RequestDetails>(key, row.sealed_details, detailsAd(row.id));
    const decisionNote = row.sealed_decision_note
      ? openJson<string>(key, row.sealed_decision_note, noteAd(row.id))
      : null;
    return { ...details, decisionNote };
  } finally {
    wipe(key);
  }
}

/** What runs, inside the decision's transaction, when a kind is approved (identity disclosure re-seals the key). */
export type ApprovalEffect = (
  deps: Deps,
  trx: Transaction<Tables>,
  viewer: Viewer,
  request: Tables['requests'],
) => Promise<void>;
const effects = new Map<RequestKind, { effect: ApprovalEffect; keepsApproval: boolean }>([
  // Built in rather than registered from elsewhere: approving a disclosure must never run without its re-sealing.
  ['identity_disclosure', { effect: discloseIdentity, keepsApproval: false }],
]);

/**
 * Registers what approving `kind` does at once. An effect that runs marks the request used, unless `keepsApproval`:
 * then the effect only prepares (opening an original re-seals the evidence key to the requester) and the requester
 * still uses the approval, once, for the step itself (useApproval).
 */
export function onApproval(kind: RequestKind, effect: ApprovalEffect, options: { keepsApproval?: boolean } = {}): void {
  effects.set(kind, { effect, keepsApproval: options.keepsApproval ?? false });
}

/**
 * Approves or refuses a request. The decider must be someone other than the requester, sealed in as a decider when
 * the request was made, and still hold the case (or, for identity disclosure, its identity).
 * @throws not_found | conflict/own_request | conflict/own_exclusion (a lift_exclusion or exclude_holder about the decider) |
 *   conflict/decided | conflict/expired | conflict/requester_gone (an identity disclosure to someone who no longer
 *   holds the case)
 */
export async function decideRequest(
  deps: Deps,
  viewer: Viewer,
  requestId: string,
  input: { decision: 'approve' | 'refuse'; note?: string | null | undefined },
): Promise<{ status: RequestStatus }> {
  const row = await deps.db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  const notFound = errors.notFound('There is no such request, or it is not yours to decide.');
  if (!row) throw notFound;
  const key = await deps.db
    .selectFrom('request_keys')
    .select('sealed_key')
    .where('request_id', '=', requestId)
    .where('user_id', '=', viewer.userId)
    .executeTakeFirst();
  if (!key) throw notFound;
  if (row.requester_id === viewer.userId)
    throw errors.conflict('own_request', 'You cannot decide your own request: a second person must.');
  if ((row.kind === 'lift_exclusion' || row.kind === 'exclude_holder') && row.subject === viewer.userId)
    throw errors.conflict('own_exclusion', 'You cannot decide about your own exclusion: another manager must.');
  const report = await deps.db
    .selectFrom('reports')
    .select('category')
    .where('id', '=', row.report_id)
    .executeTakeFirstOrThrow();
  const category = deps.profile().categories.find((c) => c.id === report.category);
  const role = deciderRole(row.kind as RequestKind, category);
  const still = await deciders(deps, row.report_id, role, row.requester_id);
  if (viewer.role !== role || !still.some((p) => p.id === viewer.userId)) throw notFound;
  const now = deps.now();
  const status = effectiveStatus(row, now);
  if (status === 'expired') throw errors.conflict('expired', 'This request has expired. The requester can ask again.');
  if (status !== 'pending') throw errors.conflict('decided', 'This request has already been decided.');

  const note = input.note?.trim() || null;
  if (note && [...note].length > MAX_REASON)
    throw errors.validation({ note: `Please keep the note within ${MAX_REASON} characters.` });
  // A decider who manages the case records the decision in its history; a custodian holds no case key.
  const keys = role === 'custodian' ? null : await caseKeys(deps, viewer, row.report_id);
  const requestKey = openSealed(viewer.publicKey, viewer.secretKey, key.sealed_key);
  const at = now.toISOString();
  const approved = input.decision === 'approve';
  const registered = approved ? effects.get(row.kind as RequestKind) : undefined;
  const effect = registered?.effect;
  const consumed = registered !== undefined && !registered.keepsApproval;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('requests')
        .set({
          status: approved ? (consumed ? 'used' : 'approved') : 'refused',
          decided_by: viewer.userId,
          decided_at: at,
          sealed_decision_note: note ? sealJson(requestKey, note, noteAd(row.id)) : null,
          used_at: consumed ? at : null,
          // An approval may be used for REQUEST_TTL_DAYS from the decision.
          expires_at: approved ? new Date(now.getTime() + REQUEST_TTL_DAYS * DAY).toISOString() : row.expires_at,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw errors.conflict('decided', 'This request has already been decided.');
      if (effect) await effect(deps, trx, viewer, row);
      if (keys)
        await recordEvent(trx, {
          reportId: row.report_id,
          at,
          actor: viewer.userId,
          caseKey: keys.caseKey,
          kind: 'decision',
          summary: `${approved ? 'Approved' : 'Refused'}: ${REQUEST_TITLES[row.kind as RequestKind]}`,
          reason: note ?? undefined,
        });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: approved ? 'request.approve' : 'request.refuse',
        subject: `report:${row.report_id}`,
        reason: `request:${row.id} ${row.kind}`,
      });
    });
  } finally {
    wipe(requestKey);
    if (keys) {
      wipe(keys.reportKey);
      wipe(keys.caseKey);
    }
  }
  return { status: approved ? (consumed ? 'used' : 'approved') : 'refused' };
}

/**
 * Uses an approval inside the caller's transaction: it must be approved, unexpired, of this kind and case, made by
 * the viewer, and (when given) about this subject. It is marked used, so it works once.
 * @throws conflict/approval_required, saying what is missing | conflict/approval_expired (approved, then unused
 *   past its expiry: saying when it expired)
 */
export async function useApproval(
  deps: Pick<Deps, 'now' | 'dialect'>,
  trx: Transaction<Tables>,
  input: {
    requestId: string | null | undefined;
    reportId: string;
    kind: RequestKind;
    viewer: Viewer;
    subject?: string;
  },
): Promise<void> {
  const need = errors.conflict(
    'approval_required',
    `This needs an approved request (“${REQUEST_TITLES[input.kind]}”) of yours on this case. Ask for one; a second person must approve it.`,
  );
  if (!input.requestId) throw need;
  const row = await trx.selectFrom('requests').selectAll().where('id', '=', input.requestId).executeTakeFirst();
  if (
    !row ||
    row.report_id !== input.reportId ||
    row.kind !== input.kind ||
    row.requester_id !== input.viewer.userId ||
    (input.subject !== undefined && row.subject !== input.subject)
  )
    throw need;
  const status = effectiveStatus(row, deps.now());
  if (status === 'expired' && row.decided_at !== null)
    throw errors.conflict(
      'approval_expired',
      `This approval expired on ${row.expires_at.slice(0, 16).replace('T', ' ')} UTC; ask again (“${REQUEST_TITLES[input.kind]}”), and a second person must approve it anew.`,
    );
  if (status !== 'approved') throw need;
  const at = deps.now().toISOString();
  const updated = await trx
    .updateTable('requests')
    .set({ status: 'used', used_at: at })
    .where('id', '=', row.id)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw need;
  await audit(deps, trx, {
    actor: input.viewer.userId,
    action: 'request.use',
    subject: `report:${input.reportId}`,
    reason: `request:${row.id} ${row.kind}`,
  });
}
