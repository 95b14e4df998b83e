/**
 * The letter that hands a receipt over by post, when a report was made by letter, phone or in person and the
 * person wants the receipt sent to them: a one-page A4 PDF (src/files/pdf-writer.ts) with the receipt in groups,
 * the follow-up address and what to do next, in the report's language (locales/<language>/documents.json,
 * `receiptLetter`). It names no category, answer or identity, so a letter opened by someone else tells only that a
 * report was made.
 */
import type { Language } from '../i18n/languages.ts';
import { translate } from '../i18n/server.ts';
import { isolate } from './pdf-text.ts';
import { a4Document, MUTED } from './pdf-writer.ts';

export interface ReceiptLetterContent {
  /** The authority's name, as the profile gives it in `language`. */
  authority: string;
  /** As shown to the operator: nine groups of four digits separated by spaces. */
  receipt: string;
  /** The follow-up page's full address, e.g. https://report.example.org/follow-up */
  followUpUrl: string;
  /** The report's language. */
  language: Language;
  /** ISO 8601 UTC: the document's creation date. */
  issuedAt: string;
}

/** @returns the PDF file's bytes */
export async function renderReceiptLetter(c: ReceiptLetterContent): Promise<Uint8Array> {
  const t = translate(c.language, 'documents');
  const address = isolate(c.followUpUrl);
  const authority = isolate(c.authority);
  const { doc, w } = await a4Document({
    title: t('receiptLetter.title'),
    language: c.language,
    issuedAt: c.issuedAt,
  });
  w.text(authority, { size: 13, bold: true, color: MUTED, gap: 6 });
  w.text(t('receiptLetter.title'), { size: 24, bold: true, gap: 12 });
  w.text(t('receiptLetter.intro', { authority }), { gap: 8 });
  w.rule();
  w.text(t('receiptLetter.receiptLabel'), { size: 9, color: MUTED, gap: 2 });
  // The receipt's groups read left to right in every language.
  w.text(isolate(c.receipt.split(/\s+/).filter(Boolean).join(' ')), { size: 18, bold: true, gap: 12 });
  w.field(t('receiptLetter.addressLabel'), c.followUpUrl);
  w.rule();
  w.text(t('receiptLetter.stepsTitle'), { size: 13, bold: true, gap: 6 });
  w.text(t('receiptLetter.step1', { address }), { gap: 6 });
  w.text(t('receiptLetter.step2'), { gap: 6 });
  w.text(t('receiptLetter.step3'), { gap: 6 });
  w.text(t('receiptLetter.step4'), { gap: 6 });
  w.rule();
  w.text(t('receiptLetter.keepSafe'), { size: 10, bold: true });
  w.text(t('receiptLetter.noReceiptNoReport'), { size: 9, color: MUTED });
  return doc.save();
}
