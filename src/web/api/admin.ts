/**
 * The administration endpoints: the profile (published version, my draft), preview, publication, versions,
 * changes waiting for a second administrator, and a user's role and e-mail. Spread into the staff API by
 * `createStaffApi`. Shapes: src/shared/administration.ts.
 */
import { z } from 'zod';
import {
  AdminChangeView,
  AdminProfileView,
  ChangeOutcome,
  ProfileDraftView,
  ProfileVersionView,
  UserChangeResponse,
  type ProfileSource,
} from '../../shared/administration.ts';
import { UserResponse } from '../../shared/accounts.ts';
import type { Role } from '../../shared/api.ts';
import type { ApiClient } from './client.ts';

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export function createAdminApi(client: ApiClient) {
  return {
    adminProfile: (signal?: AbortSignal) =>
      client.request('GET', '/admin/profile', AdminProfileView, signal ? { signal } : {}),
    /** Saves my draft as typed; the answer has its problems and differences. */
    saveDraft: (source: ProfileSource, baseNumber: number) =>
      client.request('PUT', '/admin/profile/draft', ProfileDraftView, { body: { source, baseNumber } }),
    discardDraft: () => client.requestNoContent('DELETE', '/admin/profile/draft'),
    /** The public page the source would publish, as HTML. @throws ApiError 422 `profile_invalid` */
    async preview(source: ProfileSource, category: string | undefined, language: string): Promise<string> {
      const blob = await client.requestBlob('POST', '/admin/profile/preview', {
        body: { source, language, ...(category ? { category } : {}) },
      });
      return blob.text();
    },
    /** @throws ApiError 409 `stale_draft` | `change_pending`; 422 `profile_invalid` */
    publish: (baseNumber: number, note: string) =>
      client.request('POST', '/admin/profile/publish', ChangeOutcome, { body: { baseNumber, note } }),
    profileVersions: async () =>
      (await client.request('GET', '/admin/profile/versions', z.object({ versions: z.array(ProfileVersionView) })))
        .versions,
    profileExportUrl: (number: number) => client.url(`/admin/profile/versions/${number}/export`),
    adminChanges: async () =>
      (await client.request('GET', '/admin/changes', z.object({ changes: z.array(AdminChangeView) }))).changes,
    approveChange: (id: string) =>
      client.request('POST', `/admin/changes/${encodeURIComponent(id)}/approve`, ChangeOutcome),
    rejectChange: (id: string, note: string) =>
      client.request('POST', `/admin/changes/${encodeURIComponent(id)}/reject`, AdminChangeView, { body: { note } }),
    withdrawChange: (id: string) =>
      client.request('POST', `/admin/changes/${encodeURIComponent(id)}/withdraw`, AdminChangeView, {
        body: { note: '' },
      }),
    setUserRole: (id: string, role: Role) =>
      client.request('PUT', `${userPath(id)}/role`, UserChangeResponse, { body: { role } }),
    setUserEmail: (id: string, email: string | null) =>
      client.request('PUT', `${userPath(id)}/email`, UserResponse, { body: { email } }),
    setUserCategories: (id: string, categories: string[] | null) =>
      client.request('PUT', `${userPath(id)}/categories`, UserChangeResponse, { body: { categories } }),
  };
}
