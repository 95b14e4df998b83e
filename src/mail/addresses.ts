/** Staff e-mail addresses: where "work is waiting" notices go. A person without one sees work in the workspace only. */
import { audit } from '../domain/audit.ts';
import type { Deps } from '../domain/deps.ts';
import { errors } from '../domain/errors.ts';

/** One plain address: local@domain, no spaces, brackets, commas or quotes (so it can never add a header or a recipient). */
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+$/;

/**
 * @returns the address trimmed, or null for an empty one
 * @throws DomainError invalid_email
 */
export function checkEmail(email: string | null | undefined): string | null {
  const value = email?.trim() ?? '';
  if (value === '') return null;
  if (value.length > 254 || !ADDRESS.test(value))
    throw errors.invalid('invalid_email', `"${value}" is not an e-mail address like name@example.org.`);
  return value;
}

/**
 * Sets (or, with null, removes) a staff user's notice address. Audited without the address itself.
 * @throws DomainError invalid_email | not_found
 */
export async function setUserEmail(
  deps: Pick<Deps, 'db' | 'dialect' | 'now'>,
  userId: string,
  email: string | null,
  actor: string | null = 'system',
): Promise<void> {
  const value = checkEmail(email);
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('users').set({ email: value }).where('id', '=', userId).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.notFound('No such user.');
    await audit(deps, trx, {
      actor,
      action: value ? 'user.email.set' : 'user.email.remove',
      subject: `user:${userId}`,
    });
  });
}
