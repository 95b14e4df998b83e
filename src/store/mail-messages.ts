/** E-mails taken in as reports (`mail_messages`), by the keyed hash of their Message-ID (src/crypto/mail-keys.ts). */
import type { Database } from './database.ts';
import type { Tx } from './transaction.ts';

/** Records a message as taken in; throws the database's unique violation when it already was. */
export async function insertMailMessage(trx: Tx, messageKey: string, at: string): Promise<void> {
  await trx.insertInto('mail_messages').values({ message_key: messageKey, received_at: at }).execute();
}

/** Whether a message with this key was already taken in. */
export async function mailMessageSeen(db: Database | Tx, messageKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('mail_messages')
    .select('message_key')
    .where('message_key', '=', messageKey)
    .executeTakeFirst();
  return row !== undefined;
}
