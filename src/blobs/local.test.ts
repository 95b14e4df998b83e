import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable, Transform } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalBlobStore } from './local.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const files = () =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe('local blob store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes a blob whole and reads it back', async () => {
    const store = createLocalBlobStore(root);
    const id = store.newId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.write(id, Readable.from([Buffer.from('hello '), Buffer.from('world')]))).toBe(11);
    const chunks: Buffer[] = [];
    for await (const c of store.read(id)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
    await store.delete(id);
    expect(files()).toEqual([]);
  });

  it('lists whole blobs with the time they were written, and removes only old partial files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-list-'));
    try {
      const store = createLocalBlobStore(dir);
      const a = store.newId();
      const b = store.newId();
      await store.write(a, Readable.from([Buffer.from('a')]));
      await store.write(b, Readable.from([Buffer.from('b')]));
      const old = new Date('2020-01-01T00:00:00.000Z');
      fs.utimesSync(path.join(dir, a.slice(0, 2), a.slice(2)), old, old);
      fs.writeFileSync(path.join(dir, 'stray.txt'), 'not a blob'); // ignored: not a blob's name
      const listed: { id: string; writtenAt: Date }[] = [];
      for await (const blob of store.list()) listed.push(blob);
      expect(listed.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
        [
          { id: a, writtenAt: old },
          { id: b, writtenAt: fs.statSync(path.join(dir, b.slice(0, 2), b.slice(2))).mtime },
        ].sort((x, y) => x.id.localeCompare(y.id)),
      );

      const stale = path.join(dir, 'tmp', `${store.newId()}.1.part`);
      const live = path.join(dir, 'tmp', `${store.newId()}.2.part`);
      fs.writeFileSync(stale, 'half');
      fs.writeFileSync(live, 'being written');
      fs.utimesSync(stale, old, old);
      expect(await store.removePartials(new Date(Date.now() - 3_600_000))).toBe(1);
      expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([path.basename(live)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves no partial file when a stage fails at once, even before the file is open', async () => {
    const store = createLocalBlobStore(root);
    for (let i = 0; i < 50; i++) {
      const failing = new Transform({ transform: (_chunk, _enc, done) => done(new Error('refused')) });
      await expect(store.write(store.newId(), Readable.from([Buffer.from('x')]), failing)).rejects.toThrow('refused');
    }
    expect(files()).toEqual([]);
  });

  it('resolves only once the blob is on disk for good: file fsynced before its rename, folder (and a new one’s parent) after', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-sync-'));
    try {
      const store = createLocalBlobStore(dir);
      const events: string[] = [];
      const { fsync } = fs;
      vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, callback: fs.NoParamCallback) => {
        events.push(`fsync ${fs.readlinkSync(`/proc/self/fd/${fd}`)}`);
        fsync(fd, callback);
      }) as typeof fs.fsync);
      const { rename, open } = fs.promises;
      vi.spyOn(fs.promises, 'rename').mockImplementation(async (from, to) => {
        events.push(`rename ${String(from)} ${String(to)}`);
        await rename(from, to);
      });
      vi.spyOn(fs.promises, 'open').mockImplementation(async (file, flags, mode) => {
        const handle = await open(file, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          events.push(`sync ${String(file)}`);
          await sync();
        };
        return handle;
      });

      const first = store.newId();
      await store.write(first, Readable.from([Buffer.from('one')]));
      const folder = path.join(dir, first.slice(0, 2));
      const partial = expect.stringMatching(new RegExp(`^fsync ${path.join(dir, 'tmp', first)}\\..+\\.part$`));
      expect(events).toEqual([
        partial,
        expect.stringMatching(new RegExp(`^rename .+\\.part ${path.join(folder, first.slice(2))}$`)),
        `sync ${folder}`,
        `sync ${dir}`,
      ]);

      // A second blob in the same folder: that folder is synced, its parent need not be.
      events.length = 0;
      const second = first.slice(0, 2) + store.newId().slice(2);
      await store.write(second, Readable.from([Buffer.from('two')]));
      expect(events.slice(2)).toEqual([`sync ${folder}`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes at once what a writer killed mid-write left, but keeps a live write’s and those it cannot judge', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-killed-'));
    const tmp = path.join(dir, 'tmp');
    try {
      const writer = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('../../test/fixtures/partial-writer.ts', import.meta.url)), dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const [said] = (await once(writer.stdout, 'data')) as [Buffer];
      expect(said.toString()).toBe('writing\n');
      const killedPartial = fs.readdirSync(tmp);
      expect(killedPartial).toHaveLength(1);
      writer.kill('SIGKILL');
      await once(writer, 'exit');
      expect(fs.readdirSync(tmp)).toEqual(killedPartial);

      // Still being written by this process; written by another host; named by an older version (pid only).
      const store = createLocalBlobStore(dir);
      const live = new PassThrough();
      const writing = store.write(store.newId(), live);
      live.write('half');
      await expect.poll(() => fs.readdirSync(tmp).length).toBe(2);
      const [livePartial] = fs.readdirSync(tmp).filter((f) => !killedPartial.includes(f));
      const otherHost = `${store.newId()}.00000000-00000000-${process.pid}-1.part`;
      const older = `${store.newId()}.${process.pid}.part`;
      for (const name of [otherHost, older]) fs.writeFileSync(path.join(tmp, name), 'half');

      // Nothing is past the grace period: only the killed writer's file goes.
      expect(await store.removePartials(new Date(0))).toBe(1);
      expect(fs.readdirSync(tmp).sort()).toEqual([livePartial, otherHost, older].sort());
      live.end();
      await writing;
      expect(fs.readdirSync(tmp).sort()).toEqual([otherHost, older].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
