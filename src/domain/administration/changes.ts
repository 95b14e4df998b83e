/**
 * Changes that wait for a second administrator (the two-person rule for what could redirect reports or
 * identities): a profile version that is more than wording, a user's category staff, a user's role. They wait
 * only when the deployment has more than one active administrator; with one, they apply at once (audited). The
 * requester may withdraw, never approve; approving re-checks what the change rests on (the version it was made
 * from, the user's existence) and applies it in the same transaction. A change waits at most CHANGE_TTL_DAYS.
 * @see DESIGN "Two-person rule"; ISO 37002 §8.2
 */
import { randomUUID } from 'node:crypto';
import type {
  AdminChangeView,
  ChangeKind,
  ChangeOutcome,
  DiffEntry,
  ProfileSource,
} from '../../shared/administration.ts';
import type { Role } from '../../shared/api.ts';
import {
  countUserGrants,
  decideChange,
  expireChanges,
  findChange,
  findLatestVersion,
  findPendingChange,
  insertChange,
  listActiveAdministrators,
  listChanges,
  updateUserRole,
} from '../../store/administration.ts';
import { findDisplayNames, findUserNameById, updateUserCategories } from '../../store/category-staff.ts';
import { findUserById } from '../../store/users.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { DAY } from '../../shared/time.ts';
import { audit } from '../audit/record.ts';
import { checkedCategories, parseCategories } from '../accounts/category-staff.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { diffValues } from './diff.ts';
import { checkBase, publishVersion, validated } from './profile.ts';

export const CHANGE_TTL_DAYS = 7;
const CHANGES_SHOWN = 100;

/** The roles that hold cases: a person holding one may not be moved to another role while they hold cases. */
const CASE_ROLES: ReadonlySet<string> = new Set(['supervisor', 'handler', 'oversight', 'custodian']);

/** Changes, pending first; pending ones older than CHANGE_TTL_DAYS are marked expired first. */
export async function changeList(deps: Deps, viewer: string): Promise<AdminChangeView[]> {
  await expireOld(deps);
  const rows = await listChanges(deps.db, CHANGES_SHOWN);
  return present(deps, rows, viewer);
}

export async function presentChange(deps: Deps, id: string, viewer: string): Promise<AdminChangeView> {
  const row = await findChange(deps.db, id);
  if (!row) throw errors.notFound('There is no such change.');
  return (await present(deps, [row], viewer))[0]!;
}

type ChangeRow = NonNullable<Awaited<ReturnType<typeof findChange>>>;

async function present(deps: Deps, rows: ChangeRow[], viewer: string): Promise<AdminChangeView[]> {
  const ids = rows.flatMap((r) => [r.requested_by, r.decided_by, r.subject]).filter((id): id is string => !!id);
  const names = await findDisplayNames(deps.db, ids);
  const name = (id: string | null) => (id ? (names.get(id) ?? 'a former staff member') : null);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeKind,
    subject:
      r.kind === 'profile'
        ? `Profile version ${(r.base_number ?? 0) + 1}`
        : `${name(r.subject)} (${r.kind === 'role' ? 'role' : 'categories'})`,
    diff: JSON.parse(r.diff) as DiffEntry[],
    note: r.note,
    requestedBy: name(r.requested_by) ?? 'a former staff member',
    requestedAt: r.requested_at,
    status: r.status as AdminChangeView['status'],
    decidedBy: name(r.decided_by),
    decidedAt: r.decided_at,
    mine: r.requested_by === viewer,
  }));
}

async function expireOld(deps: Deps): Promise<void> {
  const now = deps.now();
  await expireChanges(deps.db, new Date(now.getTime() - CHANGE_TTL_DAYS * DAY).toISOString(), now.toISOString());
}

/** Whether a change by `actor` waits for another administrator: more than one active administrator exists. */
async function waits(deps: Deps, actor: string): Promise<boolean> {
  const admins = await listActiveAdministrators(deps.db);
  return admins.some((id) => id !== actor);
}

