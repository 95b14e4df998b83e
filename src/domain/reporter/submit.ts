/**
 * Taking a report in. The report, case, identity and evidence keys are made fresh; answers are sealed under the
 * report key, the identity section under the identity key, originals under file keys sealed to an evidence key
 * pair; the report is granted to the active managers of its category (its supervisors; its oversight officers for
 * a complaint about an official, CEL 2023 Art. 52 — or its supervisors when the complaint names every one of them)
 * and its identity key to the active custodians of its category — except staff the report names (`namesStaff`
 * fields), who are excluded from it; the reporter's receipt wraps the report key.
 * Nothing is stored until the whole report is stored: rows are written in one transaction after every file is
 * in, and a failure deletes the files already written.
 * @see Counter-Espionage Law 2023 Art. 16; MSS Order No. 2 Art. 5–6; Directive (EU) 2019/1937 Art. 9, 16
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { generateKeyPair, randomKey, seal, sealJson, sealTo, wipe } from '../../crypto/sodium.ts';
import { validateAnswers } from '../../shared/answers.ts';
import type { Channel } from '../../shared/api.ts';
import type { Category } from '../../shared/profile.ts';
import { queueNotices } from '../../mail/outbox.ts';
import {
  findActivatedStaffRoles,
  findActiveStaffForIntake,
  insertFiles,
  insertGrants,
  insertReport,
} from '../../store/submissions.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { submissions } from '../../metrics/index.ts';
import { audit } from '../audit/record.ts';
import { coversCategory } from '../accounts/category-staff.ts';
import { categoryOf } from '../categories.ts';
import { recordEvent } from '../cases/events.ts';
import { namedStaff, namingTexts } from './complaints.ts';
import { acknowledgementDue, feedbackDue as feedbackDueAt, nextDeadline } from '../deadlines.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { FileIntake, type IncomingFile } from '../uploads/intake.ts';
import { managerRole } from '../approvals/kinds.ts';
import { sealExclusions } from '../cases/exclusion-store.ts';
import { answersAd, identityAd, identitySecretAd, packCaseKeys } from '../../crypto/case-keys.ts';
import { isUniqueViolation, makeReceipt, type ReceiptColumns } from './receipts.ts';

export interface ReportInput {
  categoryId: string;
  channel: Channel;
  language?: string;
  answers: Record<string, unknown>;
  identity?: Record<string, unknown>;
  /** The receipt was seen by someone other than the reporter (read out, printed, e-mailed): replaced at first use. */
  rotateReceipt?: boolean;
}

/** How a report came in, when not from the reporter's own hands (operator intake; see src/domain/operator). */
export interface SubmitOptions {
  /** The audit entry's actor: the staff user id of who recorded the report; 'reporter' when absent. */
  recordedBy?: string;
  /**
   * Added to the sealed identity section after it is checked, e.g. how a caller wants to be contacted back (a
   * phone number or an address identifies). Keys must not clash with the profile's identity field ids.
   */
  identityExtra?: Record<string, string>;
  /** Writes further rows in the report's own transaction, after the report row (sealed channel facts, transcripts). */
  afterInsert?: (trx: Tx, keys: { reportId: string; reportKey: Buffer }) => Promise<void>;
}

/**
 * Whether the answers make the report urgent: a choice the category marks `urgentWhen` (someone in danger).
 * @see REQUIREMENTS #7 (threat-to-life fast path), MSS Order No. 2 Art. 6(2)
 */
export function isUrgent(category: Category, answers: Record<string, unknown>): boolean {
  return category.fields.some((f) => {
    if (!f.urgentWhen) return false;
    const answer = answers[f.id];
    const chosen = Array.isArray(answer) ? answer : [answer];
    return chosen.some((v) => typeof v === 'string' && f.urgentWhen!.includes(v));
  });
}

export function findCategory(deps: Pick<Deps, 'profile'>, id: string): Category {
  const category = categoryOf(deps, id);
  if (!category)
    throw errors.invalid('unknown_category', `There is no category “${id}”. Please choose one from the list.`);
  return category;
}

