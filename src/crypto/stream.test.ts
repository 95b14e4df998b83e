import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it, expect } from 'vitest';
import { CryptoError } from './errors.ts';
import { hash, randomBytes, randomKey } from './sodium.ts';
import { CHUNK_BYTES, createDecryptStream, createEncryptStream, encryptedSize } from './stream.ts';

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

async function run(input: Readable, transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline(input, transform, sink);
  return Buffer.concat(chunks);
}

const encrypt = (key: Buffer, data: Buffer, sizes?: number[]) => run(source(data, sizes), createEncryptStream(key));
const decrypt = (key: Buffer, data: Buffer, sizes?: number[]) => run(source(data, sizes), createDecryptStream(key));

describe('encryptedSize', () => {
  it('counts the header and 17 bytes per 64 KiB chunk, at least one chunk', () => {
    expect(encryptedSize(0)).toBe(24 + 17);
    expect(encryptedSize(1)).toBe(24 + 1 + 17);
    expect(encryptedSize(CHUNK_BYTES)).toBe(24 + CHUNK_BYTES + 17);
    expect(encryptedSize(CHUNK_BYTES + 1)).toBe(24 + CHUNK_BYTES + 1 + 2 * 17);
  });
});

describe('encrypt / decrypt streams', () => {
  const key = randomKey();

  it.each([
    ['0 bytes', 0, undefined],
    ['1 byte', 1, undefined],
    ['exactly 64 KiB', CHUNK_BYTES, undefined],
    ['exactly 128 KiB', 2 * CHUNK_BYTES, [1000]],
    ['5 MiB + 3 bytes in odd-sized writes', 5 * 1024 * 1024 + 3, [1, 4093, 70001, 65537, 333]],
  ])('round-trips %s with the predicted size', async (_name, size, sizes) => {
    const plaintext = randomBytes(size);
    const encrypted = await encrypt(key, plaintext, sizes);
    expect(encrypted).toHaveLength(encryptedSize(size));
    const decrypted = await decrypt(key, encrypted, sizes ? [...sizes].reverse() : undefined);
    expect(hash(decrypted)).toEqual(hash(plaintext));
    expect(decrypted).toHaveLength(size);
  });

  it('streams: output for full chunks is available before the input ends', async () => {
    const encryptor = createEncryptStream(key);
    const received: Buffer[] = [];
    encryptor.on('data', (chunk: Buffer) => received.push(chunk));
    encryptor.write(randomBytes(2 * CHUNK_BYTES + 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(received)).toHaveLength(24 + 2 * (CHUNK_BYTES + 17));
    encryptor.end();
    await new Promise((resolve) => encryptor.on('end', resolve));
    const encrypted = Buffer.concat(received);
    expect(encrypted).toHaveLength(encryptedSize(2 * CHUNK_BYTES + 1));

    const decryptor = createDecryptStream(key);
    const plain: Buffer[] = [];
    decryptor.on('data', (chunk: Buffer) => plain.push(chunk));
    decryptor.write(encrypted.subarray(0, 24 + CHUNK_BYTES + 17));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(plain)).toHaveLength(CHUNK_BYTES);
    decryptor.end(encrypted.subarray(24 + CHUNK_BYTES + 17));
    await new Promise((resolve) => decryptor.on('end', resolve));
    expect(Buffer.concat(plain)).toHaveLength(2 * CHUNK_BYTES + 1);
  });

  it('uses a fresh header each time', async () => {
    const a = await encrypt(key, Buffer.from('x'));
    const b = await encrypt(key, Buffer.from('x'));
    expect(a.subarray(0, 24).equals(b.subarray(0, 24))).toBe(false);
  });

  it('rejects a wrong key', async () => {
    const encrypted = await encrypt(key, randomBytes(1000));
    await expect(decrypt(randomKey(), encrypted)).rejects.toThrow(CryptoError);
  });

  it('rejects every flipped bit of a small stream', async () => {
    const encrypted = await encrypt(key, Buffer.from('evidence'));
    for (let i = 0; i < encrypted.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const tampered = Buffer.from(encrypted);
        tampered[i]! ^= 1 << bit;
        await expect(decrypt(key, tampered), `byte ${i} bit ${bit}`).rejects.toThrow(CryptoError);
      }
    }
  });

  it('rejects a forged chunk in the middle of a long stream', async () => {
    const encrypted = await encrypt(key, randomBytes(3 * CHUNK_BYTES));
    encrypted[24 + CHUNK_BYTES + 17 + 100]! ^= 1;
    await expect(decrypt(key, encrypted)).rejects.toThrow(CryptoError);
  });

  it('rejects truncation: inside the header, inside a chunk, and at a chunk boundary', async () => {
    const encrypted = await encrypt(key, randomBytes(2 * CHUNK_BYTES + 10));
    for (const length of [0, 10, 24, 24 + 5, 24 + CHUNK_BYTES + 17, encrypted.length - 1]) {
      await expect(decrypt(key, encrypted.subarray(0, length)), `length ${length}`).rejects.toThrow(CryptoError);
    }
  });

  it('rejects data after the final chunk, including a whole second stream', async () => {
    for (const size of [0, 10, CHUNK_BYTES]) {
      const encrypted = await encrypt(key, randomBytes(size));
      await expect(decrypt(key, Buffer.concat([encrypted, Buffer.from([0])]))).rejects.toThrow(CryptoError);
      await expect(decrypt(key, Buffer.concat([encrypted, encrypted]))).rejects.toThrow(CryptoError);
    }
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createEncryptStream(randomBytes(16))).toThrow(RangeError);
    expect(() => createDecryptStream(randomBytes(16))).toThrow(RangeError);
  });
});
