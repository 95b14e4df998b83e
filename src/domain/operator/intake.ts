/**
 * Operator intake (DESIGN flow 3): an intake operator records a report received by phone, letter, walk-in or
 * referral into the same model as a web report — same categories, questionnaires and identity section, through the
 * same ReportDraft, sealed at capture. The channel facts are sealed under the report key (`reports.sealed_intake`),
 * how the person wants to be contacted back goes into the sealed identity, and the receipt is marked to be replaced
 * at its first use, since the operator saw it. The operator gets no grant: their access ends at submit.
 *
 * Half-typed reports are never stored on the server: the workspace keeps the form in memory and sends it whole in one
 * request, and ReportDraft writes nothing until the whole report is in (a request that breaks off leaves nothing).
 */
import { listRecordedBy } from '../../store/case-columns.ts';
import { intakeAd } from '../../crypto/case-keys.ts';
import { sealJson } from '../../crypto/sodium.ts';
import {
  INTAKE_TEXT_MAX,
  isIntakeChannel,
  RECORDING_CONSENT,
  type IntakeChannel,
  type IntakeFacts,
  type IntakeFactsInput,
  type RecordingConsent,
} from '../../shared/intake.ts';
import { cleanText } from '../../shared/text.ts';
import { setSealedIntake } from '../../store/submissions.ts';
import type { Deps } from '../deps.ts';
import { DomainError, errors } from '../errors.ts';
import { addTranscript } from '../transcripts/add.ts';
import { checkReportInput, type ReportDraft } from '../reporter/submit.ts';
import type { Viewer } from '../viewer.ts';

export interface OperatorReportInput {
  channel: unknown;
  categoryId: string;
  answers: Record<string, unknown>;
  identity?: Record<string, unknown>;
  facts: IntakeFactsInput;
}

/** The identity key under which how the person wants to be contacted back is sealed. */
export const CONTACT_BACK_KEY = 'contact_back';

/** A clock skew allowed for "received at" (the operator's computer may run a little ahead). */
const SKEW_MS = 5 * 60_000;

const text = (v: unknown): string => (typeof v === 'string' ? cleanText(v).trim() : '');

/**
 * Checks the channel facts. @returns the facts to seal and the contact-back text (null when none), or the messages
 * by field (`facts.<name>`, `channel`)
 */
export function readIntakeFacts(
  channel: unknown,
  raw: IntakeFactsInput,
  now: Date,
): { ok: true; facts: IntakeFacts; contactBack: string | null } | { ok: false; errors: Record<string, string> } {
  const errs: Record<string, string> = {};
  if (!isIntakeChannel(channel)) {
    return { ok: false, errors: { channel: 'Please choose how the report was received.' } };
  }
  const oral = channel === 'phone' || channel === 'in_person';
  const long = (name: keyof IntakeFactsInput, max: number, what: string): string | null => {
    const value = text(raw[name]);
    if ([...value].length > max) errs[`facts.${name}`] = `${what} may have at most ${max} characters.`;
    return value || null;
  };

  const receivedText = text(raw.receivedAt);
  const received = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(receivedText) ? new Date(receivedText) : null;
  if (!received || Number.isNaN(received.getTime()))
    errs['facts.receivedAt'] = 'Please enter the date and time the report was received.';
  else if (received.getTime() > now.getTime() + SKEW_MS)
    errs['facts.receivedAt'] = 'The time received is in the future. Please check the date and time.';

  let consent: RecordingConsent | null = null;
  if (oral) {
    if (RECORDING_CONSENT.includes(raw.recordingConsent as RecordingConsent))
      consent = raw.recordingConsent as RecordingConsent;
    else errs['facts.recordingConsent'] = 'Please say whether the person agreed to a recording.';
  }
  const referringAuthority = channel === 'referral' ? long('referringAuthority', 200, 'The authority') : null;
  if (channel === 'referral' && !referringAuthority && !errs['facts.referringAuthority'])
    errs['facts.referringAuthority'] = 'Please enter which authority passed the report on.';
  const referralReference = channel === 'referral' ? long('referralReference', 200, 'Their reference') : null;
  const transcription = channel === 'post' ? long('transcription', INTAKE_TEXT_MAX, 'The transcription') : null;
  const minutes = oral ? long('minutes', INTAKE_TEXT_MAX, 'The minutes or transcript') : null;
  const contactBack = long('contactBack', 1_000, 'How to contact back');

  if (Object.keys(errs).length > 0) return { ok: false, errors: errs };
  return {
    ok: true,
    contactBack,
    facts: {
      channel: channel as IntakeChannel,
      receivedAt: received!.toISOString(),
      recordedAt: now.toISOString(),
      recordingConsent: consent,
      referringAuthority,
      referralReference,
      transcription,
      minutes,
    },
  };
}

