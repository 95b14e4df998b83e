import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalBlobStore } from './local.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const files = () =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe('local blob store', () => {
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

  it('leaves no partial file when a stage fails at once, even before the file is open', async () => {
    const store = createLocalBlobStore(root);
    for (let i = 0; i < 50; i++) {
      const failing = new Transform({ transform: (_chunk, _enc, done) => done(new Error('refused')) });
      await expect(store.write(store.newId(), Readable.from([Buffer.from('x')]), failing)).rejects.toThrow('refused');
    }
    expect(files()).toEqual([]);
  });
});
