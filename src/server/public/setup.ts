/**
 * First start: the one-time setup link (printed on the console) opens a form that creates the first
 * administrator and picks the deployment profile. The administrator's recovery key is shown once, through the
 * same one-time display as a reporter's receipt.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, errors } from '../../domain/errors.ts';
import { stashOnce, takeOnce } from '../../domain/once.ts';
import { checkSetupOpen, completeSetup, DEFAULT_PROFILE } from '../../domain/accounts/setup.ts';
import { listProfiles, loadProfile, ProfileError, resolveProfileDir } from '../../profiles/load.ts';
import type { RouteContext } from '../core/route-context.ts';
import { STATUS } from '../core/errors.ts';
import { sendPage } from './layout.ts';
import { fieldText } from '../plugins/multipart.ts';
import { setupDonePage, setupPage, type SetupState } from './setup-pages.ts';
import { localeOf } from './locale.ts';

export function setupRoutes(ctx: RouteContext) {
  const { deps } = ctx;
  const root = deps.profilesDir;

  /** The profiles to choose from. @throws DomainError profiles_invalid naming the problems (shown only past the token check) */
  async function profiles(): Promise<{ id: string; name: string }[]> {
    try {
      return await listProfiles(root);
    } catch (error) {
      if (error instanceof ProfileError)
        throw errors.unavailable(
          'profiles_invalid',
          `The deployment profiles cannot be read. Fix them and reload this page. ${error.message}`,
        );
      throw error;
    }
  }

  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/setup', { config: { access: 'public' } }, async (request, reply) => {
      const token = fieldText((request.query as Record<string, unknown>).token);
      await checkSetupOpen(deps, token);
      return sendPage(
        reply,
        200,
        setupPage(localeOf(request, deps.profile()), {
          token,
          profiles: await profiles(),
          username: '',
          displayName: '',
          profile: DEFAULT_PROFILE,
          errors: {},
        }),
      );
    });

    app.post('/setup', { config: { access: 'public' } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const token = fieldText(body.token);
      await checkSetupOpen(deps, token); // before the profiles are listed; completeSetup checks again
      const state: SetupState = {
        token,
        profiles: await profiles(),
        username: fieldText(body.username).trim().toLowerCase(),
        displayName: fieldText(body.displayName).trim(),
        profile: fieldText(body.profile),
        errors: {},
      };
      const password = fieldText(body.password);
      // The form's own fields; the username and the password are checked by completeSetup.
      if (password !== fieldText(body.password2))
        state.errors.password2 = 'The two passwords are not the same. Please type them again.';
      if (!state.profiles.some((p) => p.id === state.profile)) state.errors.profile = 'Please choose a profile.';
      if (Object.keys(state.errors).length > 0)
        return sendPage(reply, 422, setupPage(localeOf(request, deps.profile()), state));

      try {
        const profile = await loadProfile(resolveProfileDir(root, state.profile));
        const { recoveryKey } = await completeSetup(deps, {
          token,
          username: state.username,
          displayName: state.displayName,
          password,
          profile,
        });
        const once = await stashOnce(deps, recoveryKey);
        return reply.redirect(`/setup/done/${once}`, 303);
      } catch (error) {
        if (error instanceof ProfileError) state.errors.profile = `This profile cannot be used: ${error.message}`;
        else if (error instanceof DomainError && error.id === 'invalid_username') state.errors.username = error.message;
        else if (error instanceof DomainError && (error.id === 'weak_password' || error.id === 'long_password'))
          state.errors.password = error.message;
        else throw error;
        return sendPage(
          reply,
          error instanceof DomainError ? STATUS[error.kind] : 422,
          setupPage(localeOf(request, deps.profile()), state),
        );
      }
    });

    app.get<{ Params: { token: string } }>(
      '/setup/done/:token',
      { config: { access: 'public' }, schema: { params: z.object({ token: z.string() }) } },
      async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        const recoveryKey = await takeOnce(deps, request.params.token);
        if (recoveryKey === null)
          throw errors.notFound('This page is shown only once, and it has already been opened or has expired.');
        return sendPage(reply, 200, setupDonePage(localeOf(request, deps.profile()), recoveryKey));
      },
    );
  };
}
