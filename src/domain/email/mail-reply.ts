/**
 * The optional auto-reply to an e-mail report (CONFIDE_MAIL_AUTO_REPLY, off by default): the reference and the
 * receipt, with a plain warning that e-mail is not anonymous and that the receipt is replaced at its first use (the
 * report is stored with `rotateReceipt`: the reply passed through mail servers, and may have gone to someone who
 * forged the From address). Sent through the staff mailer (src/mail/mailer.ts), in the profile's default language. Never to automatic mail (RFC 3834:
 * Auto-Submitted, mailing lists, bounces), so two robots cannot mail each other forever.
 */
import type { ParsedMail } from 'mailparser';
import { matchLanguage, type Language } from '../../i18n/languages.ts';
import { translate } from '../../i18n/server.ts';
import type { Profile } from '../../shared/profile.ts';
import type { Deps } from '../deps.ts';

/** Whether a reply may go to this message's sender. */
export function wantsAutoReply(mail: ParsedMail, sender: { address: string } | null): boolean {
  if (!sender) return false;
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  if (header('auto-submitted') && header('auto-submitted') !== 'no') return false;
  if (['bulk', 'list', 'junk'].includes(header('precedence')) || mail.headers.has('list-id')) return false;
  return !/^(mailer-daemon|postmaster|no-?reply)@/i.test(sender.address);
}

/** The language of the reply: the profile's default language when Confide ships it, else English. */
export function autoReplyLanguage(profile: Pick<Profile, 'language'>): Language {
  return matchLanguage(profile.language) ?? 'en';
}

/** The reply's subject and text in `language` (locales/<language>/mail.json, `autoReply.*`). */
export function autoReply(
  reference: string,
  receipt: string,
  followUpUrl: string,
  language: Language = 'en',
): { subject: string; text: string } {
  const t = translate(language, 'mail');
  return {
    subject: t('autoReply.subject', { reference }),
    text: [
      t('autoReply.received', { reference }),
      '',
      t('autoReply.receipt', { receipt }),
      '',
      t('autoReply.followUp', { url: followUpUrl }),
      '',
      t('autoReply.anonymity'),
    ].join('\n'),
  };
}

/**
 * Sends the reply. A failure is logged (its code only, never the address) and reported as false: the report stays
 * stored either way.
 */
export async function sendAutoReply(
  deps: Pick<Deps, 'mailer' | 'notify' | 'profile'>,
  to: string,
  stored: { reference: string; receipt: string },
  log: { warn(obj: object, msg: string): void },
): Promise<boolean> {
  if (!deps.mailer) return false;
  const followUp = `${deps.notify.staffUrl.replace(/staff\/?$/, '')}follow-up`;
  try {
    const language = autoReplyLanguage(deps.profile());
    await deps.mailer.send({ to, ...autoReply(stored.reference, stored.receipt, followUp, language) });
    return true;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    log.warn({ responseCode: code }, 'the auto-reply to an e-mail report could not be sent');
    return false;
  }
}
