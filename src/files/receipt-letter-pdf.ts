/**
 * The letter that hands a receipt over by post, when a report was made by letter, phone or in person and the
 * person wants the receipt sent to them: a one-page A4 PDF (pdf-lib, standard Helvetica) with the receipt in groups,
 * the follow-up address and what to do next, in the report's language (src/files/receipt-letter-text.ts).
 * It names no category, answer or identity, so a letter opened by someone else tells only that a report was made.
 */
import { a4Document, MUTED } from './pdf-writer.ts';
import { letterText } from './receipt-letter-text.ts';

export interface ReceiptLetterContent {
  authority: string;
  /** As shown to the operator: nine groups of four digits separated by spaces. */
  receipt: string;
  /** The follow-up page's full address, e.g. https://report.example.org/follow-up */
  followUpUrl: string;
  /** BCP 47 tag of the report's language. */
  language: string;
  /** ISO 8601 UTC: the document's creation date. */
  issuedAt: string;
}

/** @returns the PDF file's bytes */
export async function renderReceiptLetter(c: ReceiptLetterContent): Promise<Uint8Array> {
  const t = letterText(c.language);
  const { doc, w } = await a4Document({ title: t.title, language: c.language, issuedAt: c.issuedAt });
  w.text(c.authority, { size: 13, bold: true, color: MUTED, gap: 6 });
  w.text(t.title, { size: 24, bold: true, gap: 12 });
  w.text(t.intro(c.authority), { gap: 8 });
  w.rule();
  w.text(t.receiptLabel, { size: 9, color: MUTED, gap: 2 });
  w.text(c.receipt.split(/\s+/).filter(Boolean).join(' '), { size: 18, bold: true, gap: 12 });
  w.field(t.addressLabel, c.followUpUrl);
  w.rule();
  w.text(t.stepsTitle, { size: 13, bold: true, gap: 6 });
  for (const step of t.steps(c.followUpUrl)) w.text(step, { gap: 6 });
  w.rule();
  w.text(t.keepSafe, { size: 10, bold: true });
  w.text(t.noReceiptNoReport, { size: 9, color: MUTED });
  return doc.save();
}
