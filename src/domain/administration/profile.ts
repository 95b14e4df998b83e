/**
 * The deployment profile administered in the workspace. Version 0 is the profile files the deployment started
 * from (profiles/<id>/); each publication stores the whole source as the next numbered version, and the highest
 * one is in force (also after a restart: loadProfileInForce). Each administrator has one draft, saved as typed —
 * valid or not — so that nothing typed is lost; problems are shown, not refused, until publication.
 *
 * Publishing a change that is more than wording (./diff.ts isWording) waits for a second administrator when the
 * deployment has more than one (./changes.ts); with one, it applies at once. Either way it is audited with its
 * differences. @see DESIGN "Two-person rule"
 */
import { randomUUID } from 'node:crypto';
import { readProfileFiles, loadProfile, ProfileError, resolveProfileDir } from '../../profiles/load.ts';
import { formatPath, isObject, readProfileSource } from '../../profiles/source.ts';
import type {
  AdminProfileView,
  ChangeOutcome,
  DiffEntry,
  ProfileDraftView,
  ProfileProblemView,
  ProfileSource,
  ProfileVersionView,
} from '../../shared/administration.ts';
import type { Profile } from '../../shared/profile.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import {
  deleteDraft,
  findDraft,
  findLatestVersion,
  findPendingChange,
  findVersion,
  insertChange,
  insertVersion,
  listActiveAdministrators,
  listVersions,
  upsertDraft,
} from '../../store/administration.ts';
import { findDisplayNames } from '../../store/category-staff.ts';
import type { Database } from '../../store/database.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { DEFAULT_PROFILE, getSetting } from '../accounts/setup.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { DomainError, errors } from '../errors.ts';
import { diffPaths, diffValues, isWording } from './diff.ts';
import { presentChange } from './changes.ts';

/** Most characters of a source (JSON): a profile is a few hundred kilobytes at most. */
export const MAX_SOURCE_CHARS = 1_000_000;
/** Most versions listed. */
const VERSIONS_SHOWN = 50;

/**
 * The profile in force at start-up: the highest published version in the database, else the files in `dir`.
 * @throws ProfileError naming the version and each problem when a stored version no longer validates (a newer
 *   Confide may have tightened the schema: publish a corrected version with the previous release, or fix the files)
 */
export async function loadProfileInForce(db: Database, dir: string): Promise<Profile> {
  const latest = await findLatestVersion(db);
  if (!latest) return loadProfile(dir);
  const reading = readProfileSource(JSON.parse(latest.source) as unknown);
  if (reading.ok) return reading.profile;
  throw new ProfileError(
    reading.issues.map((issue) => ({
      file: `profile version ${latest.number} (database)`,
      where: formatPath(issue.path),
      message: issue.message,
    })),
  );
}

/** The published version in force: its number and source (version 0: the files). */
export async function publishedSource(deps: Deps): Promise<{ number: number; source: ProfileSource }> {
  const latest = await findLatestVersion(deps.db);
  if (latest) return { number: latest.number, source: JSON.parse(latest.source) as ProfileSource };
  const id = (await getSetting(deps, 'profile')) ?? DEFAULT_PROFILE;
  return { number: 0, source: (await readProfileFiles(resolveProfileDir(deps.profilesDir, id))).source };
}

