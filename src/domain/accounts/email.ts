/**
 * Staff e-mail addresses: where "work is waiting" notices go (src/mail sends them). A person without one sees work in the workspace only.
 * Setting a user's address is an account change: `setUserEmail` in src/domain/accounts/user-admin.ts.
 */
import { errors } from '../errors.ts';

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
