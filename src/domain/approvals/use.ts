/**
 * Approvals as the rest of the domain uses them: whether a request still stands (expiry), and using an approval once
 * inside the transaction of the step it allows. Requests are made, listed and decided in src/domain/requests, which
 * depends on cases; cases depend only on this.
 */
import type { Tables } from '../../store/tables.ts';
import { findRequest, updateRequestIfStatus } from '../../store/requests.ts';
import type { Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import type { Viewer } from '../viewer.ts';
import { REQUEST_TITLES, type RequestKind } from './kinds.ts';

export type RequestStatus = Tables['requests']['status'];

/** Pending or approved requests past their expiry count as expired, whether or not a job has marked them yet. */
export function effectiveStatus(row: { status: RequestStatus; expires_at: string }, now: Date): RequestStatus {
  return (row.status === 'pending' || row.status === 'approved') && row.expires_at <= now.toISOString()
    ? 'expired'
    : row.status;
}

/**
 * What runs, inside the decision's transaction, when a kind is approved (identity disclosure re-seals the key). The
 * table of effects by kind is src/domain/requests/effects.ts.
 */
export type ApprovalEffect = (deps: Deps, trx: Tx, viewer: Viewer, request: Tables['requests']) => Promise<void>;

/**
 * Uses an approval inside the caller's transaction: it must be approved, unexpired, of this kind and case, made by
 * the viewer, and (when given) about this subject. It is marked used, so it works once.
 * @throws conflict/approval_required, saying what is missing | conflict/approval_expired (approved, then unused
 *   past its expiry: saying when it expired)
 */
export async function useApproval(
  deps: Pick<Deps, 'now' | 'dialect'>,
  trx: Tx,
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
  const row = await findRequest(trx, input.requestId);
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
  if (!(await updateRequestIfStatus(trx, row.id, 'approved', { status: 'used', used_at: at }))) throw need;
  await audit(deps, trx, {
    actor: input.viewer.userId,
    action: 'request.use',
    subject: `report:${input.reportId}`,
    reason: `request:${row.id} ${row.kind}`,
  });
}
