/**
 * The reporter's identity: what a holder of the case may see of it, what the reporter is told about it, and the
 * reporter adding it later of their own accord.
 *
 * - The identity answered with the report is sealed under the identity key, which only custodians hold (`identity`
 *   grants) until a custodian approves a disclosure and re-seals it to the requester (requests/disclose.ts).
 * - Identity added later is sealed to the report's identity public key, whose private key is sealed under the
 *   identity key: the reporter (who holds only the report key) can add but not read it back; whoever holds the
 *   identity key reads both.
 * - The reporter is told of each disclosure on the follow-up page, with the requester's notice, sealed under the
 *   report key (EU 2019/1937 Art. 16(3)).
 * @see EU 2019/1937 Art. 16; CEL 2023 Art. 16; MSS Order No. 2 Art. 5
 */
import { randomUUID } from 'node:crypto';
import { open, openJson, openSealed, randomKey, sealJson, sealTo, wipe } from '../../crypto/sodium.ts';
import { validateAnswers, type Answers } from '../../shared/answers.ts';
import type { CaseIdentity } from '../../shared/requests.ts';
import { audit } from '../audit/record.ts';
import { heldGrant } from '../../store/grants.ts';
import {
  findIdentityKeyOfReport,
  getReportIdentity,
  insertIdentityStatement,
  listIdentityStatements,
  listUsedDisclosures,
} from '../../store/identity.ts';
import { inTransaction } from '../../store/transaction.ts';
import { withCaseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { labelAnswers } from '../cases/answers.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { identityAd, identitySecretAd, identityStatementAd, reporterNoticeAd } from '../../crypto/case-keys.ts';
import type { OpenedSession } from '../accounts/sessions.ts';

/** A `sealTo` of a 32-byte key: 32 + crypto_box_SEALBYTES (48). */
const SEALED_KEY_BYTES = 80;

/** Form and error-detail names of identity fields: `identity.<field id>`. */
export const IDENTITY_PREFIX = 'identity.';

/**
 * Seals identity details added later: a fresh statement key sealed to the report's identity public key
 * (crypto_box_seal), followed by the details sealed under that key (XChaCha20-Poly1305, padded, bound to the
 * report and statement). A sealed box alone would neither pad the details nor bind them to their row.
 * @param publicKey the report's identity public key (32 bytes)
 */
export function sealStatement(publicKey: Buffer, reportId: string, statementId: string, answers: Answers): Buffer {
  const key = randomKey();
  try {
    return Buffer.concat([sealTo(publicKey, key), sealJson(key, answers, identityStatementAd(reportId, statementId))]);
  } finally {
    wipe(key);
  }
}

/** Opens a `sealStatement` with the identity key pair. @throws CryptoError on a wrong key or any modified bit */
export function openStatement(
  pair: { publicKey: Buffer; secretKey: Buffer },
  reportId: string,
  statementId: string,
  sealed: Buffer,
): Answers {
  const key = openSealed(pair.publicKey, pair.secretKey, sealed.subarray(0, SEALED_KEY_BYTES));
  try {
    return openJson<Answers>(key, sealed.subarray(SEALED_KEY_BYTES), identityStatementAd(reportId, statementId));
  } finally {
    wipe(key);
  }
}

/**
 * The reporter's identity for a holder of the case. With an `identity` grant (an approved disclosure): the identity
 * answered with the report and every statement added later, opened with the viewer's private key and audited as
 * `identity.read`. Without one: only `disclosed: false` and when the reporter came forward of their own accord —
 * never whether the reporter gave an identity when reporting.
 * @throws not_found without a case grant (custodians, administrators and operators hold none)
 */
export async function caseIdentity(deps: Deps, viewer: Viewer, reportId: string): Promise<CaseIdentity> {
  await withCaseKeys(deps, viewer, reportId, async () => undefined); // a case grant, or not_found
  const report = await getReportIdentity(deps.db, reportId);
  const grant = await heldGrant(deps.db, reportId, viewer.userId, 'identity');
  const reporterAddedAt = report.identity_added_at;
  if (!grant) return { disclosed: false, disclosedAt: null, reporterAddedAt, answers: null, statements: null };

  const fields = deps.profile().identity.fields;
  const identityKey = openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key);
  try {
    const answers = openJson<Answers>(identityKey, report.sealed_identity, identityAd(reportId));
    const rows = await listIdentityStatements(deps.db, reportId);
    const statements: CaseIdentity['statements'] = [];
    if (rows.length > 0 && report.identity_public_key && report.sealed_identity_secret) {
      const pair = {
        publicKey: report.identity_public_key,
        secretKey: open(identityKey, report.sealed_identity_secret, identitySecretAd(reportId)),
      };
      try {
        for (const s of rows)
          statements.push({
            addedAt: s.created_at,
            answers: labelAnswers(fields, openStatement(pair, reportId, s.id, s.sealed_identity)),
          });
      } finally {
        wipe(pair.secretKey);
      }
    }
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: viewer.userId, action: 'identity.read', subject: `report:${reportId}` }),
    );
    return {
      disclosed: true,
      disclosedAt: grant.created_at,
      reporterAddedAt,
      answers: labelAnswers(fields, answers),
      statements,
    };
  } finally {
    wipe(identityKey);
  }
}