/**
 * Reads a reporter's answers and identity against the category's questionnaire and the profile's identity section,
 * without throwing: each result holds the normalised values and, when not `ok`, messages by field id. The one place
 * a report's answers are checked (the public form's steps and `checkReportInput` call it).
 */
export function readReportForm(
  deps: Pick<Deps, 'profile'>,
  category: Pick<Category, 'fields'>,
  rawAnswers: Record<string, unknown>,
  rawIdentity: Record<string, unknown>,
) {
  return {
    answers: validateAnswers(category.fields, rawAnswers),
    identity: validateAnswers(deps.profile().identity.fields, rawIdentity),
  };
}

/**
 * Validates answers and identity against the category's questionnaire and the profile's identity section.
 * @throws DomainError unknown_category | validation_failed (details: field id → message)
 */
export function checkReportInput(deps: Pick<Deps, 'profile'>, input: ReportInput) {
  const category = findCategory(deps, input.categoryId);
  const { answers, identity } = readReportForm(deps, category, input.answers, input.identity ?? {});
  if (!answers.ok || !identity.ok) {
    const details: Record<string, string> = { ...(answers.ok ? {} : answers.errors) };
    if (!identity.ok) for (const [k, v] of Object.entries(identity.errors)) details[`identity.${k}`] = v;
    throw errors.validation(details);
  }
  return { category, answers: answers.answers, identity: identity.answers };
}

/**
 * Whether reports can be taken: someone must be able to open them and their identity (a custodian). Without a
 * category: whether the channel takes reports at all (a supervisor and a custodian exist). With one: whether a
 * manager of that category is active — a supervisor assigned to it (or to every category), or for a complaint about
 * an official an oversight officer so assigned — and a custodian so assigned, so one category can be closed while
 * the others take reports.
 */
export async function acceptingReports(
  deps: Pick<Deps, 'db'>,
  category?: Pick<Category, 'id' | 'kind'>,
): Promise<boolean> {
  const manager = category ? managerRole(category) : 'supervisor';
  // Activated only: an invitation not yet used opens nothing.
  const rows = await findActivatedStaffRoles(deps.db, [manager, 'custodian']);
  const covers = (u: { categories: string | null }) => !category || coversCategory(u.categories, category.id);
  return rows.some((u) => u.role === 'custodian' && covers(u)) && rows.some((u) => u.role === manager && covers(u));
}

/**
 * Why a report of this category cannot be taken now (no manager or custodian of it, or no one unnamed could take
 * it): one answer for all, so a refusal tells nothing of who is named.
 */
const categoryClosed = () =>
  errors.unavailable(
    'not_accepting',
    'This kind of report cannot be taken through the web form at the moment. Please use another channel listed on the first page.',
  );

/** A report being received: files go in first (`intake`), then `submit` writes everything at once. */
export class ReportDraft {
  readonly id = randomUUID();
  readonly keys = { reportKey: randomKey(), caseKey: randomKey(), identityKey: randomKey() };
  readonly evidence = generateKeyPair();
  /** Identity the reporter adds later is sealed to this public key; its private key goes under the identity key. */
  readonly identityPair = generateKeyPair();
  readonly intake: FileIntake;

  constructor(private readonly deps: Deps) {
    this.intake = new FileIntake(
      deps,
      { reportKey: this.keys.reportKey, evidencePublicKey: this.evidence.publicKey },
      this.id,
    );
  }

  private readonly answeredFileFields = new Set<string>();

  /**
   * Receives one file, streamed and sealed as it arrives.
   * @param field the form part's name: `file.<field id>` (or the bare field id) answers a file question
   */
  async addFile(file: IncomingFile, field = 'files'): Promise<void> {
    if (await this.intake.add(file)) this.answeredFileFields.add(field.startsWith('file.') ? field.slice(5) : field);
  }

