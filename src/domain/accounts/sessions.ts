/**
 * Database-backed sessions for staff and reporters. The cookie carries `<id>.<secret>`; the database keeps only
 * what the secret opens (the staff user's private key, or the reporter's report key), sealed under it. Deleting
 * the row (logout, expiry, password reset, disabling) leaves an old cookie opening nothing.
 *
 * Lifetime (issue 8 item 15): a session ends after a time without a request (`…IdleMinutes`) and, whatever the
 * activity, at a cap from sign-in (`expires_at`). Each request counts as activity from the moment it starts; a
 * request that began inside the session — a slow upload — is finished and counts as activity when it ends
 * (`touchAfterRequest`), unless the cap passed meanwhile.
 */
import { equal, mac, open, randomBytes, seal, wipe } from '../../crypto/sodium.ts';
import { CryptoError } from '../../crypto/errors.ts';
import { MINUTE } from '../../shared/time.ts';
import {
  deleteEndedSessionRows,
  deleteSessionById,
  deleteSessionsOfUser,
  findSession,
  insertSession,
  touchSession,
} from '../../store/sessions.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../errors.ts';

export interface OpenedSession {
  id: string;
  kind: 'staff' | 'reporter';
  userId: string | null;
  reportId: string | null;
  /** The key the session unlocks: the staff user's X25519 private key, or the reporter's report key. */
  key: Buffer;
}

/** Why a session that existed has ended: no request for its idle time, or its cap from sign-in. */
export type SessionEnd = 'idle' | 'cap';

/** last_seen_at is written at most this often (ms): one write a minute per session, not one per request. */
const TOUCH_EVERY_MS = MINUTE;

const b64 = (b: Buffer) => b.toString('base64url');
type SessionDeps = Pick<Deps, 'db' | 'now' | 'sessions'>;
const idleMs = (deps: Pick<Deps, 'sessions'>, kind: 'staff' | 'reporter') =>
  (kind === 'staff' ? deps.sessions.staffIdleMinutes : deps.sessions.reporterIdleMinutes) * MINUTE;

/**
 * Creates a session holding `key`, ending after the idle time for its kind or `minutes` from now at the latest.
 * @returns the cookie value `<id>.<secret>` (never stored).
 */
export async function createSession(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { kind: 'staff' | 'reporter'; userId?: string; reportId?: string; key: Buffer; minutes: number },
): Promise<string> {
  const id = b64(randomBytes(18));
  const secret = randomBytes(32);
  const now = deps.now();
  await insertSession(deps.db, {
    id,
    kind: input.kind,
    user_id: input.userId ?? null,
    report_id: input.reportId ?? null,
    sealed_key: seal(secret, input.key, Buffer.from(id)),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.minutes * MINUTE).toISOString(),
    last_seen_at: now.toISOString(),
  });
  const token = `${id}.${b64(secret)}`;
  wipe(secret);
  return token;
}

/**
 * Opens a session from its cookie value and counts the request as activity.
 * @returns the session, or null with why: `ended` says whether a session that existed ran out (idle or at its cap;
 *   its row is then deleted); null when there is none, it is of another kind, or the cookie is forged
 */
export async function lookUpSession(
  deps: SessionDeps,
  token: string | undefined,
  kind: 'staff' | 'reporter',
): Promise<{ session: OpenedSession; ended: null } | { session: null; ended: SessionEnd | null }> {
  const none = { session: null, ended: null } as const;
  const m = token ? /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) return none;
  const [, id, secretText] = m as unknown as [string, string, string];
  const row = await findSession(deps.db, id);
  if (!row || row.kind !== kind) return none;
  let key: Buffer;
  try {
    key = open(Buffer.from(secretText, 'base64url'), row.sealed_key, Buffer.from(id));
  } catch (error) {
    if (error instanceof CryptoError) return none;
    throw error;
  }
  const now = deps.now();
  const lastSeen = Date.parse(row.last_seen_at ?? row.created_at);
  const ended: SessionEnd | null =
    Date.parse(row.expires_at) <= now.getTime()
      ? 'cap'
      : lastSeen + idleMs(deps, kind) <= now.getTime()
        ? 'idle'
        : null;
  if (ended) {
    wipe(key);
    await deleteSessionById(deps.db, id);
    return { session: null, ended };
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await touchSession(deps.db, id, now.toISOString());
  return { session: { id, kind, userId: row.user_id, reportId: row.report_id, key }, ended: null };
}

