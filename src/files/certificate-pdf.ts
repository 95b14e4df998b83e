/**
 * The certificate of receipt as a one-page A4 PDF in any shipped language (src/files/pdf-writer.ts: fonts embedded,
 * subset; nothing is fetched), its sentences from locales/<language>/documents.json (`certificate`). It states that
 * a report was received and when; it carries no receipt, answer or identity, so it can be shown to an employer, a
 * lawyer or a court without revealing the report.
 * @see CEL 2023 Art. 55 (coming forward promptly); REQUIREMENTS #35, #36
 */
import type { Language } from '../i18n/languages.ts';
import { translate } from '../i18n/server.ts';
import type { Channel } from '../shared/api.ts';
import { isolate } from './pdf-text.ts';
import { a4Document, MUTED } from './pdf-writer.ts';

export interface CertificateContent {
  /** The authority's name, as the profile gives it in `language`. */
  authority: string;
  reference: string;
  /** The category's title, as the profile gives it in `language`. */
  categoryTitle: string;
  channel: Channel;
  /** ISO 8601 UTC. */
  receivedAt: string;
  /** ISO 8601 UTC. */
  issuedAt: string;
  /** As printed, in groups. */
  code: string;
  /** The tamper-evident audit log's entry for the submission. */
  audit: { seq: number; hash: string };
  /** Worded for someone coming forward about their own involvement (CEL 2023 Art. 55). */
  selfDisclosure: boolean;
  /** IANA time zone of the authority, e.g. 'Asia/Shanghai': the time in words is given in it. */
  timeZone: string;
}

/**
 * The instant `iso` in words in `language`, in `timeZone`, with the zone's name: "November 29, 2026 at 4:16:04 PM
 * UTC", "2026年11月29日 UTC 16:16:04" (Intl, CLDR data of the running Node).
 */
export function timeInWords(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'long', timeZone }).format(new Date(iso));
}

/** @returns the PDF file's bytes */
export async function renderCertificate(c: CertificateContent, language: Language): Promise<Uint8Array> {
  const t = translate(language, 'documents');
  const authority = isolate(c.authority);
  const { doc, w } = await a4Document({
    title: t('certificate.documentTitle', { reference: c.reference }),
    subject: t('certificate.title'),
    language,
    issuedAt: c.issuedAt,
  });

  w.text(authority, { size: 13, bold: true, color: MUTED, gap: 6 });
  w.text(t('certificate.title'), { size: 24, bold: true, gap: 12 });
  w.text(t(c.selfDisclosure ? 'certificate.introSelfDisclosure' : 'certificate.intro', { authority }), { gap: 8 });
  w.rule();
  w.field(t('certificate.referenceLabel'), c.reference);
  w.field(t('certificate.categoryLabel'), c.categoryTitle);
  w.field(t('certificate.channelLabel'), t(`certificate.channel.${c.channel}`));
  w.field(t('certificate.receivedIso'), c.receivedAt);
  w.field(t('certificate.receivedLocal'), timeInWords(c.receivedAt, language, c.timeZone));
  w.field(t('certificate.issuedIso'), c.issuedAt);
  w.field(t('certificate.codeLabel'), c.code);
  w.field(t('certificate.auditLabel'), t('certificate.auditEntry', { seq: c.audit.seq, hash: c.audit.hash }), true);
  w.rule();
  w.text(t('certificate.chainNote'), { size: 9, color: MUTED });
  w.text(t('certificate.howToCheck', { authority }), { size: 9, color: MUTED });
  w.text(t('certificate.noReceipt'), { size: 9, color: MUTED });
  return doc.save();
}