/** Problems of a source as JSON paths; empty when it can be published. */
export function problemsOf(source: ProfileSource): ProfileProblemView[] {
  const reading = readProfileSource(source);
  if (reading.ok) return [];
  return reading.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Whether the change from `before` to `after` is only wording (see ./diff.ts). */
export function wordingOnly(before: ProfileSource, after: ProfileSource): boolean {
  return diffPaths(before, after).every(isWording);
}

/** GET /admin/profile for administrator `userId`. */
export async function adminProfileView(deps: Deps, userId: string): Promise<AdminProfileView> {
  const published = await publishedSource(deps);
  const administrators = (await listActiveAdministrators(deps.db)).length;
  const row = await findDraft(deps.db, userId);
  const draft = row ? draftView(published.source, administrators, JSON.parse(row.source), row) : null;
  const version = published.number > 0 ? (await findVersion(deps.db, published.number))! : null;
  const names = await findDisplayNames(
    deps.db,
    [version?.published_by, version?.approved_by].filter((id): id is string => !!id),
  );
  return {
    published: {
      number: published.number,
      publishedAt: version?.published_at ?? null,
      publishedBy: version?.published_by ? (names.get(version.published_by) ?? null) : null,
      approvedBy: version?.approved_by ? (names.get(version.approved_by) ?? null) : null,
      note: version?.note ?? null,
      diff: version ? (JSON.parse(version.diff) as DiffEntry[]) : [],
      source: published.source,
    },
    draft,
    administrators: Math.max(administrators, 1),
    languages: [...LANGUAGES],
  };
}

function draftView(
  published: ProfileSource,
  administrators: number,
  source: ProfileSource,
  row: { base_number: number; updated_at: string },
): ProfileDraftView {
  return {
    source,
    baseNumber: row.base_number,
    updatedAt: row.updated_at,
    problems: problemsOf(source),
    diff: diffValues(published, source),
    needsApproval: administrators > 1 && !wordingOnly(published, source),
  };
}

/**
 * Saves `source` as administrator `userId`'s draft, valid or not.
 * @throws DomainError too_large (over MAX_SOURCE_CHARS) | invalid/not_an_object
 */
export async function saveDraft(
  deps: Deps,
  userId: string,
  source: ProfileSource,
  baseNumber: number,
): Promise<ProfileDraftView> {
  const text = checkedSource(source);
  const updatedAt = deps.now().toISOString();
  await upsertDraft(deps.db, { user_id: userId, source: text, base_number: baseNumber, updated_at: updatedAt });
  const published = await publishedSource(deps);
  const administrators = (await listActiveAdministrators(deps.db)).length;
  return draftView(published.source, administrators, source, { base_number: baseNumber, updated_at: updatedAt });
}

export async function discardDraft(deps: Deps, userId: string): Promise<void> {
  await deleteDraft(deps.db, userId);
}

function checkedSource(source: ProfileSource): string {
  if (!isObject(source)) throw errors.invalid('not_an_object', 'A profile is one JSON object.');
  const text = JSON.stringify(source);
  if (text.length > MAX_SOURCE_CHARS)
    throw errors.tooLarge(`A profile may have at most ${MAX_SOURCE_CHARS} characters; this one has ${text.length}.`);
  return text;
}

/**
 * Publishes administrator `userId`'s draft: at once when it is only wording or they are the only administrator,
 * else as a change waiting for another administrator.
 * @throws DomainError not_found (no draft) | conflict/stale_draft (a newer version was published since the draft
 *   was started) | unprocessable/profile_invalid (with the problems by path) | conflict/change_pending
 */
export async function publishDraft(
  deps: Deps,
  userId: string,
  baseNumber: number,
  note: string,
): Promise<ChangeOutcome> {
  const row = await findDraft(deps.db, userId);
  if (!row) throw errors.notFound('You have no draft to publish. Change something first.');
  const source = JSON.parse(row.source) as ProfileSource;
  const published = await publishedSource(deps);
  checkBase(published.number, baseNumber, row.base_number);
  const profile = validated(source);
  const diff = diffValues(published.source, source);
  if (diff.length === 0) throw errors.invalid('no_change', 'The draft is the same as the published profile.');
  const administrators = await listActiveAdministrators(deps.db);
  if (administrators.length > 1 && !wordingOnly(published.source, source)) {
    if (await findPendingChange(deps.db, 'profile', null))
      throw errors.conflict(
        'change_pending',
        'Another profile change is waiting for approval. Approve, reject or withdraw it first (Administration › Changes).',
      );
    const id = randomUUID();
    const now = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      await insertChange(trx, {
        id,
        kind: 'profile',
        subject: null,
        payload: row.source,
        diff: JSON.stringify(diff),
        base_number: published.number,
        status: 'pending',
        note: note || null,
        requested_by: userId,
        requested_at: now,
        decided_by: null,
        decided_at: null,
      });
      await deleteDraft(trx, userId);
      await audit(deps, trx, {
        actor: userId,
        action: 'profile.change_request',
        subject: `change:${id}`,
        reason: summary(published.number + 1, diff),
      });
    });
    return { outcome: 'pending', change: await presentChange(deps, id, userId) };
  }
  const number = await inTransaction(deps.db, async (trx) => {
    const n = await publishVersion(deps, trx, { source, profile, diff, publishedBy: userId, approvedBy: null, note });
    await deleteDraft(trx, userId);
    return n;
  });
  return { outcome: 'applied', versionNumber: number };
}