/** The validation messages of a report's answers and identity, by field; none when they are fine. */
function reportErrors(deps: Deps, input: OperatorReportInput, channel: IntakeChannel | 'web'): Record<string, string> {
  try {
    checkReportInput(deps, { ...input, channel });
    return {};
  } catch (error) {
    if (error instanceof DomainError && error.id === 'validation_failed') return error.details ?? {};
    throw error;
  }
}

/**
 * Records a report an operator took in, with the files already added to `draft`. Every problem with the answers,
 * identity and channel facts comes back at once, by field.
 * @returns the receipt (formatted, to read out or print once) and the report's reference
 * @throws DomainError unknown_category | validation_failed (details: field id, `identity.<id>`, `facts.<name>`,
 *   `channel` → message) | not_accepting
 */
export async function recordOperatorReport(
  deps: Deps,
  viewer: Pick<Viewer, 'userId'>,
  draft: ReportDraft,
  input: OperatorReportInput,
): Promise<{ receipt: string; reference: string }> {
  const read = readIntakeFacts(input.channel, input.facts, deps.now());
  const channel = isIntakeChannel(input.channel) ? input.channel : 'web';
  const details = { ...reportErrors(deps, input, channel), ...(read.ok ? {} : read.errors) };
  if (!read.ok || Object.keys(details).length > 0) throw errors.validation(details);
  const { facts, contactBack } = read;
  const { receipt, reference } = await draft.submit(
    {
      categoryId: input.categoryId,
      channel: facts.channel,
      answers: input.answers,
      identity: input.identity ?? {},
      rotateReceipt: true,
    },
    {
      recordedBy: viewer.userId,
      ...(contactBack ? { identityExtra: { [CONTACT_BACK_KEY]: contactBack } } : {}),
      afterInsert: async (trx, { reportId, reportKey }) => {
        // Minutes of a call or meeting become a transcript the reporter checks, corrects and confirms from the
        // follow-up page (EU 2019/1937 Art. 18(2)–(4)); the facts then keep no second copy of them.
        const oralRecord = facts.minutes
          ? await addTranscript(deps, trx, {
              reportId,
              reportKey,
              kind: facts.recordingConsent === 'agreed' ? 'transcript' : 'minutes',
              text: facts.minutes,
              recordingFileId: null,
              authorUserId: viewer.userId,
              at: deps.now().toISOString(),
            })
          : null;
        const kept = oralRecord ? { ...facts, minutes: null } : facts;
        await setSealedIntake(trx, reportId, sealJson(reportKey, kept, intakeAd(reportId)));
      },
    },
  );
  return { receipt, reference };
}

/** Most recent handovers listed. */
const RECENT_HANDOVERS = 20;

/**
 * The reports this operator recorded lately, for their home page: reference, channel and time only — the operator
 * reads nothing of a case after handing it over.
 */
export async function recentHandovers(
  deps: Pick<Deps, 'db'>,
  operatorId: string,
): Promise<{ reference: string; channel: string; recordedAt: string }[]> {
  const rows = await listRecordedBy(deps.db, operatorId, RECENT_HANDOVERS);
  return rows.map((r) => ({ reference: r.reference, channel: r.channel, recordedAt: r.at }));
}
