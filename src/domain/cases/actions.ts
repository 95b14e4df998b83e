/**
 * Procedural action records: an enforcement action on a case (inspection, search, seizure, questioning, summons…)
 * with its time and place, the officers who took part, the credentials and legal documents they showed, the
 * approval it rests on, and its audio or video recording (kept as a staff file of the case, with its SHA-256) or
 * the recorded reason there is none. A record cannot be saved without two different officers, an approved
 * 'enforcement_action' request of the recorder's (used once, in the same transaction), and a recording or a
 * reason; a refusal stores nothing, and a recording already written is deleted.
 * @see CEL 2023 Art. 24 (credentials and documents shown), Art. 31 (at least two officers; full recording);
 *   REQUIREMENTS #30–32
 */
import { listRequestDecisions } from '../../store/case-columns.ts';
import { randomUUID } from 'node:crypto';
import { openJson, sealJson } from '../../crypto/sodium.ts';
import { ActionInput, type ActionKind, type ActionView } from '../../shared/actions.ts';
import { MINUTE } from '../../shared/time.ts';
import {
  findDisplayNames,
  insertAction,
  insertActionRecordingFile,
  listActionRows,
  listActiveUserIdsInRoles,
  listActiveUsersInRoles,
  setReportUpdatedAt,
} from '../../store/actions.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { type FileMeta, type IncomingFile } from '../uploads/intake.ts';
import { withCaseUpload } from './staff-upload.ts';
import { useApproval } from '../approvals/use.ts';
import { fileAd } from '../../crypto/case-keys.ts';
import { actionAd } from '../../crypto/case-keys.ts';

/** Roles whose members can be named as officers of an action. */
export const OFFICER_ROLES = ['handler', 'supervisor', 'oversight'] as const;

export const ACTION_KIND_WORDS: Record<ActionKind, string> = {
  inspection: 'inspection',
  search: 'search',
  seizure: 'seizure',
  questioning: 'questioning',
  summons: 'summons',
  other: 'other action',
};

/** What a person is asked to give, by field of the record. */
const FIELD_WORDS: Record<string, string> = {
  kind: 'the kind of action',
  at: 'the date and time (ISO 8601)',
  place: 'the place',
  officerIds: 'the officers',
  credentialsShown: 'the credentials shown',
  documentsShown: 'the legal documents shown',
  requestId: 'the approval',
  noRecordingReason: 'the reason there is no recording',
  notes: 'the notes',
};

/** What is sealed under the case key. */
interface ActionDetails {
  place: string;
  credentialsShown: string;
  documentsShown: string;
  noRecordingReason: string | null;
  notes: string | null;
  /** Hex SHA-256 of the recording as received; null without one (sealed: in clear it would confirm a known file). */
  recordingSha256: string | null;
}

export type RecordingFile = IncomingFile & { field: string };

/** Checks that the viewer holds the case. @throws not_found */
export async function assertHoldsCase(deps: Pick<Deps, 'db'>, viewer: Viewer, reportId: string): Promise<void> {
  await withCaseKeys(deps, viewer, reportId, async () => undefined);
}

/** Active staff who can be named as officers, for the picker of a case the viewer holds. @throws not_found */
export async function listOfficers(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  reportId: string,
): Promise<{ id: string; displayName: string }[]> {
  await assertHoldsCase(deps, viewer, reportId);
  const rows = await listActiveUsersInRoles(deps.db, OFFICER_ROLES);
  return rows.map((u) => ({ id: u.id, displayName: u.display_name }));
}

/** @throws invalid/invalid_action naming each field to give or correct */
function parseInput(raw: unknown): ActionInput {
  const parsed = ActionInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'action');
    details[field] ??= `Please give ${FIELD_WORDS[field] ?? field}.`;
  }
  const names = Object.keys(details).map((f) => FIELD_WORDS[f] ?? f);
  throw errors.invalid('invalid_action', `The record is incomplete: please give ${names.join(', ')}.`, details);
}

/** @throws invalid/officers_required | invalid/unknown_officer */
async function checkOfficers(deps: Pick<Deps, 'db'>, ids: string[]): Promise<string[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length < 2)
    throw errors.invalid(
      'officers_required',
      distinct.length === 0
        ? 'Name the officers who took part: at least two different people (Counter-Espionage Law 2023, Art. 31).'
        : 'Name a second officer: an enforcement action needs at least two different officers (Counter-Espionage Law 2023, Art. 31).',
      { officerIds: 'Choose at least two different officers.' },
    );
  const found = await listActiveUserIdsInRoles(deps.db, distinct, OFFICER_ROLES);
  if (found.length !== distinct.length)
    throw errors.invalid(
      'unknown_officer',
      'One of the officers named is not an active handler, supervisor or oversight officer. Choose them from the list.',
      { officerIds: 'Choose the officers from the list.' },
    );
  return distinct;
}

/** How far ahead of the server's clock an action's time may be (clocks of the recording devices drift). */
export const ACTION_CLOCK_SKEW_MS = 5 * MINUTE;

/** @throws invalid/action_in_future when `at` is more than ACTION_CLOCK_SKEW_MS ahead of now */
function checkNotFuture(deps: Pick<Deps, 'now'>, at: string): void {
  if (Date.parse(at) <= deps.now().getTime() + ACTION_CLOCK_SKEW_MS) return;
  throw errors.invalid(
    'action_in_future',
    'The date and time of the action is in the future. Give when the action took place; an action is recorded after it happened.',
    { at: 'Give a date and time that has passed.' },
  );
}

const isRecordingType = (type: string) => /^(audio|video)\//i.test(type.trim());

