/**
 * The administration API: the deployment profile as numbered published versions, my draft, a preview of the
 * public pages, publication (at once, or as a change waiting for a second administrator), the changes waiting,
 * export; and a user's role and e-mail. Administrators only; to everyone else these routes do not exist (404).
 * Nothing here reads a report: the preview holds only profile text. See src/domain/administration.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adminProfileView,
  discardDraft,
  publishDraft,
  saveDraft,
  validated,
  versionList,
  versionSource,
} from '../../../domain/administration/profile.ts';
import { approveChange, changeList, changeRole, closeChange } from '../../../domain/administration/changes.ts';
import { setUserEmail } from '../../../domain/accounts/user-admin.ts';
import { getUserListItem } from '../../../domain/accounts/user-list.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  AdminChangeView,
  AdminProfileView,
  ChangeOutcome,
  DecisionNote,
  EmailRequest,
  PreviewRequest,
  ProfileDraftView,
  ProfileSource,
  ProfileVersionView,
  PublishRequest,
  RoleRequest,
  SaveDraftRequest,
  UserChangeResponse,
  userChange,
} from '../../../shared/administration.ts';
import { UserParams, UserResponse } from '../../../shared/accounts.ts';
import { previewPage } from '../../public/preview.ts';
import type { RouteContext } from '../../core/route-context.ts';

/** A source is at most 1,000,000 characters (MAX_SOURCE_CHARS); its JSON with escapes fits in 4 MB. */
const SOURCE_BODY_LIMIT = 4 * 1024 * 1024;

const ChangeParams = z.object({ id: z.uuid() });
const VersionParams = z.object({ number: z.coerce.number().int().min(0).max(1_000_000) });

export function adminRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: ['administrator'] as const };
    const tags = ['administration'];
    const refused = {
      400: ErrorBody,
      401: ErrorBody,
      403: ErrorBody,
      404: ErrorBody,
      409: ErrorBody,
      413: ErrorBody,
      422: ErrorBody,
    };

    r.get(
      '/admin/profile',
      {
        config,
        schema: {
          tags,
          summary: 'The published profile and my draft',
          response: { 200: AdminProfileView, ...refused },
        },
      },
      async (request) => adminProfileView(deps, request.viewer!.userId),
    );

    r.put(
      '/admin/profile/draft',
      {
        config,
        bodyLimit: SOURCE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Save my draft as typed (valid or not); the answer lists its problems and differences',
          body: SaveDraftRequest,
          response: { 200: ProfileDraftView, ...refused },
        },
      },
      async (request) => saveDraft(deps, request.viewer!.userId, request.body.source, request.body.baseNumber),
    );

    r.delete(
      '/admin/profile/draft',
      { config, schema: { tags, summary: 'Discard my draft', response: { 204: z.null(), ...refused } } },
      async (request, reply) => {
        await discardDraft(deps, request.viewer!.userId);
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/admin/profile/preview',
      {
        config,
        bodyLimit: SOURCE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'The public start page or a category’s form as a draft would publish it (text/html)',
          body: PreviewRequest,
          response: { 200: z.string(), ...refused },
        },
      },
      async (request, reply) => {
        const profile = validated(request.body.source);
        const page = previewPage(profile, { category: request.body.category, language: request.body.language });
        return reply.type('text/html; charset=utf-8').send(page);
      },
    );

    r.post(
      '/admin/profile/publish',
      {
        config,
        schema: {
          tags,
          summary: 'Publish my draft, or submit it for a second administrator’s approval',
          description:
            'Applied at once when it changes only wording or there is one administrator; otherwise it waits (pending). 409 `stale_draft` when a newer version was published; 422 `profile_invalid` with the problems by path.',
          body: PublishRequest,
          response: { 200: ChangeOutcome, ...refused },
        },
      },
      async (request) => publishDraft(deps, request.viewer!.userId, request.body.baseNumber, request.body.note),
    );

    r.get(
      '/admin/profile/versions',
      {
        config,
        schema: {
          tags,
          summary: 'Published versions, newest first',
          response: { 200: z.object({ versions: z.array(ProfileVersionView) }), ...refused },
        },
      },
      async () => ({ versions: await versionList(deps) }),
    );

    r.get(
      '/admin/profile/versions/:number/export',
      {
        config,
        schema: {
          tags,
          summary: 'Download a version’s source as JSON (0: the profile files)',
          params: VersionParams,
          response: { 200: ProfileSource, ...refused },
        },
      },
      async (request, reply) => {
        const source = await versionSource(deps, request.params.number);
        const id = typeof source.id === 'string' && /^[a-z0-9-]{1,64}$/.test(source.id) ? source.id : 'profile';
        reply.header('Content-Disposition', `attachment; filename="${id}-v${request.params.number}.json"`);
        return source;
      },
    );

    r.get(
      '/admin/changes',
      {
        config,
        schema: {
          tags,
          summary: 'Changes waiting for approval, then recent decisions',
          response: { 200: z.object({ changes: z.array(AdminChangeView) }), ...refused },
        },
      },
      async (request) => ({ changes: await changeList(deps, request.viewer!.userId) }),
    );

    r.post(
      '/admin/changes/:id/approve',
      {
        config,
        schema: {
          tags,
          summary: 'Approve and apply another administrator’s change',
          params: ChangeParams,
          response: { 200: ChangeOutcome, ...refused },
        },
      },
      async (request) => approveChange(deps, request.viewer!.userId, request.params.id),
    );

    for (const [verb, how] of [
      ['reject', 'rejected'],
      ['withdraw', 'withdrawn'],
    ] as const) {
      r.post(
        `/admin/changes/:id/${verb}`,
        {
          config,
          schema: {
            tags,
            summary: verb === 'reject' ? 'Reject another administrator’s change' : 'Withdraw my change',
            params: ChangeParams,
            body: DecisionNote,
            response: { 200: AdminChangeView, ...refused },
          },
        },
        async (request) => closeChange(deps, request.viewer!.userId, request.params.id, how, request.body.note),
      );
    }

    r.put(
      '/users/:id/role',
      {
        config,
        schema: {
          tags: ['users'],
          summary: 'Change a staff member’s role (waits for a second administrator when there is one)',
          params: UserParams,
          body: RoleRequest,
          response: { 200: UserChangeResponse, ...refused },
        },
      },
      async (request) => {
        await getUserListItem(deps, request.params.id, request.viewer!.userId); // 404 for an unknown id
        const outcome = await changeRole(deps, request.viewer!.userId, request.params.id, request.body.role);
        return userChange(outcome, await getUserListItem(deps, request.params.id, request.viewer!.userId));
      },
    );

    r.put(
      '/users/:id/email',
      {
        config,
        schema: {
          tags: ['users'],
          summary: 'Set or remove the address notice mails go to',
          params: UserParams,
          body: EmailRequest,
          response: { 200: UserResponse, ...refused },
        },
      },
      async (request) => {
        const viewer = request.viewer!.userId;
        await getUserListItem(deps, request.params.id, viewer);
        await setUserEmail(deps, request.params.id, request.body.email, viewer);
        return { user: await getUserListItem(deps, request.params.id, viewer) };
      },
    );
  };
}
