/**
 * An e-mail becomes a report (issue 10 item 5), whichever way it arrived (SMTP receiver, IMAP polling, import-eml).
 * The message is parsed with mailparser (an HTML-only body is reduced to text by its html-to-text); the Subject and
 * body go, sealed, into the configured long-text answer; the sender's name and address into the sealed identity;
 * attachments through `ReportDraft.addFile`, cleaned and sealed like any upload. Nothing of the message is logged,
 * audited or stored in clear: the only new clear value is a keyed hash of its Message-ID (src/crypto/mail-keys.ts),
 * written in the report's own transaction, so a second delivery of the same message makes no second report.
 * A message mailparser cannot read at all still makes a report: a short note, with the message as received attached
 * as a sealed original (its cleaning fails: the original stays sealed to the evidence key).
 */
import { Readable } from 'node:stream';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { mailMessageKey } from '../../crypto/mail-keys.ts';
import { insertMailMessage, mailMessageSeen } from '../../store/mail-messages.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { ReportDraft } from '../reporter/submit.ts';
import type { MailIntakeSettings } from './mail-settings.ts';
import { sendAutoReply, wantsAutoReply } from './mail-reply.ts';

export type MailOutcome =
  { status: 'stored'; reference: string; reportId: string; autoReplied: boolean } | { status: 'duplicate' };

/** What the caller logs besides the outcome: never the message's content. */
export interface MailLog {
  warn(obj: object, msg: string): void;
}

const ALREADY = 'mail_already_received';

/**
 * Takes one message in.
 * @param raw the message as received (RFC 5322), whole
 * @returns `stored` with the report's reference, or `duplicate` when a message with this Message-ID was taken before
 * @throws DomainError from `ReportDraft` (not_accepting, validation_failed, too_large: more attachments than
 *   CONFIDE_MAX_FILES or one over CONFIDE_MAX_FILE_BYTES); database and file-store errors (the caller answers
 *   "try again later": nothing was stored)
 */
export async function receiveMail(
  deps: Deps,
  settings: MailIntakeSettings,
  raw: Buffer,
  log: MailLog,
): Promise<MailOutcome> {
  let mail: ParsedMail | null = null;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, keepCidLinks: true });
  } catch (error) {
    log.warn({ err: (error as Error).name }, 'an e-mail could not be parsed: stored as a sealed original');
  }
  const messageKey = mail?.messageId ? mailMessageKey(deps.serverSecret, mail.messageId) : null;
  if (messageKey && (await mailMessageSeen(deps.db, messageKey))) return { status: 'duplicate' };

  const draft = new ReportDraft(deps);
  const sender = mail ? senderOf(mail.from) : null;
  const reply = mail !== null && settings.autoReply && deps.mailer !== null && wantsAutoReply(mail, sender);
  try {
    if (mail) {
      for (const [i, a] of mail.attachments.entries())
        await draft.addFile({
          name: a.filename ?? `attachment-${i + 1}`,
          type: a.contentType,
          stream: Readable.from([a.content]),
          skipIfEmpty: true,
        });
    } else {
      await draft.addFile({ name: 'message.eml', type: 'message/rfc822', stream: Readable.from([raw]) });
    }
    const body = mail ? messageText(mail) : UNREADABLE;
    const { text, overflow } = fit(body, settings.maxTextLength);
    if (overflow)
      await draft.addFile({ name: 'message.txt', type: 'text/plain', stream: Readable.from([Buffer.from(body)]) });
    const identity: Record<string, unknown> = {};
    if (settings.nameField && sender?.name) identity[settings.nameField] = sender.name.slice(0, 300);
    if (settings.addressField && sender?.address) identity[settings.addressField] = `E-mail: ${sender.address}`;
    const stored = await draft.submit(
      {
        categoryId: settings.categoryId,
        channel: 'email',
        answers: { ...settings.answers, [settings.textField]: text },
        identity,
        ...(reply ? { rotateReceipt: true } : {}),
      },
      {
        afterInsert: async (trx) => {
          if (!messageKey) return;
          // Another delivery of the same message may have been stored since the check above. (On PostgreSQL two
          // at once can both pass this; the second then fails on the key, and submit's retry lands here.)
          if (await mailMessageSeen(trx, messageKey)) throw new DomainError('conflict', ALREADY, 'Already received.');
          await insertMailMessage(trx, messageKey, deps.now().toISOString());
        },
      },
    );
    const autoReplied = reply && sender ? await sendAutoReply(deps, sender.address, stored, log) : false;
    return { status: 'stored', reference: stored.reference, reportId: stored.reportId, autoReplied };
  } catch (error) {
    await draft.discard();
    if (error instanceof DomainError && error.id === ALREADY) return { status: 'duplicate' };
    throw error;
  }
}

/** The note a report holds when its e-mail could not be read. */
const UNREADABLE =
  'This e-mail could not be read (its MIME structure is damaged). The message as received is attached as a sealed original.';

/** Subject and body as one text; the Subject line is absent when the message had none. */
function messageText(mail: ParsedMail): string {
  const body = (mail.text ?? '').trim() || '(The e-mail had no text.)';
  return mail.subject ? `Subject: ${mail.subject}\n\n${body}` : body;
}

/** A text cut to `max` characters (code points) with a note, when longer; the whole text is then attached. */
function fit(body: string, max: number): { text: string; overflow: boolean } {
  const chars = [...body];
  if (chars.length <= max) return { text: body, overflow: false };
  const note = '\n\n[…] The whole message is attached as message.txt.';
  return { text: chars.slice(0, max - note.length).join('') + note, overflow: true };
}

/** The first From address, if any. */
function senderOf(from: AddressObject | undefined): { address: string; name: string } | null {
  const first = from?.value.find((a) => a.address);
  return first?.address ? { address: first.address, name: first.name } : null;
}
