/**
 * Approvals for tests of the gated steps (two-person rule): a request made by one signed-in staff member and
 * approved by another, through the domain functions that the requests API calls.
 */
import type { Viewer } from '../../src/domain/viewer.ts';
import { decideRequest } from '../../src/domain/requests/decide.ts';
import { createRequest } from '../../src/domain/requests/requests.ts';
import type { RequestKind } from '../../src/domain/approvals/kinds.ts';
import { openSession } from '../../src/domain/accounts/sessions.ts';
import type { TestApp } from './app.ts';

/** The viewer a staff member's session opens, as the API's access plugin builds it. */
export async function viewerOf(t: TestApp, username: string): Promise<Viewer> {
  const { cookie } = await t.signIn(username);
  const token = /confide_staff=([^;]+)/.exec(cookie)?.[1];
  const session = await openSession(t.deps, token, 'staff');
  if (!session?.userId) throw new Error(`no staff session for ${username}`);
  const user = await t.deps.db
    .selectFrom('users')
    .select(['id', 'role', 'public_key'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  return { userId: user.id, role: user.role, publicKey: user.public_key, secretKey: session.key };
}

/**
 * `requester` asks for `kind` on the case and `decider` approves it.
 * @returns the request id, ready to use once
 */
export async function approval(
  t: TestApp,
  input: { requester: string; decider: string; caseId: string; kind: RequestKind; subject?: string },
): Promise<string> {
  const requester = await viewerOf(t, input.requester);
  const { id } = await createRequest(t.deps, requester, {
    reportId: input.caseId,
    kind: input.kind,
    reason: 'Needed for the investigation.',
    legalBasis: 'Counter-Espionage Law 2023, Art. 25',
    subject: input.subject ?? null,
  });
  const decider = await viewerOf(t, input.decider);
  await decideRequest(t.deps, decider, id, { decision: 'approve' });
  return id;
}
