/** Demo mode: one user per role with printed passwords, so a newcomer can try every side at once. */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { putSetting, DEFAULT_PROFILE, getSetting } from './setup.ts';
import { addUser } from './users.ts';

export async function seedDemo(deps: Deps): Promise<{ role: Role; username: string; password: string }[]> {
  const out: { role: Role; username: string; password: string }[] = [];
  for (const role of ROLES) {
    const username = role;
    const password = `demo-${randomBytes(8).toString('hex')}`;
    await addUser(deps, { username, role, password, displayName: `Demo ${role}` });
    out.push({ role, username, password });
  }
  if (!(await getSetting(deps, 'profile'))) await putSetting(deps, 'profile', DEFAULT_PROFILE);
  return out;
}
