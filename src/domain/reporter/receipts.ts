/**
 * Making a report's receipt: at submission, and again when a receipt someone else saw (an intake operator read it
 * out, a letter or an auto-reply carried it) is replaced at the reporter's first sign-in. One code path for both,
 * so a replaced receipt is exactly as strong as a first one.
 */
import { deriveSecretKeys, newSalt } from '../../crypto/kdf.ts';
import { reporterKeyAd } from '../../crypto/case-keys.ts';
import { generateReceipt } from '../../crypto/receipt.ts';
import { seal, wipe } from '../../crypto/sodium.ts';
import { replaceReceiptColumns } from '../../store/reporter.ts';
import { inTransaction } from '../../store/transaction.ts';
import { currentCosts } from '../accounts/argon2-costs.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';

/** The columns of `reports` that a receipt sets. */
export interface ReceiptColumns {
  /** 10 digits, clear: the row's lookup key */
  receipt_locator: string;
  /** 16 bytes */
  receipt_salt: Buffer;
  /** Argon2id costs, JSON `{"m","t","p"}` */
  receipt_kdf: string;
  /** 32 bytes derived from the secret */
  receipt_verifier: Buffer;
  /** the report key sealed under the key derived from the secret (reporterKeyAd) */
  reporter_wrapped_key: Buffer;
}

/**
 * A fresh receipt for report `reportId` whose report key is `reportKey` (not wiped here). Runs one Argon2id.
 * @returns `receipt`: formatted in groups, to show once; `columns`: what to store
 */
export async function makeReceipt(
  deps: Pick<Deps, 'argon2'>,
  reportId: string,
  reportKey: Buffer,
): Promise<{ receipt: string; columns: ReceiptColumns }> {
  const receipt = generateReceipt();
  const salt = newSalt();
  const { verifier, kek } = await deriveSecretKeys(receipt.secret, salt, deps.argon2);
  try {
    return {
      receipt: receipt.receipt,
      columns: {
        receipt_locator: receipt.locator,
        receipt_salt: salt,
        receipt_kdf: currentCosts(deps),
        receipt_verifier: verifier,
        reporter_wrapped_key: seal(kek, reportKey, reporterKeyAd(reportId)),
      },
    };
  } finally {
    wipe(kek);
  }
}

/**
 * Replaces the receipt `oldLocator` of a report marked `receipt_rotate` by a new one, at most once: the update is
 * conditional on the old locator and the mark, in one transaction, so of two sign-ins at once only one replaces it
 * and the other finds the old receipt gone. Audited as `reporter.receipt_replaced`.
 * @returns the new receipt (formatted, to show once), or null when another sign-in replaced it first
 */
export async function replaceSeenReceipt(
  deps: Deps,
  reportId: string,
  reportKey: Buffer,
  oldLocator: string,
): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    const fresh = await makeReceipt(deps, reportId, reportKey);
    try {
      const replaced = await inTransaction(deps.db, async (trx) => {
        if (!(await replaceReceiptColumns(trx, reportId, oldLocator, fresh.columns))) return false;
        await audit(deps, trx, {
          actor: 'reporter',
          action: 'reporter.receipt_replaced',
          subject: `report:${reportId}`,
        });
        return true;
      });
      return replaced ? fresh.receipt : null;
    } catch (error) {
      // A new locator that happens to exist already (1 in 10^10 per report): draw again, as submission does.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Whether a store error is a unique-constraint violation (SQLite and PostgreSQL wordings). */
export const isUniqueViolation = (error: unknown): boolean =>
  /unique|duplicate/i.test(String((error as Error).message));