async function request(
  deps: Deps,
  actor: string,
  change: { kind: ChangeKind; subject: string; payload: unknown; diff: DiffEntry[] },
): Promise<ChangeOutcome> {
  if (await findPendingChange(deps.db, change.kind, change.subject))
    throw errors.conflict(
      'change_pending',
      'A change of this kind for this person is already waiting for approval. Approve, reject or withdraw it first.',
    );
  const id = randomUUID();
  await inTransaction(deps.db, async (trx) => {
    await insertChange(trx, {
      id,
      kind: change.kind,
      subject: change.subject,
      payload: JSON.stringify(change.payload),
      diff: JSON.stringify(change.diff),
      base_number: null,
      status: 'pending',
      note: null,
      requested_by: actor,
      requested_at: deps.now().toISOString(),
      decided_by: null,
      decided_at: null,
    });
    await audit(deps, trx, {
      actor,
      action: `user.${change.kind}_request`,
      subject: `user:${change.subject}`,
      reason: JSON.stringify(change.payload),
    });
  });
  return { outcome: 'pending', change: await presentChange(deps, id, actor) };
}

/**
 * Sets a user's role: at once with one administrator, else as a change for another administrator.
 * @throws not_found | conflict/last_administrator (the last active administrator keeps the role) |
 *   conflict/holds_cases (someone holding cases keeps a case role until their access is removed)
 */
export async function changeRole(deps: Deps, actor: string, userId: string, role: Role): Promise<ChangeOutcome> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw errors.notFound('No such user.');
  if (user.role === role) return { outcome: 'applied' };
  await checkRoleChange(deps.db, user);
  const diff = diffValues({ role: user.role }, { role });
  if (await waits(deps, actor)) return request(deps, actor, { kind: 'role', subject: userId, payload: role, diff });
  await inTransaction(deps.db, (trx) => applyRole(deps, trx, actor, null, userId, role));
  return { outcome: 'applied' };
}

async function checkRoleChange(db: Tx | Deps['db'], user: { id: string; role: string }) {
  if (user.role === 'administrator') {
    const admins = await listActiveAdministrators(db);
    if (admins.filter((id) => id !== user.id).length === 0)
      throw errors.conflict(
        'last_administrator',
        'This is the only active administrator: make another administrator first, then change this role.',
      );
  }
  if (CASE_ROLES.has(user.role) && (await countUserGrants(db, user.id)) > 0)
    throw errors.conflict(
      'holds_cases',
      'This person holds cases. A supervisor must remove their access to each case first (the case’s Access panel); then change the role.',
    );
}

async function applyRole(
  deps: Deps,
  trx: Tx,
  requester: string,
  approver: string | null,
  userId: string,
  role: string,
) {
  const user = await findUserById(trx, userId);
  if (!user) throw errors.notFound('This person’s account no longer exists.');
  await checkRoleChange(trx, user);
  await updateUserRole(trx, userId, role);
  await audit(deps, trx, {
    actor: approver ?? requester,
    action: 'user.role',
    subject: `user:${userId}`,
    reason: `${user.role} → ${role}${approver ? ` (requested by user:${requester})` : ''}`,
  });
}

/**
 * Sets the categories a user works on (null: every category): at once with one administrator, else as a change.
 * @throws not_found | invalid/unknown_category
 */
export async function changeCategories(
  deps: Deps,
  actor: string,
  userId: string,
  categories: readonly string[] | null,
): Promise<ChangeOutcome> {
  const row = await findUserNameById(deps.db, userId);
  if (!row) throw errors.notFound('No such user.');
  const ids = checkedCategories(deps, categories);
  const current = await findUserById(deps.db, userId);
  const before = parseCategories(current?.categories ?? null);
  const diff = diffValues({ categories: before }, { categories: ids });
  if (diff.length === 0) return { outcome: 'applied' };
  if (await waits(deps, actor))
    return request(deps, actor, { kind: 'category_staff', subject: userId, payload: ids, diff });
  await inTransaction(deps.db, (trx) => applyCategories(deps, trx, actor, null, userId, ids));
  return { outcome: 'applied' };
}

