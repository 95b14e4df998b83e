/**
 * The marker blob that ties a blob store to its installation (src/domain/storage/blob-marker.ts): a second
 * installation pointed at the same store refuses to start instead of sweeping the first one's files away as
 * abandoned uploads, and the sweep itself never removes the marker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_MARKER_SETTING } from '../../src/domain/storage/blob-marker.ts';
import { sweepAbandonedBlobs } from '../../src/jobs/abandoned.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { findSetting } from '../../src/store/settings.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';

describe.each(DIALECTS)('the blob store marker on %s', (dialect) => {
  let t: TestApp | undefined;
  const folders: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-marker-'));
    folders.push(dir);
    return dir;
  };
  afterEach(async () => {
    await t?.close();
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a new installation on a store that holds another installation’s blobs', async () => {
    const shared = folder();
    t = await buildTestApp({ dialect, env: { CONFIDE_BLOB_URL: shared } });
    const other = folder();
    await expect(buildDeps(loadConfig({ CONFIDE_DATA_DIR: other, CONFIDE_BLOB_URL: shared }))).rejects.toThrow(
      `the blob store (the folder ${shared}) holds files, but this database has none: it belongs to another installation`,
    );
    // Its own folder is fine.
    const own = await buildDeps(loadConfig({ CONFIDE_DATA_DIR: other, CONFIDE_BLOB_URL: folder() }));
    await own.close();
  });

  it('is never swept as an abandoned upload', async () => {
    t = await buildTestApp({ dialect });
    const marker = (await findSetting(t.deps.db, BLOB_MARKER_SETTING))!;
    const later = new Date(Date.now() + 72 * 3_600_000);
    const run = await sweepAbandonedBlobs({ ...t.deps, now: () => later });
    expect(run.abandoned).toEqual([]);
    expect(await t.deps.blobs.size(marker)).toBe(32);
  });
});
