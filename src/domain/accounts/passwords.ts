/**
 * What a staff password must be: 12 to 1000 characters, and not easy to guess. Strength is estimated with zxcvbn-ts
 * (its English and common dictionaries, keyboard patterns, l33t and the person's own username and name as words an
 * attacker would try first); a score below 3 of 4 — fewer than about 10^8 guesses, which a copy of the database
 * would give up offline — is refused with the library's own warning and suggestions (issue 8 item 9: `aaaaaaaaaaaa`
 * and `password1234` were accepted). Used at setup, activation, password change, recovery and `npx confide user add`.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { DomainError, errors } from '../errors.ts';

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1000;
/** The lowest zxcvbn score accepted: 3 ("safely unguessable: moderate protection from an offline slow-hash attack"). */
export const MIN_SCORE = 3;
/**
 * Only the first 64 characters are analysed and l33t substitutions looked for in at most 10 of them: the estimate
 * runs on the event loop, and past these bounds a random 256-character password took over a second (measured).
 * Anything longer than 64 characters that starts strong is strong.
 */
const ANALYSED_CHARACTERS = 64;
const L33T_CHARACTERS = 10;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use (the dictionaries take a few hundred ms to load), never at import. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    maxLength: ANALYSED_CHARACTERS,
    l33tMaxSubstitutions: L33T_CHARACTERS,
  });
  return estimator;
}

/**
 * The cheap rules, checked before anything costly: 12 to 1000 characters (Unicode code points).
 * @throws DomainError weak_password | long_password (400)
 */
export function checkPasswordLength(password: string): void {
  if ([...password].length < MIN_PASSWORD)
    throw errors.invalid('weak_password', `The password needs at least ${MIN_PASSWORD} characters.`);
  if (password.length > MAX_PASSWORD)
    throw errors.invalid('long_password', `The password may have at most ${MAX_PASSWORD} characters.`);
}

/**
 * Refuses a password that is easy to guess. Runs zxcvbn on the event loop (tens of ms): on routes anyone can call,
 * call it only once the caller's credential (invitation codes, recovery key) has been checked.
 * @param userInputs the person's username and display name: a password built on them is weak
 * @throws DomainError weak_password (400) with zxcvbn's warning and suggestions in the message
 */
export function checkPasswordStrength(password: string, userInputs: string[]): void {
  const words = userInputs.flatMap((input) => [input, ...input.split(/[\s._@-]+/)]).filter((w) => w.length > 2);
  const result = zxcvbn().check(password, words);
  if (result.score >= MIN_SCORE) return;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
  const how = advice.length > 0 ? advice.join(' ') : 'Add a few more words that are not common.';
  throw errors.invalid('weak_password', `This password is too easy to guess. ${how}`);
}

/** Both checks, for callers that have no credential to check first (setup, the CLI, a signed-in user). */
export function checkNewPassword(password: string, userInputs: string[]): void {
  checkPasswordLength(password);
  checkPasswordStrength(password, userInputs);
}

/** A refusal of the new password itself (too short, too long, too easy to guess): the credential was right. */
export const isPasswordRefusal = (error: unknown): boolean =>
  error instanceof DomainError && (error.id === 'weak_password' || error.id === 'long_password');
