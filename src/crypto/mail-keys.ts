/**
 * Keyed fingerprints for e-mail intake, so that the database never holds a Message-ID or a sender address, and a copy
 * of it cannot confirm a known one (an unkeyed hash could be recomputed from a guess). Both are HMAC-SHA-512-256
 * (`mac`) under subkeys of the server secret (settings.server_secret, 32 bytes; `deriveSubkey`, context `confmail`):
 * subkey 1 for Message-IDs, subkey 2 for senders. @returns lowercase hex, 64 characters
 */
import { deriveSubkey, mac, wipe } from './sodium.ts';

function keyed(serverSecret: Buffer, id: number, value: string): string {
  const key = deriveSubkey(serverSecret, id, 'confmail');
  try {
    return mac(key, Buffer.from(value, 'utf8')).toString('hex');
  } finally {
    wipe(key);
  }
}

/** The stored form of a Message-ID (compared as sent, angle brackets trimmed). */
export const mailMessageKey = (serverSecret: Buffer, messageId: string): string =>
  keyed(serverSecret, 1, messageId.trim().replace(/^<|>$/g, ''));

/** The throttle form of a sender (an envelope address, lowercased, or a client IP address). */
export const mailSenderKey = (serverSecret: Buffer, sender: string): string =>
  keyed(serverSecret, 2, sender.trim().toLowerCase());
