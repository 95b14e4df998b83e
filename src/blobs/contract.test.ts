/**
 * What every blob store promises (src/blobs/store.ts), checked the same way on the local folder and on a real
 * S3-protocol server on loopback (test/helpers/s3.ts): whole blobs or none, reads of what was written, names that
 * say nothing, destruction that leaves no object, and the removal of uploads a killed process left behind.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBlobStore } from './local.ts';
import { createS3BlobStore, createS3Client, PART_BYTES } from './s3.ts';
import type { BlobStore } from './store.ts';
import { S3_BUCKET, startS3Server, type S3Server } from '../../test/helpers/s3.ts';

interface Setup {
  store: BlobStore;
  /** Every stored object's name as the backing service sees it. */
  objects(): Promise<string[]>;
  /** Uploads begun and never finished. */
  partials(): Promise<number>;
  /** Starts a process that begins a blob and never ends it, and kills it once its upload exists. */
  killWriterMidUpload(): Promise<void>;
  /** The metadata stored with an object, beyond its bytes. */
  metadataOf(id: string): Promise<Record<string, string>>;
  /** A store of the same kind that cannot be reached or written. */
  unreachable(): BlobStore;
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

async function runUntilWriting(args: string[]): Promise<void> {
  const writer = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [said] = (await once(writer.stdout, 'data')) as [Buffer];
  expect(said.toString()).toBe('writing\n');
  writer.kill('SIGKILL');
  await once(writer, 'exit');
}

async function localSetup(): Promise<Setup> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-contract-'));
  const tmp = path.join(root, 'tmp');
  return {
    store: createLocalBlobStore(root),
    async objects() {
      return fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.parentPath !== tmp)
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    },
    async partials() {
      return fs.readdirSync(tmp).length;
    },
    killWriterMidUpload: () => runUntilWriting([path.join(FIXTURES, 'partial-writer.ts'), root]),
    async metadataOf() {
      return {}; // a file holds its bytes only
    },
    unreachable() {
      const gone = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-contract-gone-'));
      const store = createLocalBlobStore(gone);
      fs.rmSync(gone, { recursive: true });
      return store;
    },
    async close() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

async function s3Setup(): Promise<Setup> {
  const server: S3Server = await startS3Server();
  const settings = server.settings('blobs/');
  const client = createS3Client(settings);
  return {
    store: createS3BlobStore(client, settings),
    objects: () => server.keys(),
    partials: async () => (await server.pendingUploads()).length,
    killWriterMidUpload: () =>
      runUntilWriting([path.join(FIXTURES, 's3-partial-writer.ts'), server.endpoint, S3_BUCKET, 'blobs/']),
    async metadataOf(id) {
      const head = await client.send(new HeadObjectCommand({ Bucket: S3_BUCKET, Key: `blobs/${id}` }));
      return head.Metadata ?? {};
    },
    unreachable: () => createS3BlobStore(client, { bucket: 'no-such-bucket', prefix: '' }),
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

const SETUPS = { local: localSetup, s3: s3Setup };

/** `bytes` random bytes (incompressible, like ciphertext) as 64 KiB chunks. */
function chunksOf(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
  return chunks;
}

const sha256 = async (stream: Readable): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

describe.each(Object.keys(SETUPS) as (keyof typeof SETUPS)[])('the %s blob store', (kind) => {
  let s: Setup;
  beforeAll(async () => {
    s = await SETUPS[kind]();
  });
  afterAll(() => s.close());

  it('stores a blob through its transforms under a random name with no metadata, and reads it back', async () => {
    const id = s.store.newId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const upper = new Transform({ transform: (chunk: Buffer, _e, done) => done(null, chunk.toString().toUpperCase()) });
    expect(await s.store.write(id, Readable.from([Buffer.from('sealed '), Buffer.from('bytes')]), upper)).toBe(12);
    expect((await Readable.from(s.store.read(id)).toArray()).join('')).toBe('SEALED BYTES');
    expect(await s.store.size(id)).toBe(12);
    const names = await s.objects();
    expect(names).toEqual([kind === 's3' ? `blobs/${id}` : path.join(id.slice(0, 2), id.slice(2))]);
    expect(await s.metadataOf(id)).toEqual({});
    await s.store.delete(id);
  });

  it('streams a blob of several parts whole, and lists it', async () => {
    const bytes = 2 * PART_BYTES + 12_345;
    const id = s.store.newId();
    const content = randomBytes(bytes);
    expect(await s.store.write(id, Readable.from(chunksOf(content)))).toBe(bytes);
    expect(await s.store.size(id)).toBe(bytes);
    expect(await sha256(s.store.read(id))).toBe(createHash('sha256').update(content).digest('hex'));
    const listed: string[] = [];
    for await (const blob of s.store.list()) listed.push(blob.id);
    expect(listed).toEqual([id]);
    expect(await s.partials()).toBe(0);
    await s.store.delete(id);
  });

  it('leaves neither a blob nor a partial upload when a stage fails after the first part', async () => {
    let seen = 0;
    const failing = new Transform({
      transform(chunk: Buffer, _e, done) {
        seen += chunk.length;
        done(seen > PART_BYTES + 65_536 ? new Error('sealing failed') : null, chunk);
      },
    });
    const id = s.store.newId();
    await expect(s.store.write(id, Readable.from(chunksOf(randomBytes(3 * PART_BYTES))), failing)).rejects.toThrow(
      'sealing failed',
    );
    expect(await s.objects()).toEqual([]);
    expect(await s.partials()).toBe(0);
    expect(await s.store.size(id)).toBeNull();
  });

  it('answers ENOENT for a missing blob, and deleting one is not an error', async () => {
    const id = s.store.newId();
    const failure = await Readable.from(s.store.read(id))
      .toArray()
      .then(
        () => null,
        (error: NodeJS.ErrnoException) => error.code,
      );
    expect(failure).toBe('ENOENT');
    expect(await s.store.size(id)).toBeNull();
    await expect(s.store.delete(id)).resolves.toBeUndefined();
    await expect(s.store.write('../escape', Readable.from([Buffer.from('x')]))).rejects.toThrow('invalid blob id');
  });

  it('destroys blobs so that no object is left', async () => {
    const ids = [s.store.newId(), s.store.newId(), s.store.newId()];
    for (const [i, id] of ids.entries()) await s.store.write(id, Readable.from([randomBytes(1000 + i)]));
    expect(await s.objects()).toHaveLength(3);
    for (const id of ids) await s.store.delete(id);
    expect(await s.objects()).toEqual([]);
    const listed: string[] = [];
    for await (const blob of s.store.list()) listed.push(blob.id);
    expect(listed).toEqual([]);
  });

  it('removes what a writer killed mid-upload left behind, and nothing younger than the cut-off', async () => {
    await s.killWriterMidUpload();
    expect(await s.partials()).toBe(1);
    expect(await s.objects()).toEqual([]);
    // The local store knows the writer died and removes its file at once; S3 uploads go by age alone.
    if (kind === 's3') expect(await s.store.removePartials(new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await s.store.removePartials(new Date(Date.now() + 60_000))).toBe(1);
    expect(await s.partials()).toBe(0);
    expect(await s.objects()).toEqual([]);
  });

  it('says whether it can be reached', async () => {
    await expect(s.store.check()).resolves.toBeUndefined();
    await expect(s.unreachable().check()).rejects.toThrow();
  });
});