  /**
   * Stores the report with the files received so far.
   * @returns the receipt (formatted, shown once) and the report id
   * @throws DomainError unknown_category | validation_failed | not_accepting; whatever `options.afterInsert` throws
   */
  async submit(
    input: ReportInput,
    options: SubmitOptions = {},
  ): Promise<{ receipt: string; reportId: string; reference: string }> {
    const { deps } = this;
    try {
      const checked = checkReportInput(deps, input);
      const { category, answers } = checked;
      const identity = { ...checked.identity, ...options.identityExtra };
      const missing = category.fields.filter(
        (f) => f.type === 'file' && f.required && !this.answeredFileFields.has(f.id),
      );
      if (missing.length > 0)
        throw errors.validation(Object.fromEntries(missing.map((f) => [`file.${f.id}`, 'Please add a file.'])));
      if (!(await acceptingReports(deps)))
        throw errors.unavailable(
          'not_accepting',
          'This channel is not taking reports yet. Please use another channel listed on the first page.',
        );
      if (!(await acceptingReports(deps, category))) throw categoryClosed();
      for (let attempt = 0; ; attempt++) {
        const { receipt, columns } = await makeReceipt(deps, this.id, this.keys.reportKey);
        const reference = `R-${randomBytes(4).toString('hex').toUpperCase()}`;
        try {
          await inTransaction(deps.db, async (trx) => {
            await this.insert(trx, { input, options, category, answers, identity, reference, receipt: columns });
          });
          submissions.inc({ channel: input.channel });
          return { receipt, reportId: this.id, reference };
        } catch (error) {
          if (attempt < 3 && isUniqueViolation(error)) continue;
          throw error;
        }
      }
    } catch (error) {
      await this.intake.discard();
      throw error;
    } finally {
      for (const key of Object.values(this.keys)) wipe(key);
      wipe(this.evidence.secretKey);
      wipe(this.identityPair.secretKey);
    }
  }

  /** Drops the draft and every file already written. */
  discard(): Promise<void> {
    return this.intake.discard();
  }

  /** Writes the report, its grants, its files and what follows from them, in `trx`. @throws not_accepting */
  private async insert(trx: Tx, v: InsertValues): Promise<void> {
    const now = this.deps.now();
    const at = now.toISOString();
    const answers = v.answers as Record<string, unknown>;
    const to = await chooseRecipients(trx, v.category, answers);
    await insertReport(trx, this.reportRow(v, now, isUrgent(v.category, answers), [...to.named]));
    await insertGrants(trx, this.grantRows(to, at));
    await this.tellRecipients(trx, to, at);
    await insertFiles(
      trx,
      this.intake.prepared.map((f) => ({ ...f, report_id: this.id, author: 'reporter' as const, created_at: at })),
    );
    await v.options.afterInsert?.(trx, { reportId: this.id, reportKey: this.keys.reportKey });
    await audit(this.deps, trx, {
      actor: v.options.recordedBy ?? 'reporter',
      action: 'report.submit',
      subject: `report:${this.id}`,
      reason: v.input.channel,
    });
  }

  /** The report row: deadlines from the category's policy, answers, identity and keys sealed, the receipt's verifier. */
  private reportRow(v: InsertValues, now: Date, urgent: boolean, named: string[]) {
    const { deps, id, keys } = this;
    const at = now.toISOString();
    const { policy } = v.category;
    const ackDue = acknowledgementDue(policy, now, urgent);
    const feedbackDue = feedbackDueAt(policy, now);
    return {
      id,
      reference: v.reference,
      category: v.category.id,
      channel: v.input.channel,
      language: v.input.language ?? deps.profile().language,
      status: 'received',
      outcome: null,
      urgent: urgent ? 1 : 0,
      received_at: at,
      acknowledgement_due_at: ackDue,
      feedback_due_at: feedbackDue,
      closed_at: null,
      updated_at: at,
      version: 1,
      acknowledged_at: null,
      risk_level: null,
      due_at: nextDeadline({ status: 'received', acknowledgement_due_at: ackDue, feedback_due_at: feedbackDue }),
      ...v.receipt,
      receipt_rotate: v.input.rotateReceipt ? 1 : 0,
      evidence_public_key: this.evidence.publicKey,
      sealed_answers: sealJson(keys.reportKey, v.answers, answersAd(id)),
      sealed_identity: sealJson(keys.identityKey, v.identity, identityAd(id)),
      identity_public_key: this.identityPair.publicKey,
      sealed_identity_secret: seal(keys.identityKey, this.identityPair.secretKey, identitySecretAd(id)),
      // Every report has a list, named staff or not, of one length (src/domain/cases/exclusion-store.ts).
      sealed_exclusions: sealExclusions(
        keys.caseKey,
        id,
        named.map((userId) => ({ userId, reason: 'named_in_report', note: null, createdBy: null, createdAt: at })),
      ),
    } as const;
  }

