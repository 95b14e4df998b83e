/**
 * Secrets shown once (the reporter's receipt, an administrator's recovery key): the POST that makes one stashes
 * it, sealed under a random one-time token that only the redirect URL carries; the first GET takes it and
 * deletes it. Post/Redirect/Get without keeping the secret anywhere after it is shown.
 */
import { hash, open, randomBytes, seal } from '../crypto/sodium.ts';
import type { Deps } from './deps.ts';

const TTL_MS = 15 * 60_000;
const idOf = (token: string) => hash(`receipt-display:${token}`).toString('hex');
const keyOf = (token: string) => hash(`receipt-key:${token}`);

/** @returns the one-time token (43 base64url characters) */
export async function stashOnce(deps: Pick<Deps, 'db' | 'now'>, secret: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await deps.db
    .insertInto('receipt_displays')
    .values({
      token_hash: idOf(token),
      sealed_receipt: seal(keyOf(token), Buffer.from(secret)),
      expires_at: new Date(deps.now().getTime() + TTL_MS).toISOString(),
    })
    .execute();
  return token;
}

/** @returns the secret, once; null when already shown, expired or unknown */
export async function takeOnce(deps: Pick<Deps, 'db' | 'now'>, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await deps.db
    .deleteFrom('receipt_displays')
    .where('token_hash', '=', idOf(token))
    .returning(['sealed_receipt', 'expires_at'])
    .executeTakeFirst();
  await deps.db.deleteFrom('receipt_displays').where('expires_at', '<', deps.now().toISOString()).execute();
  if (!row || row.expires_at < deps.now().toISOString()) return null;
  return open(keyOf(token), row.sealed_receipt).toString();
}