export interface ReporterIdentityView {
  /** False for reports made before identity could be added later (no identity key pair). */
  canAdd: boolean;
  addedAt: string | null;
  /** Each approved disclosure, oldest first: when, and what the requester asked the reporter be told. */
  disclosures: { at: string; notice: string }[];
}

/** What the reporter is told about their identity, opened with the report key their session holds. */
export async function reporterIdentity(
  deps: Pick<Deps, 'db'>,
  session: Pick<OpenedSession, 'reportId' | 'key'>,
): Promise<ReporterIdentityView> {
  const reportId = session.reportId!;
  const report = await findIdentityKeyOfReport(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const disclosed = await listUsedDisclosures(deps.db, reportId);
  return {
    canAdd: report.identity_public_key !== null,
    addedAt: report.identity_added_at,
    disclosures: disclosed.map((d) => ({
      at: d.decided_at ?? '',
      notice: d.sealed_reporter_notice
        ? open(session.key, d.sealed_reporter_notice, reporterNoticeAd(reportId, d.id)).toString()
        : '',
    })),
  };
}

/** "Your identity was disclosed to a staff member handling your report on 5 March 2026." */
export const disclosedText = (date: string) =>
  `Your identity was disclosed to a staff member handling your report on ${date}.`;
/** What the reporter is told after adding their identity. */
export const addedText = (date: string) =>
  `You added your identity on ${date}. Only identity custodians can read it; it is disclosed to others only with approval.`;
export const CANNOT_ADD =
  'Adding your identity is not possible for this report: it was made before this was offered. If you want to come forward, you can tell staff in a message, or make a new report.';

/**
 * The reporter adds identity details of their own accord: checked against the profile's identity questions,
 * sealed to the report's identity public key, and recorded as a statement; `identity_added_at` is set.
 * @param raw answers by identity field id (form values or JSON)
 * @returns when it was added
 * @throws validation_failed (details: `identity.<field id>` → message) | invalid/empty_identity (nothing filled in) |
 *   conflict/identity_not_possible (a report made before identity could be added later)
 */
export async function addIdentity(
  deps: Deps,
  session: Pick<OpenedSession, 'reportId'>,
  raw: Record<string, unknown>,
): Promise<{ addedAt: string }> {
  const reportId = session.reportId!;
  const report = await findIdentityKeyOfReport(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  if (!report.identity_public_key) throw errors.conflict('identity_not_possible', CANNOT_ADD);
  const result = validateAnswers(deps.profile().identity.fields, raw);
  if (!result.ok)
    throw errors.validation(
      Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [IDENTITY_PREFIX + k, v])),
    );
  const given = Object.values(result.answers).some((v) => v !== null && v !== false && v !== '');
  if (!given) throw errors.invalid('empty_identity', 'Please fill in at least one of the questions about you.');
  const id = randomUUID();
  const at = deps.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    const sealed = sealStatement(report.identity_public_key!, reportId, id, result.answers);
    await insertIdentityStatement(trx, { id, reportId, sealed, at });
    await audit(deps, trx, { actor: 'reporter', action: 'identity.add', subject: `report:${reportId}` });
  });
  return { addedAt: at };
}
