/**
 * Secrets shown once (the reporter's receipt, an administrator's recovery key): the POST that makes one stashes
 * it, sealed under a random one-time token that only the redirect URL carries; the first GET takes it and
 * deletes it. Post/Redirect/Get without keeping the secret anywhere after it is shown.
 *
 * The same table holds form drafts (src/domain/reporter/drafts.ts): a row is a sealed text, found by a hash of its token
 * and opened by a key derived from it, so the table alone opens nothing.
 */
import { hash, open, randomBytes, seal } from '../crypto/sodium.ts';
import { deleteExpiredSealedTexts, findSealedText, insertSealedText } from '../store/throttle.ts';
import { MINUTE } from '../shared/time.ts';
import type { Deps } from './deps.ts';

const TTL_MS = 15 * MINUTE;
const idOf = (token: string) => hash(`receipt-display:${token}`).toString('hex');
const keyOf = (token: string) => hash(`receipt-key:${token}`);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Where a stashed text is found (`id`, stored) and what opens it (`key`, never stored), from its token. */
export interface StashAddress {
  id: string;
  key: Buffer;
}

/** @returns a fresh random token (43 base64url characters) */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Whether `token` looks like one newToken makes (anything else is never looked up). */
export const isToken = (token: unknown): token is string => typeof token === 'string' && TOKEN.test(token);

/** Stores `text` sealed under `at.key`, found by `at.id`, until `ttlMs` from now. */
export async function putSealed(
  deps: Pick<Deps, 'db' | 'now'>,
  at: StashAddress,
  text: string,
  ttlMs: number,
): Promise<void> {
  await insertSealedText(deps.db, {
    token_hash: at.id,
    sealed_receipt: seal(at.key, Buffer.from(text)),
    expires_at: new Date(deps.now().getTime() + ttlMs).toISOString(),
  });
}

/**
 * The text stored at `at`, or null when it is unknown or expired; `take` deletes it as it is read. Removes every
 * expired row on the way.
 */
export async function getSealed(
  deps: Pick<Deps, 'db' | 'now'>,
  at: StashAddress,
  take: boolean,
): Promise<string | null> {
  const now = deps.now().toISOString();
  const row = await findSealedText(deps.db, at.id, take);
  await deleteExpiredSealedTexts(deps.db, now);
  if (!row || row.expires_at < now) return null;
  return open(at.key, row.sealed_receipt).toString();
}

/** @returns the one-time token (43 base64url characters) */
export async function stashOnce(deps: Pick<Deps, 'db' | 'now'>, secret: string): Promise<string> {
  const token = newToken();
  await putSealed(deps, { id: idOf(token), key: keyOf(token) }, secret, TTL_MS);
  return token;
}

/** @returns the secret, once; null when already shown, expired or unknown */
export async function takeOnce(deps: Pick<Deps, 'db' | 'now'>, token: string): Promise<string | null> {
  if (!isToken(token)) return null;
  return getSealed(deps, { id: idOf(token), key: keyOf(token) }, true);
}
