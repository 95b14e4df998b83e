/**
 * Requests as the workspace lists them: the viewer's boxes (to decide, mine) and the requests on one case. The
 * reason, legal basis and decision note open only with the viewer's own request key (requester and deciders);
 * anyone else holding the case sees that a request exists, its kind, who asked and how it stands.
 */
import { openJson, openSealed, wipe } from '../../crypto/sodium.ts';
import type { RequestBox, RequestView } from '../../shared/requests.ts';
import { listDisplayNames, listFileMetas, listRequestRows, reportsHeldOf } from '../../store/request-lists.ts';
import { inTransaction } from '../../store/transaction.ts';
import { caseKeys, withCaseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { audit } from '../audit/record.ts';
import { categoryOf } from '../categories.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { fileAd } from '../../crypto/case-keys.ts';
import { REQUEST_SUBJECTS } from '../../shared/requests.ts';
import { deciderRole, type RequestKind } from '../approvals/kinds.ts';
import { effectiveStatus } from '../approvals/use.ts';
import { requestDetailsAd, requestNoteAd } from '../../crypto/case-keys.ts';

/** At most this many requests per list (newest first for mine; oldest first, so soonest to expire, to decide). */
export const LIST_LIMIT = 200;

type Row = Awaited<ReturnType<typeof listRequestRows>>[number];

/**
 * The viewer's requests: `to_decide` — pending, unexpired requests of others that the viewer may decide now (the
 * deciding role for the kind, still holding the case or, for identity disclosure, its identity); `mine` — the
 * viewer's own requests in any state.
 */
export async function listRequests(deps: Deps, viewer: Viewer, box: RequestBox): Promise<RequestView[]> {
  const now = deps.now();
  const filter = box === 'mine' ? ({ box } as const) : ({ box, now: now.toISOString() } as const);
  let rows: Row[] = await listRequestRows(deps.db, viewer.userId, filter, LIST_LIMIT);
  if (box === 'to_decide') {
    const ids = [...new Set(rows.map((r) => r.report_id))];
    const cases = await reportsHeldOf(deps.db, viewer.userId, ids, 'case');
    const identities = await reportsHeldOf(deps.db, viewer.userId, ids, 'identity');
    rows = rows.filter((r) => {
      const role = deciderRole(r.kind as RequestKind, categoryOf(deps, r.category));
      return role === viewer.role && (role === 'custodian' ? identities : cases).has(r.report_id);
    });
  }
  // Every request left in to_decide is decidable by the viewer; none of the viewer's own is.
  const views = await present(deps, viewer, rows, () => box === 'to_decide');
  await auditRead(deps, viewer, rows);
  return views;
}

/** Opening the sealed reasons of requests is an access to their cases: one audit entry per case shown. */
async function auditRead(deps: Deps, viewer: Viewer, rows: readonly { report_id: string }[]): Promise<void> {
  const reportIds = [...new Set(rows.map((r) => r.report_id))];
  if (reportIds.length === 0) return;
  await inTransaction(deps.db, async (trx) => {
    for (const id of reportIds)
      await audit(deps, trx, { actor: viewer.userId, action: 'case.requests_read', subject: `report:${id}` });
  });
}

/**
 * Every request on a case, newest first, for a holder of the case.
 * @throws not_found without a case grant
 */
export async function caseRequests(deps: Deps, viewer: Viewer, reportId: string): Promise<RequestView[]> {
  await withCaseKeys(deps, viewer, reportId, async () => undefined); // a case grant, or not_found
  const rows = await listRequestRows(deps.db, viewer.userId, { box: 'case', reportId }, LIST_LIMIT);
  const now = deps.now();
  const views = await present(deps, viewer, rows, (r) => canDecide(deps, viewer, r, now));
  await auditRead(deps, viewer, rows);
  return views;
}

/** Whether the viewer may decide this request now; used where the case grant is already known to be held. */
function canDecide(deps: Pick<Deps, 'profile'>, viewer: Viewer, r: Row, now: Date): boolean {
  return (
    r.sealed_key !== null &&
    r.requester_id !== viewer.userId &&
    effectiveStatus(r, now) === 'pending' &&
    deciderRole(r.kind as RequestKind, categoryOf(deps, r.category)) === viewer.role &&
    viewer.role !== 'custodian'
  );
}

async function present(
  deps: Deps,
  viewer: Viewer,
  rows: Row[],
  decidable: (r: Row) => boolean,
): Promise<RequestView[]> {
  const now = deps.now();
  const labels = await subjectLabels(deps, viewer, rows);
  return rows.map((r) => {
    const details = openDetails(viewer, r);
    return {
      id: r.id,
      kind: r.kind as RequestKind,
      caseId: r.report_id,
      caseReference: r.reference,
      requesterName: r.requester_name,
      mine: r.requester_id === viewer.userId,
      canDecide: decidable(r),
      status: effectiveStatus(r, now),
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      decidedAt: r.decided_at,
      deciderName: r.decider_name,
      subject: r.subject === null ? null : { id: r.subject, label: labels.get(r.subject) ?? 'Not known any more' },
      reason: details?.reason ?? null,
      legalBasis: details?.legalBasis ?? null,
      decisionNote: details?.decisionNote ?? null,
    };
  });
}

function openDetails(viewer: Viewer, r: Row) {
  if (!r.sealed_key) return null;
  const key = openSealed(viewer.publicKey, viewer.secretKey, r.sealed_key);
  try {
    const details = openJson<{ reason: string; legalBasis: string }>(key, r.sealed_details, requestDetailsAd(r.id));
    const decisionNote = r.sealed_decision_note
      ? openJson<string>(key, r.sealed_decision_note, requestNoteAd(r.id))
      : null;
    return { ...details, decisionNote };
  } finally {
    wipe(key);
  }
}

/**
 * Names for subjects: a staff member's display name; a file's name, opened with the case key where the viewer
 * holds the case (otherwise "A file of the case").
 */
async function subjectLabels(deps: Deps, viewer: Viewer, rows: Row[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const users = rows.filter((r) => r.subject && REQUEST_SUBJECTS[r.kind as RequestKind] === 'user');
  const files = rows.filter((r) => r.subject && REQUEST_SUBJECTS[r.kind as RequestKind] === 'file');
  if (users.length > 0) {
    const found = await listDisplayNames(deps.db, [...new Set(users.map((r) => r.subject!))]);
    for (const u of found) labels.set(u.id, u.display_name);
  }
  for (const reportId of new Set(files.map((r) => r.report_id))) {
    const fileIds = [...new Set(files.filter((r) => r.report_id === reportId).map((r) => r.subject!))];
    const found = await listFileMetas(deps.db, reportId, fileIds);
    let keys: Awaited<ReturnType<typeof caseKeys>> | null = null;
    try {
      keys = await caseKeys(deps, viewer, reportId);
    } catch (error) {
      if (!(error instanceof DomainError) || error.id !== 'not_found') throw error;
    }
    for (const f of found)
      labels.set(
        f.id,
        keys
          ? openJson<{ name: string }>(keys.reportKey, f.sealed_meta, fileAd(reportId, f.id)).name
          : 'A file of the case',
      );
    if (keys) {
      wipe(keys.reportKey);
      wipe(keys.caseKey);
    }
  }
  return labels;
}
