/**
 * The `grants` table (sealed keys a user holds on a case: scope case, identity or evidence) and the `original_keys`
 * passed on to a user, with the joins of reports to a user's own case grants.
 */
import type { Database } from './database.ts';
import type { GrantsTable } from './tables.ts';

/**
 * The grant of `scope` that a user holds on a case: its sealed key and when it was given (ISO 8601); undefined
 * without one.
 */
export function heldGrant(db: Database, reportId: string, userId: string, scope: GrantsTable['scope']) {
  return db
    .selectFrom('grants')
    .select(['sealed_key', 'created_at'])
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .executeTakeFirst();
}

/**
 * Reports (as `r`) joined to the user's own case grants (as `g`): the only cases that exist for them.
 * @param drive the side SQLite reads first. `grants`: the user's grants, then sorted (for a user holding few).
 *   `reports`: an index on reports in the order asked, each row's grant probed (for a user holding many: a
 *   supervisor holds a grant on every case). SQLite keeps the order of a CROSS JOIN; PostgreSQL plans both alike.
 */
export function grantedReports(db: Database, userId: string, drive: 'grants' | 'reports' = 'grants') {
  if (drive === 'reports')
    return db
      .selectFrom('reports as r')
      .crossJoin('grants as g')
      .whereRef('g.report_id', '=', 'r.id')
      .where('g.user_id', '=', userId)
      .where('g.scope', '=', 'case');
  return db
    .selectFrom('reports as r')
    .innerJoin('grants as g', (j) =>
      j.onRef('g.report_id', '=', 'r.id').on('g.user_id', '=', userId).on('g.scope', '=', 'case'),
    );
}

/** Whether the user holds fewer than `n` case grants; reads at most `n` entries of the grants_user index. */
export async function holdsFewerCaseGrants(db: Database, userId: string, n: number): Promise<boolean> {
  const held = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('grants')
        .select('report_id')
        .where('user_id', '=', userId)
        .where('scope', '=', 'case')
        .limit(n)
        .as('held'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(held.n) < n;
}

/** A granted report by reference (upper case): its id and time received; undefined when the user holds none. */
export function findGrantedReportByReference(db: Database, userId: string, reference: string) {
  return grantedReports(db, userId)
    .select(['r.id', 'r.received_at'])
    .where('r.reference', '=', reference)
    .executeTakeFirst();
}

/** The holders of a case grant, by display name: user id, granted at (ISO 8601), display name and role. */
export function listCaseGrantHolders(db: Database, reportId: string) {
  return db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.created_at', 'u.display_name', 'u.role'])
    .where('g.report_id', '=', reportId)
    .where('g.scope', '=', 'case')
    .orderBy('u.display_name')
    .execute();
}

/** The scopes of the grants a user holds on a case. */
export async function listHeldScopes(db: Database, reportId: string, userId: string) {
  const rows = await db
    .selectFrom('grants')
    .select('scope')
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((g) => g.scope);
}

/** Whether an enabled, activated user other than `userId` holds a grant of `scope` on the case. */
export async function hasOtherActiveHolder(
  db: Database,
  reportId: string,
  scope: GrantsTable['scope'],
  userId: string,
): Promise<boolean> {
  const other = await db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('u.id')
    .where('g.report_id', '=', reportId)
    .where('g.scope', '=', scope)
    .where('g.user_id', '!=', userId)
    .where('u.disabled_at', 'is', null)
    .where('u.activated_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}

/** Inserts a case grant; nothing when the user already holds one. `createdAt` ISO 8601. */
export async function insertCaseGrant(
  db: Database,
  grant: { reportId: string; userId: string; sealedKey: Buffer; grantedBy: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('grants')
    .values({
      report_id: grant.reportId,
      user_id: grant.userId,
      scope: 'case',
      sealed_key: grant.sealedKey,
      granted_by: grant.grantedBy,
      created_at: grant.createdAt,
    })
    .onConflict((oc) => oc.columns(['report_id', 'user_id', 'scope']).doNothing())
    .execute();
}

/**
 * Deletes every grant a user holds on a case, and the originals' keys passed on to them.
 * @returns how many grants were deleted (original keys not counted)
 */
export async function deleteHeldKeys(db: Database, reportId: string, userId: string): Promise<number> {
  const removed = await db
    .deleteFrom('grants')
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  await db.deleteFrom('original_keys').where('report_id', '=', reportId).where('user_id', '=', userId).execute();
  return Number(removed.numDeletedRows);
}

/** The sealed key of one original passed on to a user; undefined when none was. */
export function findOriginalKey(db: Database, fileId: string, userId: string) {
  return db
    .selectFrom('original_keys')
    .select('sealed_key')
    .where('file_id', '=', fileId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Inserts the key of one original passed on to a user; nothing when they hold it already. `createdAt` ISO 8601. */
export async function insertOriginalKey(
  db: Database,
  key: { fileId: string; userId: string; reportId: string; sealedKey: Buffer; grantedBy: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('original_keys')
    .values({
      file_id: key.fileId,
      user_id: key.userId,
      report_id: key.reportId,
      sealed_key: key.sealedKey,
      granted_by: key.grantedBy,
      created_at: key.createdAt,
    })
    .onConflict((oc) => oc.columns(['file_id', 'user_id']).doNothing())
    .execute();
}
