/**
 * What a reporter typed, carried from a form post to the page that shows it again (Post/Redirect/Get).
 *
 * Why: a browser keeps the body of every POST that was answered with a page in its session history, and writes it
 * into the profile on disk for session restore (Chromium: `Sessions/Session_*`), where it outlives closing the
 * browser — answers, identity, messages and mistyped receipts, readable by the next person at the device. A POST
 * answered with a redirect leaves no body behind. So every reporter form is answered with 303 to a GET whose URL
 * carries only a random draft token (test/e2e/autofill.test.ts reads a Chromium profile after a report and finds
 * nothing typed in it).
 *
 * A draft is sealed under a key derived from its token and its scope (where it may be shown: a category's form, one
 * reporter session), found by a hash of both, and kept for DRAFT_MINUTES: a copy of the database alone opens none,
 * and the token from the browser history opens it only until then, in its scope. Forms shown from a draft send its
 * token back as `_draft`, and the next post drops it.
 */
import { hash } from '../../crypto/sodium.ts';
import { MINUTE } from '../../shared/time.ts';
import type { Deps } from '../deps.ts';
import { getSealed, isToken, newToken, putSealed, type StashAddress } from '../once.ts';

/** Minutes a draft stays readable: enough to reload the page or go back and forth, no more. */
export const DRAFT_MINUTES = 30;

const addressOf = (scope: string, token: string): StashAddress => ({
  id: hash(`draft:${scope}:${token}`).toString('hex'),
  key: hash(`draft-key:${scope}:${token}`),
});

/**
 * Stores `state` (JSON) for `scope`. @returns its token (43 base64url characters), for the redirect URL
 */
export async function stashDraft(deps: Pick<Deps, 'db' | 'now'>, scope: string, state: unknown): Promise<string> {
  const token = newToken();
  await putSealed(deps, addressOf(scope, token), JSON.stringify(state), DRAFT_MINUTES * MINUTE);
  return token;
}

/** The state stored under `token` for `scope`; null when there is none (unknown, expired, other scope). */
export async function readDraft<T>(deps: Pick<Deps, 'db' | 'now'>, scope: string, token: unknown): Promise<T | null> {
  if (!isToken(token)) return null;
  const text = await getSealed(deps, addressOf(scope, token), false);
  return text === null ? null : (JSON.parse(text) as T);
}

/** Deletes the draft `token` of `scope`, if there is one (a form sent from a page shown from it). */
export async function dropDraft(deps: Pick<Deps, 'db' | 'now'>, scope: string, token: unknown): Promise<void> {
  if (isToken(token)) await getSealed(deps, addressOf(scope, token), true);
}
