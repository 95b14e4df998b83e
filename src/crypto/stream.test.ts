import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it, expect } from 'vitest';
import { legacyBlob, rawStream, TAGS } from '../../test/helpers/secretstream.ts';
import { CryptoError } from './errors.ts';
import { hash, randomBytes, randomKey } from './sodium.ts';
import {
  CHUNK_BYTES,
  createDecryptStream,
  createEncryptStream,
  encryptedSize,
  legacyPlainSize,
  paddedSize,
  type BlobFormat,
} from './stream.ts';

const AD = Buffer.from('report:r1:file:f1:cleaned');
const MiB = 1024 * 1024;

/** Feeds `data` in writes of the given repeating sizes. */
function source(data: Buffer, sizes: number[] = [data.length || 1]): Readable {
  return Readable.from(
    (function* () {
      let offset = 0;
      for (let i = 0; offset < data.length; i++) {
        const size = sizes[i % sizes.length]!;
        yield data.subarray(offset, offset + size);
        offset += size;
      }
    })(),
  );
}

/** Runs `input` through `transform`; on failure the error carries what came out before it (`output`). */
async function run(input: Readable, transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline(input, transform, sink);
  } catch (error) {
    throw Object.assign(error as Error, { output: Buffer.concat(chunks) });
  }
  return Buffer.concat(chunks);
}

const encrypt = (key: Buffer, data: Buffer, sizes?: number[], ad = AD) =>
  run(source(data, sizes), createEncryptStream(key, ad));
const decrypt = (key: Buffer, data: Buffer, sizes?: number[], format: BlobFormat = 2, ad: Buffer | null = AD) =>
  run(source(data, sizes), createDecryptStream(key, format, format === 2 ? ad : null));

describe('paddedSize (Padmé, at least 4 KiB)', () => {
  it('pads every file under 4 KiB to 4 KiB, then to buckets that leave only the top bits of the size', () => {
    expect([0, 1, 4095].map(paddedSize)).toEqual([4096, 4096, 4096]);
    // 4096 needs 4097 bytes with its end marker: E = 12, buckets of 2^(12 - 3 - 1) = 256 bytes.
    expect([4096, 4351, 4352].map(paddedSize)).toEqual([4352, 4352, 4608]);
    // 1 MiB + 1: E = 20, buckets of 2^(20 - 4 - 1) = 32 KiB.
    expect(paddedSize(MiB)).toBe(MiB + 32 * 1024);
    expect(paddedSize(100 * MiB)).toBe(102 * MiB); // E = 26: buckets of 2 MiB
    expect(paddedSize(2 ** 40)).toBe(2 ** 40 + 2 ** 34);
  });

  it('costs at most 6.25 % above 4 KiB, and makes few sizes: 32 between 1 and 2 MiB', () => {
    let worst = 0;
    for (let n = 4096; n < 64 * MiB; n = Math.ceil(n * 1.013) + 7) worst = Math.max(worst, paddedSize(n) / (n + 1));
    expect(worst).toBeLessThanOrEqual(1.0625);
    const buckets = new Set<number>();
    for (let n = MiB; n < 2 * MiB - 1; n += 97) buckets.add(paddedSize(n));
    expect(buckets.size).toBe(32);
  });
});

describe('encryptedSize', () => {
  it('format 2: the header, the padded size and 17 bytes per 64 KiB chunk', () => {
    expect(encryptedSize(0)).toBe(24 + 4096 + 17);
    expect(encryptedSize(3000)).toBe(24 + 4096 + 17);
    expect(encryptedSize(4 * MiB + 1)).toBe(24 + 4 * MiB + 128 * 1024 + 66 * 17);
  });

  it('format 1: the header, the data and 17 bytes per chunk, at least one; legacyPlainSize inverts it', () => {
    expect(encryptedSize(0, 1)).toBe(24 + 17);
    expect(encryptedSize(1, 1)).toBe(24 + 1 + 17);
    expect(encryptedSize(CHUNK_BYTES, 1)).toBe(24 + CHUNK_BYTES + 17);
    expect(encryptedSize(CHUNK_BYTES + 1, 1)).toBe(24 + CHUNK_BYTES + 1 + 2 * 17);
    for (const n of [0, 1, 1000, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 5 * MiB + 3])
      expect([n, legacyPlainSize(encryptedSize(n, 1))]).toEqual([n, n]);
    expect(() => legacyPlainSize(24 + 16)).toThrow(CryptoError);
    expect(() => legacyPlainSize(24 + CHUNK_BYTES + 17 + 5)).toThrow(CryptoError);
  });
});