/** Opens a session from its cookie value (see `lookUpSession`); null when there is none to open. */
export async function openSession(
  deps: SessionDeps,
  token: string | undefined,
  kind: 'staff' | 'reporter',
): Promise<OpenedSession | null> {
  return (await lookUpSession(deps, token, kind)).session;
}

/**
 * At the end of a request that began inside the session (a slow upload): counts it as activity, so the session
 * goes on however long the request took, unless the cap passed meanwhile.
 * @returns null when the session goes on; `cap` when it reached its cap (its row is deleted); `gone` when it ended
 *   meanwhile otherwise (signed out, or found idle by another request)
 */
export async function touchAfterRequest(
  deps: Pick<Deps, 'db' | 'now'>,
  sessionId: string,
): Promise<'cap' | 'gone' | null> {
  const now = deps.now().toISOString();
  const row = await findSession(deps.db, sessionId);
  if (!row) return 'gone';
  if (row.expires_at <= now) {
    await deleteSessionById(deps.db, sessionId);
    return 'cap';
  }
  await touchSession(deps.db, sessionId, now);
  return null;
}

/**
 * Deletes every session that has ended — past its cap, or idle for its kind's time — whether or not its cookie comes
 * back, so that no key a session held stays sealed in the database after it ended. Run periodically (src/jobs).
 * @returns how many were deleted
 */
export async function deleteEndedSessions(deps: Pick<Deps, 'db' | 'now' | 'sessions'>): Promise<number> {
  const now = deps.now();
  const idleSince = (kind: 'staff' | 'reporter') => new Date(now.getTime() - idleMs(deps, kind)).toISOString();
  return deleteEndedSessionRows(deps.db, now.toISOString(), {
    staff: idleSince('staff'),
    reporter: idleSince('reporter'),
  });
}

/** What a person is told when their session has ended, by why (401 `session_idle`, `session_cap`, `unauthorized`). */
export function sessionEndedError(
  deps: Pick<Deps, 'sessions'>,
  kind: 'staff' | 'reporter',
  ended: SessionEnd | null,
): DomainError {
  const again = kind === 'staff' ? 'Sign in again to continue.' : 'To continue, enter your receipt again.';
  const staff = kind === 'staff';
  if (ended === 'idle') {
    const minutes = staff ? deps.sessions.staffIdleMinutes : deps.sessions.reporterIdleMinutes;
    return new DomainError(
      'unauthorized',
      'session_idle',
      `You were signed out after ${minutes} minutes without activity. ${again}`,
    );
  }
  if (ended === 'cap') {
    const minutes = staff ? deps.sessions.staffMinutes : deps.sessions.reporterMinutes;
    return new DomainError(
      'unauthorized',
      'session_cap',
      `You were signed out: a session lasts at most ${hoursText(minutes)} from signing in. ${again}`,
    );
  }
  return new DomainError(
    'unauthorized',
    'unauthorized',
    staff ? 'Please sign in.' : 'Your session has ended. Please sign in again with your receipt.',
  );
}

/** "2 hours", "90 minutes". */
export const hoursText = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;

export async function deleteSession(deps: Pick<Deps, 'db'>, id: string): Promise<void> {
  await deleteSessionById(deps.db, id);
}

/** Ends every session of a user at once (password reset, disabling). */
export async function deleteUserSessions(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  await deleteSessionsOfUser(deps.db, userId);
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
