/**
 * The certificate of receipt as a one-page A4 PDF (pdf-lib, the standard Helvetica font: no font file is embedded
 * and nothing is fetched). It states that a report was received and when; it carries no receipt, answer or
 * identity, so it can be shown to an employer, a lawyer or a court without revealing the report.
 * @see CEL 2023 Art. 55 (coming forward promptly); REQUIREMENTS #35, #36
 */
import { a4Document, MUTED } from './pdf-writer.ts';

export interface CertificateContent {
  authority: string;
  reference: string;
  categoryTitle: string;
  /** The channel in words, e.g. "Web form". */
  channel: string;
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
}

/** "Sunday, 29 November 2026 at 16:16:04 UTC": the same instant as the ISO form, in words. */
export function timeInWords(iso: string): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${date} at ${time} UTC`;
}

/** @returns the PDF file's bytes */
export async function renderCertificate(c: CertificateContent): Promise<Uint8Array> {
  const { doc, w } = await a4Document({
    title: `Certificate of receipt ${c.reference}`,
    subject: 'Certificate of receipt',
    issuedAt: c.issuedAt,
  });

  w.text(c.authority, { size: 13, bold: true, color: MUTED, gap: 6 });
  w.text('Certificate of receipt', { size: 24, bold: true, gap: 12 });
  w.text(
    c.selfDisclosure
      ? `This certifies that ${c.authority} received a report in which a person came forward about their own involvement, at the time stated below. It is proof that the report was made, and when (Counter-Espionage Law 2023, Article 55).`
      : `This certifies that ${c.authority} received a report through its confidential reporting channel at the time stated below. It is proof that the report was made, and when.`,
    { gap: 8 },
  );
  w.rule();
  w.field('Report reference', c.reference);
  w.field('Kind of report', c.categoryTitle);
  w.field('Channel', c.channel);
  w.field('Received (UTC, ISO 8601)', c.receivedAt);
  w.field('Received (in words)', timeInWords(c.receivedAt));
  w.field('Certificate issued (UTC, ISO 8601)', c.issuedAt);
  w.field('Verification code', c.code);
  w.field('Audit record of the submission', `Entry ${c.audit.seq} of the audit log, hash ${c.audit.hash}`, true);
  w.rule();
  w.text(
    'The audit log chains every entry to the one before it by a hash, so the entry above ties the time of receipt to the whole record: it cannot be changed later without breaking the chain.',
    { size: 9, color: MUTED },
  );
  w.text(
    `To check this certificate, ask ${c.authority} to enter the verification code in its workspace: they will see the reference, the kind of report and the times shown here.`,
    { size: 9, color: MUTED },
  );
  w.text(
    'This certificate does not contain the receipt, what was reported, or who reported it. Keep the receipt separately: it is the only way back to the report.',
    { size: 9, color: MUTED },
  );
  return doc.save();
}
