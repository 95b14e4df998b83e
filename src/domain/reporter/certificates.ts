/**
 * Certificates of receipt: a PDF a reporter can keep as proof that a report was made, and when — the exact time
 * received, tied to the tamper-evident audit log by the submission's entry (sequence number and hash), with a
 * verification code that staff check in the workspace. Only a hash of the code is stored; the certificate carries
 * no receipt, answer or identity. Issuing and checking are audited.
 * @see CEL 2023 Art. 55 (promptly coming forward); REQUIREMENTS #35, #36
 */
import { createHash } from 'node:crypto';
import { parseReceipt } from '../../crypto/receipt.ts';
import { randomBytes, wipe } from '../../crypto/sodium.ts';
import { renderCertificate } from '../../files/certificate-pdf.ts';
import type { Language } from '../../i18n/languages.ts';
import { profileIn } from '../../profiles/localize.ts';
import type { Channel } from '../../shared/api.ts';
import type { CertificateVerifyResponse } from '../../shared/certificates.ts';
import {
  findCategoryByLocator,
  findCertificateByHash,
  findReportForCertificate,
  findSubmissionEntry,
  insertCertificate,
} from '../../store/certificates.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Viewer } from '../viewer.ts';
import { categoryOf } from '../categories.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { verifyReceipt } from './follow-up.ts';
import { refundCertificateAttempt, takeCertificateAttempt } from '../throttle.ts';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 characters of 5 bits: 100 bits, printed in five groups of four. */
export const CODE_CHARS = 20;

const CHANNEL_WORDS: Record<Channel, string> = {
  web: 'Web form',
  phone: 'Telephone',
  post: 'Letter',
  email: 'E-mail',
  in_person: 'In person',
  referral: 'Referral from another authority',
};

/** A fresh verification code, e.g. `7KQ2-M9XD-0HZC-4TRW-B1PE` (100 bits). */
export function newCertificateCode(): string {
  const bytes = randomBytes(13); // 104 bits; the first 100 are used
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  bits >>= 4n;
  let chars = '';
  for (let i = 0; i < CODE_CHARS; i++) {
    chars = ALPHABET[Number(bits & 31n)]! + chars;
    bits >>= 5n;
  }
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The code as stored (hashed): upper case, without spaces or dashes, with O read as 0 and I or L as 1.
 * @returns null when it cannot be a code
 */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_CHARS || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

const codeHash = (normalized: string) => createHash('sha256').update(normalized).digest('hex');

export interface IssuedCertificate {
  pdf: Uint8Array;
  /** `certificate-of-receipt-R-XXXXXXXX.pdf` */
  fileName: string;
}

/**
 * Issues a certificate of receipt for a report: a new code (its hash stored), a PDF in `language`, an audit entry.
 * @param language the language of the page it is asked from
 * @param actor who asked: 'reporter' (receipt page, follow-up)
 * @throws not_found when the report is gone
 */
export async function issueCertificate(
  deps: Deps,
  reportId: string,
  language: Language,
  actor: string = 'reporter',
): Promise<IssuedCertificate> {
  const report = await findReportForCertificate(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const entry = await findSubmissionEntry(deps.db, reportId);
  if (!entry)
    throw errors.unavailable(
      'no_audit_record',
      'The record of this report’s receipt could not be found, so no certificate can be issued. Please contact us through another channel.',
    );
  const profile = profileIn(deps.profile(), language);
  const category = profile.categories.find((c) => c.id === report.category);
  const code = newCertificateCode();
  const issuedAt = deps.now().toISOString();
  const pdf = await renderCertificate(
    {
      authority: profile.authority,
      reference: report.reference,
      categoryTitle: category?.title ?? report.category,
      channel: report.channel as Channel,
      receivedAt: report.received_at,
      issuedAt,
      code,
      audit: { seq: Number(entry.seq), hash: entry.hash },
      selfDisclosure: category?.kind === 'self_disclosure',
      // The authority's time zone (the profile's `timeZone`, UTC by default).
      timeZone: profile.timeZone,
    },
    language,
  );
  await inTransaction(deps.db, async (trx) => {
    await insertCertificate(trx, codeHash(normalizeCertificateCode(code)!), reportId, issuedAt);
    await audit(deps, trx, { actor, action: 'certificate.issue', subject: `report:${reportId}` });
  });
  return { pdf, fileName: `certificate-of-receipt-${report.reference}.pdf` };
}

/**
 * Issues a certificate to whoever holds the receipt (the receipt page, shown once, posts it back).
 * @throws as verifyReceipt: receipt_typo | unauthorized | too_many_attempts
 */
export async function issueCertificateForReceipt(
  deps: Deps,
  receipt: string,
  language: Language,
): Promise<IssuedCertificate> {
  const { reportId, reportKey } = await verifyReceipt(deps, receipt);
  wipe(reportKey);
  return issueCertificate(deps, reportId, language);
}

/**
 * Whether a receipt just shown belongs to a self-disclosure, so the receipt page words its offer for it. Only for a
 * receipt the server itself has just handed out (the receipt page): the locator is looked up, the secret not checked.
 */
export async function receiptIsSelfDisclosure(deps: Pick<Deps, 'db' | 'profile'>, receipt: string): Promise<boolean> {
  const parsed = parseReceipt(receipt);
  if (!parsed.ok) return false;
  const row = await findCategoryByLocator(deps.db, parsed.locator);
  return categoryOf(deps, row?.category)?.kind === 'self_disclosure';
}

/**
 * Checks a verification code. Ten wrong codes in 15 minutes from one person pause their checks for the rest of the
 * window (`takeCertificateAttempt`).
 * @throws too_many_attempts
 */
export async function verifyCertificate(deps: Deps, viewer: Viewer, input: string): Promise<CertificateVerifyResponse> {
  await takeCertificateAttempt(deps, viewer.userId);
  const normalized = normalizeCertificateCode(input);
  const row = normalized ? await findCertificateByHash(deps.db, codeHash(normalized)) : undefined;
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, {
      actor: viewer.userId,
      action: 'certificate.verify',
      subject: row ? `report:${row.report_id}` : null,
      reason: row ? 'valid' : 'not valid',
    }),
  );
  if (!row) return { valid: false };
  await refundCertificateAttempt(deps, viewer.userId); // only wrong codes count
  const category = categoryOf(deps, row.category);
  return {
    valid: true,
    reference: row.reference,
    category: category?.title ?? row.category,
    channel: CHANNEL_WORDS[row.channel as Channel] ?? row.channel,
    receivedAt: row.received_at,
    issuedAt: row.issued_at,
  };
}
