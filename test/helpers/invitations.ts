/**
 * Staff accounts made the way administrators make them: one administrator invites (the first code), a second one
 * approves (the second code), and the person activates the account with both codes and a password of their own.
 */
import { expect } from 'vitest';
import { PASSWORD, type TestApp } from './app.ts';
import { actor } from './cases.ts';

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Both invitation codes: the issuing administrator's and the approving one's. */
export interface InvitationCodes {
  invitation: string;
  approval: string;
}

/** The second code from an approval's answer. */
export const approvalCodeOf = (res: { json(): unknown }) =>
  (res.json() as { approval: { code: string } }).approval.code;

/**
 * `issuer` invites `username` and `approver` approves (expecting 201 and 200).
 * @returns the invitation's answer, the user's id and both codes
 */
export async function invite(
  t: TestApp,
  username: string,
  role: string,
  {
    issuer = 'administrator',
    approver = 'admin2',
    displayName,
  }: Partial<Record<'issuer' | 'approver' | 'displayName', string>> = {},
): Promise<{ res: Response; id: string; codes: InvitationCodes }> {
  const res = await (
    await actor(t, issuer)
  ).send('POST', '/api/v1/users', { username, role, ...(displayName ? { displayName } : {}) });
  expect(res.statusCode).toBe(201);
  const created = res.json() as { user: { id: string }; invitation: { code: string } };
  const approved = await (await actor(t, approver)).send('POST', `/api/v1/users/${created.user.id}/invitation/approve`);
  expect(approved.statusCode).toBe(200);
  return {
    res,
    id: created.user.id,
    codes: { invitation: created.invitation.code, approval: approvalCodeOf(approved) },
  };
}

/** POST /session/activate with both codes. */
export function activate(
  t: TestApp,
  username: string,
  codes: InvitationCodes,
  newPassword = PASSWORD,
): Promise<Response> {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/session/activate',
    payload: { username, invitation: codes.invitation, approval: codes.approval, newPassword },
  });
}
