/**
 * The administrator's users API: list staff accounts, invite new ones, disable and enable them, require a password
 * reset, clear two-factor sign-in, set the categories they work on. Administrators only; to everyone else these
 * routes do not exist (404). Nothing here reads or sets a password or a key: a new account gets two one-time
 * invitation codes, one from the issuing administrator and one from a second, approving administrator, and the
 * person chooses their own password with both (src/domain/accounts/invitations.ts); a reset stops the old password and the
 * user chooses a new one with their recovery key.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeCategories } from '../../../domain/administration/changes.ts';
import { UserChangeResponse, userChange } from '../../../shared/administration.ts';
import { errors } from '../../../domain/errors.ts';
import { approveInvitation, inviteUser, reissueInvitation } from '../../../domain/accounts/invitations.ts';
import {
  disableUserById,
  enableUserById,
  requirePasswordReset,
  resetUserTotp,
  setUserEmail,
  soleIdentityWarning,
} from '../../../domain/accounts/user-admin.ts';
import { getUserListItem, listUsers } from '../../../domain/accounts/user-list.ts';
import { checkEmail } from '../../../domain/accounts/email.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  ApprovedInvitation,
  CreatedUser,
  CreateUserRequest,
  DisabledUser,
  UserCategoriesRequest,
  UserList,
  UserParams,
  UserResponse,
} from '../../../shared/accounts.ts';
import type { RouteContext } from '../../core/route-context.ts';

export function userRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: ['administrator'] as const };
    const tags = ['users'];
    const refused = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

    r.get(
      '/users',
      {
        config,
        schema: { tags, summary: 'Staff accounts', response: { 200: UserList, 401: ErrorBody, 404: ErrorBody } },
      },
      async (request) => ({ users: await listUsers(deps, undefined, request.viewer!.userId) }),
    );

    r.post(
      '/users',
      {
        config,
        schema: {
          tags,
          summary: 'Create a staff account by invitation (its first one-time code is in this response only)',
          description:
            'The account has no password and no keys until the person activates it with both invitation codes and a password of their own (`POST /session/activate`): this first code, which the issuing administrator hands to the person, and the second, which another administrator gets by approving (`POST /users/{id}/invitation/approve`) and hands over in person too. Neither administrator alone can activate it. Only then is the recovery key made, and shown to the person alone. Until then the account cannot sign in and receives no case, identity or request.',
          body: CreateUserRequest,
          response: { 201: CreatedUser, ...refused },
        },
      },
      async (request, reply) => {
        const actor = request.viewer!.userId;
        const { email: typed, ...input } = request.body;
        const email = checkEmail(typed); // before creating anything, so a bad address creates no account
        const { user, invitation } = await inviteUser(deps, { ...input, actor });
        if (email) await setUserEmail(deps, user.id, email, actor);
        return reply
          .status(201)
          .send({ user: await getUserListItem(deps, user.id, request.viewer!.userId), invitation });
      },
    );

    r.post(
      '/users/:id/invitation',
      {
        config,
        schema: {
          tags,
          summary: 'A new first invitation code for an account not yet activated (both old codes stop working)',
          description:
            'The invitation needs approving again by another administrator, which makes a new second code. 409 `already_activated` once the person has chosen their password.',
          params: UserParams,
          response: { 200: CreatedUser, ...refused },
        },
      },
      async (request) => {
        const invitation = await reissueInvitation(deps, request.params.id, request.viewer!.userId);
        return { user: await getUserListItem(deps, request.params.id, request.viewer!.userId), invitation };
      },
    );

    r.post(
      '/users/:id/invitation/approve',
      {
        config,
        schema: {
          tags,
          summary:
            'Approve an invitation another administrator issued (two-person rule): the answer holds its second one-time code',
          description:
            'The second code is in this response only: the approving administrator hands it to the named person in person, never to the issuing administrator, who holds the first. Both codes then work for 72 hours. 409 `own_invitation` for the administrator who issued it, `already_approved`, `already_activated`, `invitation_expired` (make a new code first).',
          params: UserParams,
          response: { 200: ApprovedInvitation, ...refused },
        },
      },
      async (request, reply) => {
        const approval = await approveInvitation(deps, request.params.id, request.viewer!.userId);
        reply.header('Cache-Control', 'no-store');
        return { user: await getUserListItem(deps, request.params.id, request.viewer!.userId), approval };
      },
    );

    r.post(
      '/users/:id/disable',
      {
        config,
        schema: {
          tags,
          summary: 'Disable a staff account; its sessions end at once',
          description:
            '`soleIdentityReports`: reports whose identity key is sealed to this account and to no other enabled account — nobody can open or disclose those identities while it is disabled; `warning` says so.',
          params: UserParams,
          response: { 200: DisabledUser, ...refused },
        },
      },
      async (request) => {
        if (request.params.id === request.viewer!.userId)
          throw errors.conflict(
            'cannot_disable_self',
            'You cannot disable your own account. Ask another administrator, or use npx confide user disable.',
          );
        const { soleIdentityReports } = await disableUserById(deps, request.params.id, request.viewer!.userId);
        return {
          user: await getUserListItem(deps, request.params.id, request.viewer!.userId),
          soleIdentityReports,
          warning: soleIdentityWarning(soleIdentityReports),
        };
      },
    );

    r.post(
      '/users/:id/enable',
      {
        config,
        schema: {
          tags,
          summary: 'Enable a disabled staff account again (its grants open again)',
          params: UserParams,
          response: { 200: UserResponse, ...refused },
        },
      },
      async (request) => {
        await enableUserById(deps, request.params.id, request.viewer!.userId);
        return { user: await getUserListItem(deps, request.params.id, request.viewer!.userId) };
      },
    );

    r.post(
      '/users/:id/password-reset',
      {
        config,
        schema: {
          tags,
          summary: 'Require a new password: the old one stops working and the sessions end at once',
          description:
            'Sets no password (an administrator cannot unwrap the user’s private key): the user chooses one with their recovery key.',
          params: UserParams,
          response: { 200: UserResponse, ...refused },
        },
      },
      async (request) => {
        await requirePasswordReset(deps, request.params.id, request.viewer!.userId);
        return { user: await getUserListItem(deps, request.params.id, request.viewer!.userId) };
      },
    );

    r.post(
      '/users/:id/totp-reset',
      {
        config,
        schema: {
          tags,
          summary: 'Clear two-factor sign-in (lost phone); the sessions end at once',
          params: UserParams,
          response: { 200: UserResponse, ...refused },
        },
      },
      async (request) => {
        await resetUserTotp(deps, request.params.id, request.viewer!.userId);
        return { user: await getUserListItem(deps, request.params.id, request.viewer!.userId) };
      },
    );

    r.put(
      '/users/:id/categories',
      {
        config,
        schema: {
          tags,
          summary: 'Set the categories a staff member works on (null: every category)',
          description:
            'New reports are granted to the supervisors of their category; granting a case outside its category’s staff needs an approved request. With more than one administrator the change waits for another’s approval (`pending`). 400 `unknown_category` names the ids the profile has.',
          params: UserParams,
          body: UserCategoriesRequest,
          response: { 200: UserChangeResponse, ...refused },
        },
      },
      async (request) => {
        await getUserListItem(deps, request.params.id, request.viewer!.userId); // 404 for an unknown id, before anything else
        const outcome = await changeCategories(
          deps,
          request.viewer!.userId,
          request.params.id,
          request.body.categories,
        );
        return userChange(outcome, await getUserListItem(deps, request.params.id, request.viewer!.userId));
      },
    );
  };
}