/** @throws conflict/stale_draft when a version newer than the draft's (or the request's) base was published */
export function checkBase(current: number, ...bases: number[]): void {
  if (bases.some((base) => base !== current))
    throw errors.conflict(
      'stale_draft',
      `Version ${current} was published after this draft was started. Open the administration again: your draft is kept; compare it with version ${current} and publish again.`,
    );
}

/** @throws DomainError unprocessable/profile_invalid listing the problems by path */
export function validated(source: ProfileSource): Profile {
  const reading = readProfileSource(source);
  if (reading.ok) return reading.profile;
  const details = Object.fromEntries(reading.issues.map((i) => [formatPath(i.path) || '(profile)', i.message]));
  throw new DomainError(
    'unprocessable',
    'profile_invalid',
    `The profile has ${reading.issues.length} problem(s); fix them before publishing.`,
    details,
  );
}

/**
 * Stores the next version, puts it in force and audits it, in `trx`. The profile in force changes inside the
 * transaction, so that a profile the server cannot adopt (e.g. without CONFIDE_LANGUAGE) rolls the version back.
 * @returns the new version's number
 */
export async function publishVersion(
  deps: Deps,
  trx: Tx,
  v: {
    source: ProfileSource;
    profile: Profile;
    diff: DiffEntry[];
    publishedBy: string | null;
    approvedBy: string | null;
    note: string;
  },
): Promise<number> {
  const number = ((await findLatestVersion(trx))?.number ?? 0) + 1;
  await insertVersion(trx, {
    number,
    source: JSON.stringify(v.source),
    diff: JSON.stringify(v.diff),
    published_by: v.publishedBy,
    approved_by: v.approvedBy,
    note: v.note || null,
    published_at: deps.now().toISOString(),
  });
  await audit(deps, trx, {
    actor: v.approvedBy ?? v.publishedBy,
    action: 'profile.publish',
    subject: `profile:${number}`,
    reason: summary(number, v.diff),
  });
  const before = deps.profile();
  try {
    deps.setProfile(v.profile);
  } catch (error) {
    deps.setProfile(before);
    throw errors.invalid(
      'profile_not_adoptable',
      `This server cannot use the profile: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return number;
}

/** The audit line of a publication: version, count, and the first paths changed (bounded). */
function summary(number: number, diff: readonly DiffEntry[]): string {
  const shown = diff.slice(0, 20).map((d) => `${d.kind} ${d.path || '(profile)'}`);
  const more = diff.length > shown.length ? `; and ${diff.length - shown.length} more` : '';
  return `version ${number}: ${diff.length} difference(s): ${shown.join('; ')}${more}`.slice(0, 2_000);
}

/** Published versions, newest first. */
export async function versionList(deps: Deps): Promise<ProfileVersionView[]> {
  const rows = await listVersions(deps.db, VERSIONS_SHOWN);
  const names = await findDisplayNames(
    deps.db,
    rows.flatMap((r) => [r.published_by, r.approved_by]).filter((id): id is string => !!id),
  );
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((r) => ({
    number: r.number,
    publishedAt: r.published_at,
    publishedBy: name(r.published_by),
    approvedBy: name(r.approved_by),
    note: r.note,
    diff: JSON.parse(r.diff) as DiffEntry[],
  }));
}

/** The source of version `number` (0: the files). @throws DomainError not_found */
export async function versionSource(deps: Deps, number: number): Promise<ProfileSource> {
  if (number === 0) {
    const id = (await getSetting(deps, 'profile')) ?? DEFAULT_PROFILE;
    return (await readProfileFiles(resolveProfileDir(deps.profilesDir, id))).source;
  }
  const row = await findVersion(deps.db, number);
  if (!row) throw errors.notFound(`There is no profile version ${number}.`);
  return JSON.parse(row.source) as ProfileSource;
}
