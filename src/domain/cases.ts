/**
 * Staff work on cases. Access is a grant: a case is visible only to users holding a `case` grant, whose sealed
 * keys their session's private key opens. Without a grant a case does not exist for the user (404), whatever
 * their role.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import { createDecryptStream } from '../crypto/stream.ts';
import { open, openJson, openSealed, seal, wipe } from '../crypto/sodium.ts';
import type { CaseDetail, CaseList, CaseStatus, CaseSummary, Channel, MessageView, Outcome } from '../shared/api.ts';
import { audit } from './audit.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';
import { allowedTransitions, canTransition } from './lifecycle.ts';
import { optionLabels } from '../shared/answers.ts';
import { answersAd, eventAd, fileAd, messageAd, unpackCaseKeys, type CaseKeys } from './sealing.ts';

export interface Viewer {
  userId: string;
  role: string;
  publicKey: Buffer;
  /** The user's X25519 private key, unlocked by their session. */
  secretKey: Buffer;
}

const NOT_FOUND = 'There is no such case, or you have no access to it.';

/** Opens the viewer's grant on a case. @throws not_found without a grant */
export async function caseKeys(deps: Pick<Deps, 'db'>, viewer: Viewer, reportId: string): Promise<CaseKeys> {
  const grant = await deps.db
    .selectFrom('grants')
    .select('sealed_key')
    .where('report_id', '=', reportId)
    .where('user_id', '=', viewer.userId)
    .where('scope', '=', 'case')
    .executeTakeFirst();
  if (!grant) throw errors.notFound(NOT_FOUND);
  return unpackCaseKeys(openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key));
}

function categoryTitle(deps: Pick<Deps, 'profile'>, id: string): { id: string; title: string } {
  return { id, title: deps.profile().categories.find((c) => c.id === id)?.title ?? id };
}

function dueAt(r: {
  status: string;
  acknowledgement_due_at: string | null;
  feedback_due_at: string | null;
}): string | null {
  if (r.status === 'closed') return null;
  return r.status === 'received' ? (r.acknowledgement_due_at ?? r.feedback_due_at) : r.feedback_due_at;
}

type SummaryRow = {
  id: string;
  reference: string;
  category: string;
  channel: string;
  status: string;
  outcome: string | null;
  urgent: number;
  received_at: string;
  acknowledgement_due_at: string | null;
  feedback_due_at: string | null;
};

function presentSummary(deps: Pick<Deps, 'profile'>, r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    category: categoryTitle(deps, r.category),
    channel: r.channel as Channel,
    status: r.status as CaseStatus,
    outcome: r.outcome as Outcome | null,
    urgent: r.urgent === 1,
    receivedAt: r.received_at,
    dueAt: dueAt(r),
  };
}

