/**
 * Shapes of the administration endpoints (`/api/v1/admin/…`, administrators only): the deployment profile kept in
 * the database as numbered published versions, one draft per administrator, a preview of the public form, and
 * changes that wait for a second administrator. Shared by the server (schemas, OpenAPI) and the staff workspace.
 *
 * A profile "source" is the profile as its files hold it, in one object: `profile.json` with a `categories` array
 * of the category files, texts translated (`{ "en": …, "zh-CN": … }`) or plain. The same schema validates it as the
 * files (src/shared/profile.ts `profileReaderIn`); the files stay the starting point and the import/export format.
 *
 * A change that could redirect reports or identities waits for a second administrator when the deployment has
 * more than one active administrator: publishing a profile whose change is more than wording (categories,
 * questionnaires, the identity section, channel addresses, policies), a user's category staff, and a user's role.
 * @see DESIGN "Two-person rule"; ISO 37002 §8.2
 */
import { z } from 'zod';
import { UserResponse } from './accounts.ts';
import { Role } from './api.ts';

/** The profile as its files hold it (profile.json plus `categories`); validated by the profile schema, not here. */
export const ProfileSource = z.record(z.string(), z.unknown());
export type ProfileSource = z.infer<typeof ProfileSource>;

/** One problem in a source: `path` as `categories[2].fields[0].label.zh-CN` ('' for the whole), what is wrong and the fix. */
export const ProfileProblemView = z.object({ path: z.string(), message: z.string() });
export type ProfileProblemView = z.infer<typeof ProfileProblemView>;

/** One difference between two sources (or two values); `before` absent when added, `after` absent when removed. */
export const DiffEntry = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;

/** A published version. Number 0 is the profile files the deployment started from (never stored). */
export const ProfileVersionView = z.object({
  number: z.int().min(0),
  publishedAt: z.string().nullable(),
  /** Display names; null for version 0. */
  publishedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** Differences from the version before it (empty for version 0). */
  diff: z.array(DiffEntry),
});
export type ProfileVersionView = z.infer<typeof ProfileVersionView>;

/** My draft: saved as typed, valid or not, so that no work is lost; `problems` empty when it can be published. */
export const ProfileDraftView = z.object({
  source: ProfileSource,
  /** The published version it was started from; publishing fails with conflict/stale_draft when a newer one exists. */
  baseNumber: z.int().min(0),
  updatedAt: z.string(),
  problems: z.array(ProfileProblemView),
  /** Differences from the published version. */
  diff: z.array(DiffEntry),
  /** Whether publishing it needs a second administrator (more than wording, and more than one administrator). */
  needsApproval: z.boolean(),
});
export type ProfileDraftView = z.infer<typeof ProfileDraftView>;

/** GET /admin/profile */
export const AdminProfileView = z.object({
  published: ProfileVersionView.extend({ source: ProfileSource }),
  draft: ProfileDraftView.nullable(),
  /** Active, activated administrators, me included: with 1, changes apply at once (the screen says so). */
  administrators: z.int().min(1),
  /** The shipped languages (BCP 47 tags) the editor offers for translated texts. */
  languages: z.array(z.string()),
});
export type AdminProfileView = z.infer<typeof AdminProfileView>;

/** PUT /admin/profile/draft */
export const SaveDraftRequest = z.object({ source: ProfileSource, baseNumber: z.int().min(0) });

/** POST /admin/profile/preview → text/html: the public page a reporter would see, marked as a preview. */
export const PreviewRequest = z.object({
  source: ProfileSource,
  /** A category id for its report form; absent for the start page. */
  category: z.string().max(40).optional(),
  language: z.string().max(10).optional(),
});

/** POST /admin/profile/publish: publishes my draft (or submits it for approval). */
export const PublishRequest = z.object({ baseNumber: z.int().min(0), note: z.string().trim().max(2_000).default('') });

export const CHANGE_KINDS = ['profile', 'category_staff', 'role'] as const;
export const ChangeKind = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKind>;
export const CHANGE_STATUSES = ['pending', 'applied', 'rejected', 'withdrawn', 'expired'] as const;

/** A change waiting for (or decided by) a second administrator. */
export const AdminChangeView = z.object({
  id: z.string(),
  kind: ChangeKind,
  /** What it changes, by name: "Profile version 4", "Wang Fang (handler)". */
  subject: z.string(),
  diff: z.array(DiffEntry),
  note: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: z.enum(CHANGE_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** I requested it: I may withdraw it, not approve it. */
  mine: z.boolean(),
});
export type AdminChangeView = z.infer<typeof AdminChangeView>;

/** The answer to a change that may wait for approval. */
export const ChangeOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied'), versionNumber: z.int().optional() }),
  z.object({ outcome: z.literal('pending'), change: AdminChangeView }),
]);
export type ChangeOutcome = z.infer<typeof ChangeOutcome>;

/** PUT /users/:id/role and /users/:id/categories: the user as they stand now, and whether the change applied or waits. */
export const UserChangeResponse = UserResponse.extend({
  outcome: z.enum(['applied', 'pending']),
  change: AdminChangeView.optional(),
});
export type UserChangeResponse = z.infer<typeof UserChangeResponse>;

/** PUT /users/:id/role */
export const RoleRequest = z.object({ role: Role });
/** PUT /users/:id/email: null removes it. */
export const EmailRequest = z.object({ email: z.string().trim().max(320).nullable() });
/** POST /admin/changes/:id/reject */
export const DecisionNote = z.object({ note: z.string().trim().max(2_000).default('') });

/** The answer to a user change: the user, and the change when it waits. */
export function userChange(outcome: ChangeOutcome, user: UserChangeResponse['user']): UserChangeResponse {
  return outcome.outcome === 'pending'
    ? { user, outcome: 'pending', change: outcome.change }
    : { user, outcome: 'applied' };
}