describe('format 2: encrypt / decrypt streams', () => {
  const key = randomKey();

  it.each([
    ['0 bytes', 0, undefined],
    ['1 byte', 1, undefined],
    ['4095 bytes (end marker is the last byte of the 4 KiB minimum)', 4095, undefined],
    ['exactly 64 KiB (end marker opens a new chunk)', CHUNK_BYTES, undefined],
    ['128 KiB − 1 (end marker is the last byte of the last chunk)', 2 * CHUNK_BYTES - 1, [1000]],
    ['4 MiB + 1 (a padding chunk follows the boundary)', 4 * MiB + 1, [65_537]],
    ['5 MiB + 3 bytes in odd-sized writes', 5 * MiB + 3, [1, 4093, 70001, 65537, 333]],
  ])('round-trips %s, in a blob of the predicted size', async (_name, size, sizes) => {
    const plaintext = randomBytes(size);
    const encrypted = await encrypt(key, plaintext, sizes);
    expect(encrypted).toHaveLength(encryptedSize(size));
    const decrypted = await decrypt(key, encrypted, sizes ? [...sizes].reverse() : undefined);
    expect(decrypted).toHaveLength(size);
    expect(hash(decrypted)).toEqual(hash(plaintext));
  });

  it('gives files of one bucket blobs of one length', async () => {
    const lengths = await Promise.all([4352, 4500, 4607].map(async (n) => (await encrypt(key, randomBytes(n))).length));
    expect(lengths).toEqual([24 + 4608 + 17, 24 + 4608 + 17, 24 + 4608 + 17]);
  });

  it('streams: full data chunks come out before the input ends', async () => {
    const encryptor = createEncryptStream(key, AD);
    const received: Buffer[] = [];
    encryptor.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve) => encryptor.on('end', resolve));
    encryptor.write(randomBytes(2 * CHUNK_BYTES + 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(received)).toHaveLength(24 + 2 * (CHUNK_BYTES + 17));
    encryptor.end();
    await ended;
    const encrypted = Buffer.concat(received);
    expect(encrypted).toHaveLength(encryptedSize(2 * CHUNK_BYTES + 1));

    const decryptor = createDecryptStream(key, 2, AD);
    const plain: Buffer[] = [];
    decryptor.on('data', (chunk: Buffer) => plain.push(chunk));
    const done = new Promise((resolve) => decryptor.on('end', resolve));
    decryptor.write(encrypted.subarray(0, 24 + 2 * (CHUNK_BYTES + 17)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(plain)).toHaveLength(2 * CHUNK_BYTES);
    decryptor.end(encrypted.subarray(24 + 2 * (CHUNK_BYTES + 17)));
    await done;
    expect(Buffer.concat(plain)).toHaveLength(2 * CHUNK_BYTES + 1);
  });

  it('uses a fresh header each time', async () => {
    const a = await encrypt(key, Buffer.from('x'));
    const b = await encrypt(key, Buffer.from('x'));
    expect(a.subarray(0, 24).equals(b.subarray(0, 24))).toBe(false);
  });

  it('rejects a wrong key, other associated data, and reading it as format 1', async () => {
    const encrypted = await encrypt(key, randomBytes(1000));
    await expect(decrypt(randomKey(), encrypted)).rejects.toThrow(CryptoError);
    await expect(decrypt(key, encrypted, undefined, 2, Buffer.from('report:r1:file:f2:cleaned'))).rejects.toThrow(
      CryptoError,
    );
    await expect(decrypt(key, encrypted, undefined, 2, Buffer.from('report:r1:file:f1:original'))).rejects.toThrow(
      CryptoError,
    );
    await expect(decrypt(key, encrypted, undefined, 1)).rejects.toThrow(CryptoError);
  });

  it('rejects a flipped bit in every byte of a small blob', async () => {
    const encrypted = await encrypt(key, Buffer.from('evidence'));
    for (let i = 0; i < encrypted.length; i++) {
      const tampered = Buffer.from(encrypted);
      tampered[i]! ^= 1 << (i % 8);
      await expect(decrypt(key, tampered), `byte ${i}`).rejects.toThrow(CryptoError);
    }
  });

  it('rejects truncation anywhere, and never releases the last data before the end authenticates', async () => {
    const size = 4 * MiB + 1; // 64 full data chunks, the boundary (1 byte of data), one padding chunk
    const plaintext = randomBytes(size);
    const encrypted = await encrypt(key, plaintext);
    const chunk = CHUNK_BYTES + 17;
    for (const length of [0, 10, 24, 24 + 5, 24 + chunk, 24 + 64 * chunk, 24 + 65 * chunk, encrypted.length - 1]) {
      const error = await decrypt(key, encrypted.subarray(0, length)).catch((e: Error & { output: Buffer }) => e);
      expect(error, `length ${length}`).toBeInstanceOf(CryptoError);
      expect((error as { output: Buffer }).output.length, `length ${length}`).toBeLessThan(size);
    }
  });

  it('rejects data after the final chunk, including a whole second stream', async () => {
    for (const size of [0, 10, CHUNK_BYTES]) {
      const encrypted = await encrypt(key, randomBytes(size));
      await expect(decrypt(key, Buffer.concat([encrypted, Buffer.from([0])]))).rejects.toThrow(CryptoError);
      await expect(decrypt(key, Buffer.concat([encrypted, encrypted]))).rejects.toThrow(CryptoError);
    }
  });

  it('rejects streams it never writes: data in the padding, a second boundary, no end marker, no boundary', async () => {
    const marked = (data: string, size: number) => {
      const b = Buffer.alloc(size);
      b.write(data);
      b[data.length] = 0x80;
      return b;
    };
    const cases: [string, { plain: Buffer; tag: number }[]][] = [
      [
        'data after the end',
        [
          { plain: marked('abc', CHUNK_BYTES), tag: TAGS.push },
          { plain: Buffer.from('leak'), tag: TAGS.final },
        ],
      ],
      [
        'second boundary',
        [
          { plain: marked('abc', CHUNK_BYTES), tag: TAGS.push },
          { plain: marked('', 100), tag: TAGS.final },
        ],
      ],
      ['no end marker', [{ plain: Buffer.alloc(4096), tag: TAGS.final }]],
      ['no boundary', [{ plain: Buffer.from('abc'), tag: TAGS.message }]],
    ];
    for (const [name, chunks] of cases)
      await expect(decrypt(key, rawStream(key, chunks, AD)), name).rejects.toThrow(CryptoError);
    // The same shape with a proper end reads back.
    const good = rawStream(
      key,
      [
        { plain: marked('abc', CHUNK_BYTES), tag: TAGS.push },
        { plain: Buffer.alloc(10), tag: TAGS.final },
      ],
      AD,
    );
    expect((await decrypt(key, good)).toString()).toBe('abc');
  });

  it('refuses a key of the wrong size, and a format 2 stream without associated data', () => {
    expect(() => createEncryptStream(randomBytes(16), AD)).toThrow(RangeError);
    expect(() => createDecryptStream(randomBytes(16), 2, AD)).toThrow(RangeError);
    expect(() => createEncryptStream(key, Buffer.alloc(0))).toThrow(RangeError);
    expect(() => createDecryptStream(key, 2, null)).toThrow(RangeError);
    expect(() => createDecryptStream(key, 1, AD)).toThrow(RangeError);
  });
});

describe('format 1 (written before format 2): decrypt', () => {
  const key = randomKey();

  it.each([0, 1, CHUNK_BYTES, 2 * CHUNK_BYTES + 10])('reads %i bytes back, exactly', async (size) => {
    const plaintext = randomBytes(size);
    const blob = legacyBlob(key, plaintext);
    expect(blob).toHaveLength(encryptedSize(size, 1));
    expect((await decrypt(key, blob, [1000], 1)).equals(plaintext)).toBe(true);
  });

  it('rejects reading it as format 2, truncation and data after the end', async () => {
    const blob = legacyBlob(key, randomBytes(2 * CHUNK_BYTES + 10));
    await expect(decrypt(key, blob, undefined, 2)).rejects.toThrow(CryptoError);
    for (const length of [0, 24, 24 + CHUNK_BYTES + 17, blob.length - 1])
      await expect(decrypt(key, blob.subarray(0, length), undefined, 1), `length ${length}`).rejects.toThrow(
        CryptoError,
      );
    await expect(decrypt(key, Buffer.concat([blob, blob]), undefined, 1)).rejects.toThrow(CryptoError);
  });
});
