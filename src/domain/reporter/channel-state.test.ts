import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../accounts/users.ts';
import { channelStateReader } from './channel-state.ts';

describe('channelStateReader', () => {
  let t: TestApp;
  let now = Date.parse('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    t = await buildTestApp({ roles: [] });
  });
  afterAll(async () => t?.close());

  it('reads the database at most once a second, then sees changes', async () => {
    const read = channelStateReader({ db: t.deps.db, now: () => new Date(now) });
    expect(await read()).toEqual({ accepting: false, needsSetup: true });
    for (const role of ['supervisor', 'custodian'])
      await addUser(t.deps, { username: role, role, password: 'a long enough password' });
    now += 999;
    expect(await read()).toEqual({ accepting: false, needsSetup: true });
    now += 1;
    expect(await read()).toEqual({ accepting: true, needsSetup: false });
  });
});