/**
 * Records an enforcement action on a case.
 * @param raw the `action` JSON object (see ActionInput)
 * @param files the form's files: at most one, in the part `recording`, of an audio or video type
 * @throws not_found (no grant) | invalid: invalid_action, action_in_future, officers_required, unknown_officer,
 *   recording_required,
 *   recording_type, unexpected_file, empty_file | too_large | conflict/approval_required
 */
export async function recordAction(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  raw: unknown,
  files: AsyncIterable<RecordingFile> | RecordingFile[],
): Promise<ActionView> {
  return withCaseUpload(deps, viewer, reportId, async (keys, intake) => {
    const input = parseInput(raw);
    checkNotFuture(deps, input.at);
    const officerIds = await checkOfficers(deps, input.officerIds);
    let recordingType: string | null = null;
    for await (const file of files) {
      if (file.field !== 'recording' || recordingType !== null) {
        file.stream.resume();
        throw errors.invalid('unexpected_file', 'Send one file only, the recording, in the part named “recording”.');
      }
      if (!isRecordingType(file.type)) {
        file.stream.resume();
        throw errors.invalid(
          'recording_type',
          `The recording must be an audio or video file; “${file.name}” was sent as “${file.type || 'unknown'}”.`,
          { recording: 'Choose an audio or video file.' },
        );
      }
      if (await intake.add(file)) recordingType = file.type.trim().toLowerCase();
    }
    const noRecordingReason = input.noRecordingReason?.trim() || null;
    const recording = intake.prepared[0] ?? null;
    if (!recording && !noRecordingReason)
      throw errors.invalid(
        'recording_required',
        'Attach the audio or video recording of the action, or record why there is none (Counter-Espionage Law 2023, Art. 31).',
        { recording: 'Attach the recording, or give the reason there is none.' },
      );
    let recordingSha256: string | null = null;
    if (recording) {
      const meta = openJson<FileMeta>(keys.reportKey, recording.sealed_meta, fileAd(reportId, recording.id));
      recordingSha256 = meta.sha256 ?? null;
      recording.sealed_meta = sealJson(
        keys.reportKey,
        {
          ...meta,
          type: recordingType!,
          note: `Recording of an enforcement action (SHA-256 ${meta.sha256}). It is kept as received, sealed as evidence: opening it needs a second person’s approval.`,
        } satisfies FileMeta,
        fileAd(reportId, recording.id),
      );
    }

    const id = randomUUID();
    const at = deps.now().toISOString();
    const details: ActionDetails = {
      place: input.place,
      credentialsShown: input.credentialsShown,
      documentsShown: input.documentsShown,
      noRecordingReason: recording ? null : noRecordingReason,
      notes: input.notes?.trim() || null,
      recordingSha256,
    };
    await inTransaction(deps.db, async (trx) => {
      await useApproval(deps, trx, {
        requestId: input.requestId,
        reportId,
        kind: 'enforcement_action',
        viewer,
      });
      if (recording)
        await insertActionRecordingFile(trx, { ...recording, report_id: reportId, author: 'staff', created_at: at });
      await insertAction(trx, {
        id,
        report_id: reportId,
        kind: input.kind,
        at: new Date(input.at).toISOString(),
        request_id: input.requestId!,
        officer_ids: JSON.stringify(officerIds),
        sealed_details: sealJson(keys.caseKey, details, actionAd(reportId, id)),
        recording_file_id: recording?.id ?? null,
        created_by: viewer.userId,
        created_at: at,
      });
      await setReportUpdatedAt(trx, reportId, at);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'action',
        summary: `Enforcement action recorded: ${ACTION_KIND_WORDS[input.kind]}${recording ? ', with its recording' : ', without a recording'}`,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'action.record',
        subject: `report:${reportId}`,
        reason: `action:${id} ${input.kind} request:${input.requestId}`,
      });
    });
    const [view] = await actionViews(deps, reportId, keys.caseKey, id);
    return view!;
  });
}

/** The action records of a case, oldest first, opened with the case key. Audited as a read. @throws not_found */
export async function listActions(deps: Deps, viewer: Viewer, reportId: string): Promise<ActionView[]> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const views = await actionViews(deps, reportId, keys.caseKey);
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: viewer.userId, action: 'action.read', subject: `report:${reportId}` }),
    );
    return views;
  });
}

/** The records of a case (or one of them), presented; the caller holds the case key and audits. */
export async function actionViews(
  deps: Pick<Deps, 'db'>,
  reportId: string,
  caseKey: Buffer,
  onlyId?: string,
): Promise<ActionView[]> {
  const rows = await listActionRows(deps.db, reportId, onlyId);
  const names = await findDisplayNames(deps.db, [
    ...new Set(rows.flatMap((r) => JSON.parse(r.officer_ids) as string[])),
  ]);
  const decisions = await listRequestDecisions(
    deps.db,
    rows.map((r) => r.request_id),
  );
  return rows.map((r) => {
    const d = openJson<ActionDetails>(caseKey, r.sealed_details, actionAd(reportId, r.id));
    return {
      id: r.id,
      kind: r.kind as ActionKind,
      at: r.at,
      place: d.place,
      officers: (JSON.parse(r.officer_ids) as string[]).map((officer) => ({
        id: officer,
        displayName: names.get(officer) ?? 'A former staff member',
      })),
      credentialsShown: d.credentialsShown,
      documentsShown: d.documentsShown,
      requestId: r.request_id,
      approval: decisions.get(r.request_id) ?? { decidedBy: null, decidedAt: null },
      recording: d.recordingSha256 ? { fileId: r.recording_file_id, sha256: d.recordingSha256 } : null,
      noRecordingReason: d.noRecordingReason,
      notes: d.notes,
      createdBy: r.display_name,
      createdAt: r.created_at,
    };
  });
}
