/**
 * Database-backed sessions for staff and reporters. The cookie carries `<id>.<secret>`; the database keeps only
 * what the secret opens (the staff user's private key, or the reporter's report key), sealed under it. Deleting
 * the row (logout, expiry, password reset, disabling) leaves an old cookie opening nothing.
 */
import { equal, mac, open, randomBytes, seal, wipe } from '../crypto/sodium.ts';
import { CryptoError } from '../crypto/errors.ts';
import type { Deps } from './deps.ts';

export interface OpenedSession {
  id: string;
  kind: 'staff' | 'reporter';
  userId: string | null;
  reportId: string | null;
  /** The key the session unlocks: the staff user's X25519 private key, or the reporter's report key. */
  key: Buffer;
}

const b64 = (b: Buffer) => b.toString('base64url');

/** Creates a session holding `key`. @returns the cookie value `<id>.<secret>` (never stored). */
export async function createSession(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { kind: 'staff' | 'reporter'; userId?: string; reportId?: string; key: Buffer; minutes: number },
): Promise<string> {
  const id = b64(randomBytes(18));
  const secret = randomBytes(32);
  const now = deps.now();
  await deps.db
    .insertInto('sessions')
    .values({
      id,
      kind: input.kind,
      user_id: input.userId ?? null,
      report_id: input.reportId ?? null,
      sealed_key: seal(secret, input.key, Buffer.from(id)),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.minutes * 60_000).toISOString(),
    })
    .execute();
  const token = `${id}.${b64(secret)}`;
  wipe(secret);
  return token;
}

/** Opens a session from its cookie value; null when unknown, expired, of another kind or forged. */
export async function openSession(
  deps: Pick<Deps, 'db' | 'now'>,
  token: string | undefined,
  kind: 'staff' | 'reporter',
): Promise<OpenedSession | null> {
  const m = token ? /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) return null;
  const [, id, secretText] = m as unknown as [string, string, string];
  const row = await deps.db
    .selectFrom('sessions')
    .select(['id', 'kind', 'user_id', 'report_id', 'sealed_key', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.kind !== kind) return null;
  if (row.expires_at <= deps.now().toISOString()) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  try {
    const key = open(Buffer.from(secretText, 'base64url'), row.sealed_key, Buffer.from(id));
    return { id, kind, userId: row.user_id, reportId: row.report_id, key };
  } catch (error) {
    if (error instanceof CryptoError) return null;
    throw error;
  }
}

export async function deleteSession(deps: Pick<Deps, 'db'>, id: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user at once (password reset, disabling). */
export async function deleteUserSessions(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** The CSRF token bound to a session: HMAC-SHA-512-256 of its id under the server secret. */
export function csrfTokenFor(deps: Pick<Deps, 'serverSecret'>, sessionId: string): string {
  return mac(deps.serverSecret, Buffer.from(`csrf:${sessionId}`)).toString('base64url');
}

/**
 * Whether `given` (a header or form value as it arrived: a string, an array when repeated, or missing) is the
 * session's CSRF token. Compared in constant time (sodium_memcmp), so the time taken tells nothing of how much of a
 * guess was right.
 */
export function csrfTokenMatches(deps: Pick<Deps, 'serverSecret'>, sessionId: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  return equal(Buffer.from(given), Buffer.from(csrfTokenFor(deps, sessionId)));
}