  /** Case and evidence keys sealed to each manager, the identity key to each custodian. */
  private grantRows(to: Recipients, at: string) {
    const { id, keys } = this;
    const grants = [
      ...to.managers.flatMap((u) => [
        { scope: 'case' as const, user_id: u.id, sealed_key: sealTo(u.public_key, packCaseKeys(keys)) },
        { scope: 'evidence' as const, user_id: u.id, sealed_key: sealTo(u.public_key, this.evidence.secretKey) },
      ]),
      ...to.custodians.map((u) => ({
        scope: 'identity' as const,
        user_id: u.id,
        sealed_key: sealTo(u.public_key, keys.identityKey),
      })),
    ];
    return grants.map((g) => ({ ...g, report_id: id, granted_by: null, created_at: at }));
  }

  /** The rerouting, if any, in the case history; a new-report notice to each manager. */
  private async tellRecipients(trx: Tx, to: Recipients, at: string): Promise<void> {
    // Who was named stays in the sealed list of the report row, which the case's managers read: no row, event or audit
    // entry appears only when a report names someone (a copy of the data, or an oversight officer's export, would tell).
    if (to.rerouted)
      await recordEvent(trx, {
        reportId: this.id,
        at,
        actor: null,
        caseKey: this.keys.caseKey,
        kind: 'grant',
        summary:
          "Every oversight officer of this category is named in the complaint, so it was granted to the category's supervisors who are not named.",
      });
    await queueNotices(
      this.deps,
      trx,
      to.managers.map((u) => u.id),
      'new_report',
    );
  }
}

interface InsertValues {
  input: ReportInput;
  category: Category;
  answers: unknown;
  identity: unknown;
  options: SubmitOptions;
  reference: string;
  receipt: ReceiptColumns;
}

type Staff = Awaited<ReturnType<typeof findActiveStaffForIntake>>[number];

interface Recipients {
  /** ids of the staff the report names (`namesStaff` fields) */
  named: Set<string>;
  managers: Staff[];
  custodians: Staff[];
  /** a complaint naming every oversight officer of its category, granted to its supervisors instead */
  rerouted: boolean;
}

/**
 * Who receives a report: the active, activated managers and custodians of its category that it does not name.
 * @throws not_accepting when no manager or no custodian is left
 */
async function chooseRecipients(trx: Tx, category: Category, answers: Record<string, unknown>): Promise<Recipients> {
  const staff = await findActiveStaffForIntake(trx);
  // Staff the report names get nothing of it, not even the identity (CEL 2023 Art. 52; DESIGN flow 7).
  const named = new Set(namedStaff(namingTexts(category, answers), staff));
  // An account not yet activated has no key pair: nothing is sealed to it (it still counts as named, above).
  const unnamed = (role: string) =>
    staff.filter(
      (u) =>
        u.role === role && u.activated_at !== null && !named.has(u.id) && coversCategory(u.categories, category.id),
    );
  let managers = unnamed(managerRole(category));
  // A complaint naming every oversight officer of its category still reaches someone: the category's unnamed
  // supervisors, and its history says so (CEL 2023 Art. 52: no complaint suppressed).
  const rerouted = managers.length === 0 && category.kind === 'complaint_about_official';
  if (rerouted) managers = unnamed('supervisor');
  const custodians = unnamed('custodian');
  // Nobody left who could open it: refused as a closed category is, so a refusal tells nothing of who is named.
  if (managers.length === 0 || custodians.length === 0) throw categoryClosed();
  return { named, managers, custodians, rerouted };
}
