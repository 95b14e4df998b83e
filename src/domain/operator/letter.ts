/** The receipt letter an operator prints for a postal reply (src/files/receipt-letter-pdf.ts). */
import { formatReceipt, parseReceipt } from '../../crypto/receipt.ts';
import { renderReceiptLetter } from '../../files/receipt-letter-pdf.ts';
import { matchLanguage } from '../../i18n/languages.ts';
import { profileIn } from '../../profiles/localize.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';

/**
 * The letter for `receipt`, just given to an operator, with the follow-up address `followUpUrl`, in the profile's
 * language (the language of reports recorded by operators). Nothing is stored or looked up: the receipt is only
 * checked for its form, so a typing slip in a copied receipt is caught before it is printed.
 * @returns the PDF's bytes and a file name
 * @throws DomainError receipt_typo
 */
export async function receiptLetter(
  deps: Pick<Deps, 'profile' | 'now'>,
  receipt: string,
  followUpUrl: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const parsed = parseReceipt(receipt);
  if (!parsed.ok)
    throw errors.invalid('receipt_typo', 'This is not the receipt just shown: please record the report again.');
  const language = matchLanguage(deps.profile().language) ?? 'en';
  const profile = profileIn(deps.profile(), language);
  const pdf = await renderReceiptLetter({
    authority: profile.authority,
    // Well-formed (parsed above): its 36 digits, in groups.
    receipt: formatReceipt(receipt.normalize('NFKC').replace(/[^0-9]/g, '')),
    followUpUrl,
    language,
    issuedAt: deps.now().toISOString(),
  });
  return { pdf, fileName: 'receipt-letter.pdf' };
}