async function applyCategories(
  deps: Deps,
  trx: Tx,
  requester: string,
  approver: string | null,
  userId: string,
  ids: string[] | null,
) {
  if (!(await findUserNameById(trx, userId))) throw errors.notFound('This person’s account no longer exists.');
  await updateUserCategories(trx, userId, ids === null ? null : JSON.stringify(ids));
  await audit(deps, trx, {
    actor: approver ?? requester,
    action: 'user.categories',
    subject: `user:${userId}`,
    reason: (ids === null ? 'all' : ids.join(',') || 'none') + (approver ? ` (requested by user:${requester})` : ''),
  });
}

/**
 * Approves and applies change `id` as administrator `actor`.
 * @throws not_found | forbidden/own_change | conflict/decided | conflict/stale_draft (the change is marked expired)
 */
export async function approveChange(deps: Deps, actor: string, id: string): Promise<ChangeOutcome> {
  await expireOld(deps);
  const row = await findChange(deps.db, id);
  if (!row) throw errors.notFound('There is no such change.');
  if (row.requested_by === actor)
    throw errors.conflict('own_change', 'You requested this change: another administrator must approve it.');
  if (row.status !== 'pending') throw errors.conflict('decided', `This change is ${row.status} already.`);
  const now = deps.now().toISOString();
  const requester = row.requested_by ?? actor;
  if (row.kind === 'profile') {
    const latest = (await findLatestVersion(deps.db))?.number ?? 0;
    try {
      checkBase(latest, row.base_number ?? 0);
    } catch (error) {
      await decideChange(deps.db, id, { status: 'expired', decided_by: null, decided_at: now });
      throw error;
    }
    const source = JSON.parse(row.payload) as ProfileSource;
    const profile = validated(source);
    const number = await inTransaction(deps.db, async (trx) => {
      if (!(await decideChange(trx, id, { status: 'applied', decided_by: actor, decided_at: now })))
        throw errors.conflict('decided', 'This change was decided by someone else just now.');
      return publishVersion(deps, trx, {
        source,
        profile,
        diff: JSON.parse(row.diff) as DiffEntry[],
        publishedBy: requester,
        approvedBy: actor,
        note: row.note ?? '',
      });
    });
    return { outcome: 'applied', versionNumber: number };
  }
  await inTransaction(deps.db, async (trx) => {
    if (!(await decideChange(trx, id, { status: 'applied', decided_by: actor, decided_at: now })))
      throw errors.conflict('decided', 'This change was decided by someone else just now.');
    const payload = JSON.parse(row.payload) as unknown;
    if (row.kind === 'role') await applyRole(deps, trx, requester, actor, row.subject!, payload as string);
    else
      await applyCategories(
        deps,
        trx,
        requester,
        actor,
        row.subject!,
        checkedCategories(deps, payload as string[] | null),
      );
  });
  return { outcome: 'applied' };
}

/**
 * Rejects (another administrator) or withdraws (the requester) change `id`.
 * @throws not_found | conflict/own_change (reject your own: withdraw it) | forbidden (withdraw another's) | conflict/decided
 */
export async function closeChange(
  deps: Deps,
  actor: string,
  id: string,
  how: 'rejected' | 'withdrawn',
  note: string,
): Promise<AdminChangeView> {
  const row = await findChange(deps.db, id);
  if (!row) throw errors.notFound('There is no such change.');
  if (how === 'rejected' && row.requested_by === actor)
    throw errors.conflict('own_change', 'You requested this change: withdraw it instead.');
  if (how === 'withdrawn' && row.requested_by !== actor)
    throw errors.forbidden('Only the administrator who requested a change may withdraw it.');
  await inTransaction(deps.db, async (trx) => {
    if (!(await decideChange(trx, id, { status: how, decided_by: actor, decided_at: deps.now().toISOString() })))
      throw errors.conflict('decided', `This change is ${row.status} already.`);
    await audit(deps, trx, {
      actor,
      action: how === 'rejected' ? 'admin.change_reject' : 'admin.change_withdraw',
      subject: `change:${id}`,
      reason: note || null,
    });
  });
  return presentChange(deps, id, actor);
}
