/**
 * The optional auto-reply to an e-mail report (CONFIDE_MAIL_AUTO_REPLY, off by default): the reference and the
 * receipt, with a plain warning that e-mail is not anonymous and that the receipt is replaced at its first use (the
 * report is stored with `rotateReceipt`: the reply passed through mail servers, and may have gone to someone who
 * forged the From address). Sent through the staff mailer (src/mail/mailer.ts). Never to automatic mail (RFC 3834:
 * Auto-Submitted, mailing lists, bounces), so two robots cannot mail each other forever.
 */
import type { ParsedMail } from 'mailparser';
import type { Deps } from '../deps.ts';

/** Whether a reply may go to this message's sender. */
export function wantsAutoReply(mail: ParsedMail, sender: { address: string } | null): boolean {
  if (!sender) return false;
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  if (header('auto-submitted') && header('auto-submitted') !== 'no') return false;
  if (['bulk', 'list', 'junk'].includes(header('precedence')) || mail.headers.has('list-id')) return false;
  return !/^(mailer-daemon|postmaster|no-?reply)@/i.test(sender.address);
}

/** The reply's text (English: the profile's texts hold no mail wording yet). */
export function autoReplyText(reference: string, receipt: string, followUpUrl: string): string {
  return [
    `Your report was received. Its reference is ${reference}.`,
    '',
    `Your receipt: ${receipt}`,
    '',
    `With the receipt you can read replies and add information at ${followUpUrl}. Keep it secret: anyone who has it can read your report.`,
    '',
    'E-mail is not anonymous: your address, and this receipt, passed through mail servers that may keep them. So the receipt must be replaced the first time it is used: at your first sign-in you are given a new one, and this one stops working. Delete this e-mail afterwards.',
  ].join('\n');
}

/**
 * Sends the reply. A failure is logged (its code only, never the address) and reported as false: the report stays
 * stored either way.
 */
export async function sendAutoReply(
  deps: Pick<Deps, 'mailer' | 'notify'>,
  to: string,
  stored: { reference: string; receipt: string },
  log: { warn(obj: object, msg: string): void },
): Promise<boolean> {
  if (!deps.mailer) return false;
  const followUp = `${deps.notify.staffUrl.replace(/staff\/?$/, '')}follow-up`;
  try {
    await deps.mailer.send({
      to,
      subject: `Report ${stored.reference} received`,
      text: autoReplyText(stored.reference, stored.receipt, followUp),
    });
    return true;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    log.warn({ responseCode: code }, 'the auto-reply to an e-mail report could not be sent');
    return false;
  }
}