const encodeCursor = (r: { received_at: string; id: string }) =>
  Buffer.from(JSON.stringify([r.received_at, r.id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw errors.invalid('bad_cursor', 'The page cursor is not valid; start again from the first page.');
}

/** Cases granted to the viewer, newest first, by keyset pagination on (received_at, id). */
export async function listCases(
  deps: Pick<Deps, 'db' | 'profile'>,
  viewer: Viewer,
  q: {
    status?: CaseStatus | undefined;
    category?: string | undefined;
    channel?: Channel | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<CaseList> {
  let query = deps.db
    .selectFrom('reports as r')
    .innerJoin('grants as g', (j) =>
      j.onRef('g.report_id', '=', 'r.id').on('g.user_id', '=', viewer.userId).on('g.scope', '=', 'case'),
    )
    .select([
      'r.id',
      'r.reference',
      'r.category',
      'r.channel',
      'r.status',
      'r.outcome',
      'r.urgent',
      'r.received_at',
      'r.acknowledgement_due_at',
      'r.feedback_due_at',
    ])
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.category) query = query.where('r.category', '=', q.category);
  if (q.channel) query = query.where('r.channel', '=', q.channel);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    query = query.where((eb) =>
      eb.or([eb('r.received_at', '<', at), eb.and([eb('r.received_at', '=', at), eb('r.id', '<', id)])]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentSummary(deps, r)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

/** One case with its answers, files and messages, decrypted for the viewer. Audited as a read. */
export async function getCase(deps: Deps, viewer: Viewer, reportId: string): Promise<CaseDetail> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const r = await deps.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
    if (!r) throw errors.notFound(NOT_FOUND);
    const category = deps.profile().categories.find((c) => c.id === r.category);
    const answers = openJson<Record<string, string | string[] | boolean | null>>(
      keys.reportKey,
      r.sealed_answers,
      answersAd(r.id),
    );
    const files = await deps.db
      .selectFrom('files')
      .selectAll()
      .where('report_id', '=', r.id)
      .orderBy('created_at')
      .orderBy('position')
      .execute();
    const messages = await deps.db
      .selectFrom('messages as m')
      .leftJoin('users as u', 'u.id', 'm.author_user_id')
      .select(['m.id', 'm.author', 'm.visibility', 'm.sealed_body', 'm.created_at', 'u.display_name'])
      .where('m.report_id', '=', r.id)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute();
    await deps.db
      .transaction()
      .execute((trx) => audit(deps, trx, { actor: viewer.userId, action: 'case.read', subject: `report:${r.id}` }));
    const known = new Set((category?.fields ?? []).map((f) => f.id));
    return {
      ...presentSummary(deps, r),
      acknowledgementDueAt: r.acknowledgement_due_at,
      feedbackDueAt: r.feedback_due_at,
      answers: [
        ...(category?.fields ?? [])
          .filter((f) => f.type !== 'file')
          .map((f) => ({
            fieldId: f.id,
            label: f.label,
            type: f.type,
            value: answers[f.id] ?? null,
            optionLabels: optionLabels(f, answers[f.id]),
          })),
        ...Object.keys(answers)
          .filter((k) => !known.has(k))
          .map((k) => ({ fieldId: k, label: k, type: 'short_text', value: answers[k] ?? null, optionLabels: null })),
      ],
      files: files.map((f) => {
        const meta = openJson<{ name: string; type: string; note: string | null }>(
          keys.reportKey,
          f.sealed_meta,
          fileAd(r.id, f.id),
        );
        return {
          id: f.id,
          name: meta.name,
          type: meta.type,
          size: f.cleaned_size ?? f.original_size,
          cleaning: f.cleaning,
          note: meta.note,
          createdAt: f.created_at,
        };
      }),
      messages: messages.map((m) => presentMessage(r.id, keys, m)),
      allowedTransitions: [...allowedTransitions(r.status as CaseStatus)],
    };
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

function presentMessage(
  reportId: string,
  keys: CaseKeys,
  m: {
    id: string;
    author: 'reporter' | 'staff';
    visibility: 'reporter' | 'internal';
    sealed_body: Buffer;
    created_at: string;
    display_name: string | null;
  },
): MessageView {
  const key = m.visibility === 'internal' ? keys.caseKey : keys.reportKey;
  return {
    id: m.id,
    author: m.author,
    authorName: m.author === 'staff' ? m.display_name : null,
    visibility: m.visibility,
    body: open(key, m.sealed_body, messageAd(reportId, m.id)).toString(),
    createdAt: m.created_at,
  };
}

/**
 * The cleaned copy of a file, decrypted as a stream. Audited as a download.
 * @throws not_found (no grant, no such file, or no cleaned copy: the original opens only under the two-person rule)
 */
export async function openCaseFile(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  fileId: string,
): Promise<{ name: string; type: string; size: number; stream: Readable }> {
  const keys = await caseKeys(deps, viewer, reportId);
  const f = await deps.db
    .selectFrom('files')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!f) throw errors.notFound('There is no such file in this case.');
  if (!f.cleaned_blob)
    throw errors.notFound(
      'Metadata could not be removed from this file, so there is no cleaned copy; the original opens only with a second person’s approval.',
    );
  const meta = openJson<{ name: string; type: string }>(keys.reportKey, f.sealed_meta, fileAd(reportId, f.id));
  await deps.db
    .transaction()
    .execute((trx) => audit(deps, trx, { actor: viewer.userId, action: 'file.download', subject: `file:${f.id}` }));
  const decrypt = createDecryptStream(keys.reportKey);
  const source = deps.blobs.read(f.cleaned_blob);
  source.on('error', (e) => decrypt.destroy(e));
  return { name: meta.name, type: meta.type, size: f.cleaned_size ?? 0, stream: source.pipe(decrypt) };
}

/** Adds a reply to the reporter (under the report key) or an internal note (under the case key). */
export async function addCaseMessage(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { body: string; visibility: 'reporter' | 'internal' },
): Promise<MessageView> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const id = randomUUID();
    const at = deps.now().toISOString();
    const key = input.visibility === 'internal' ? keys.caseKey : keys.reportKey;
    const sealed = seal(key, Buffer.from(input.body), messageAd(reportId, id));
    const author = await deps.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', viewer.userId)
      .executeTakeFirstOrThrow();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('messages')
        .values({
          id,
          report_id: reportId,
          author: 'staff',
          author_user_id: viewer.userId,
          visibility: input.visibility,
          sealed_body: sealed,
          created_at: at,
        })
        .execute();
      await trx.updateTable('reports').set({ updated_at: at }).where('id', '=', reportId).execute();
      await audit(deps, trx, {
        actor: viewer.userId,
        action: input.visibility === 'internal' ? 'case.note' : 'case.reply',
        subject: `report:${reportId}`,
      });
    });
    return {
      id,
      author: 'staff',
      authorName: author.display_name,
      visibility: input.visibility,
      body: input.body,
      createdAt: at,
    };
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

/**
 * Moves a case through its lifecycle. Closing needs an outcome; reopening a closed case needs a reason. Writes
 * are guarded by the row's version, so of two concurrent changes one wins and the other gets a conflict.
 * @throws not_found | invalid_transition | outcome_required | outcome_only_when_closing | reason_required | conflict
 */
export async function changeStatus(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { status: CaseStatus; outcome?: Outcome | undefined; reason?: string | undefined },
): Promise<{ status: CaseStatus; outcome: Outcome | null }> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const r = await deps.db
      .selectFrom('reports')
      .select(['status', 'version'])
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!r) throw errors.notFound(NOT_FOUND);
    const from = r.status as CaseStatus;
    if (!canTransition(from, input.status))
      throw errors.conflict(
        'invalid_transition',
        `A case that is “${from}” cannot move to “${input.status}”. It can move to: ${allowedTransitions(from).join(', ')}.`,
      );
    if (input.status === 'closed' && !input.outcome)
      throw errors.invalid('outcome_required', 'Choose an outcome to close the case.');
    if (input.status !== 'closed' && input.outcome)
      throw errors.invalid('outcome_only_when_closing', 'An outcome is recorded only when the case is closed.');
    if (from === 'closed' && !input.reason?.trim())
      throw errors.invalid('reason_required', 'Give a reason to reopen a closed case.');
    const at = deps.now().toISOString();
    const outcome = input.status === 'closed' ? (input.outcome ?? null) : null;
    const eventId = randomUUID();
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('reports')
        .set({
          status: input.status,
          outcome,
          closed_at: input.status === 'closed' ? at : null,
          updated_at: at,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', reportId)
        .where('version', '=', r.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw errors.conflict('conflict', 'Someone else changed this case at the same time. Reload it and try again.');
      await trx
        .insertInto('case_events')
        .values({
          id: eventId,
          report_id: reportId,
          at,
          actor_user_id: viewer.userId,
          kind: 'status',
          from_status: from,
          to_status: input.status,
          sealed_reason: input.reason?.trim()
            ? seal(keys.caseKey, Buffer.from(input.reason.trim()), eventAd(reportId, eventId))
            : null,
        })
        .execute();
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.status',
        subject: `report:${reportId}`,
        reason: `${from}→${input.status}`,
      });
    });
    return { status: input.status, outcome: outcome as Outcome | null };
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
