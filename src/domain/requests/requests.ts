/**
 * Approval requests (the two-person rule). A holder of a case asks, giving a reason and a legal basis; a second
 * authorised person who is not the requester approves or refuses it; an approval is used once, by its requester,
 * before it expires. The reason and legal basis are sealed under a request key of their own, sealed in turn to the
 * requester and to each person who may decide (request_keys): the database holds only ciphertext of them.
 * Every step writes an audit entry naming the request, never its reason.
 * @see CEL 2023 Art. 25–31; EU 2019/1937 Art. 16(2)–(3); LED 2016/680 Art. 25
 */
import { randomUUID } from 'node:crypto';
import { openJson, openSealed, randomKey, seal, sealJson, sealTo, wipe } from '../../crypto/sodium.ts';
import { queueNotices } from '../../mail/outbox.ts';
import { findGrantHoldersOfRole, findRequestKey, insertRequest } from '../../store/requests.ts';
import { inTransaction } from '../../store/transaction.ts';
import { categoryOfReport } from '../categories.ts';
import { DAY } from '../../shared/time.ts';
import { audit } from '../audit/record.ts';
import { caseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from '../cases/events.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { MAX_REASON } from '../../shared/requests.ts';
import { checkSubject, refuseNeedless, refuseRepeat } from './checks.ts';
import {
  deciderRole,
  REQUEST_KINDS,
  REQUEST_TITLES,
  REQUEST_TTL_DAYS,
  SUBJECT_KINDS,
  type RequestKind,
} from '../approvals/kinds.ts';
import { reporterNoticeAd, requestDetailsAd, requestNoteAd } from '../../crypto/case-keys.ts';

export { MAX_REASON };

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

function text(value: string | null | undefined, field: string, label: string): string {
  const t = (value ?? '').trim();
  if (!t) throw errors.validation({ [field]: `Please give ${label}.` });
  if ([...t].length > MAX_REASON)
    throw errors.validation({ [field]: `Please keep ${label} within ${MAX_REASON} characters.` });
  return t;
}

/** Active users who may decide `kind` on this report (never the requester): custodians holding its identity, or managers holding the case. */
export async function deciders(deps: Pick<Deps, 'db'>, reportId: string, role: string, requesterId: string) {
  return findGrantHoldersOfRole(deps.db, reportId, role, role === 'custodian' ? 'identity' : 'case', requesterId);
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
    const { category } = await categoryOfReport(deps, input.reportId);
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
    await inTransaction(deps.db, async (trx) => {
      await insertRequest(
        trx,
        {
          id,
          report_id: input.reportId,
          kind: input.kind,
          requester_id: viewer.userId,
          status: 'pending',
          subject,
          sealed_details: sealJson(requestKey, { reason, legalBasis } satisfies RequestDetails, requestDetailsAd(id)),
          sealed_reporter_notice: notice
            ? seal(keys.reportKey, Buffer.from(notice), reporterNoticeAd(input.reportId, id))
            : null,
          created_at: at,
          expires_at: new Date(now.getTime() + REQUEST_TTL_DAYS * DAY).toISOString(),
          decided_by: null,
          decided_at: null,
          sealed_decision_note: null,
          used_at: null,
        },
        [{ id: viewer.userId, public_key: viewer.publicKey }, ...people].map((u) => ({
          request_id: id,
          user_id: u.id,
          sealed_key: sealTo(u.public_key, requestKey),
        })),
      );
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
  const k = await findRequestKey(deps.db, row.id, viewer.userId);
  if (!k) return null;
  const key = openSealed(viewer.publicKey, viewer.secretKey, k.sealed_key);
  try {
    const details = openJson<RequestDetails>(key, row.sealed_details, requestDetailsAd(row.id));
    const decisionNote = row.sealed_decision_note
      ? openJson<string>(key, row.sealed_decision_note, requestNoteAd(row.id))
      : null;
    return { ...details, decisionNote };
  } finally {
    wipe(key);
  }
}
