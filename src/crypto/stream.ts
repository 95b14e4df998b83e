/**
 * File encryption with crypto_secretstream_xchacha20poly1305 (libsodium), in 64 KiB chunks. Two formats; `files`
 * rows say which one their blobs use (`blob_format`).
 *
 * **Format 2** (every blob written now): `header(24) ‖ chunk₁ ‖ … ‖ chunkₘ`, each chunk = 1 to 64 KiB of plaintext
 * + 17 bytes, all of them full-size but the last.
 * - The plaintext stream is `data(n) ‖ 0x80 ‖ 0x00 …`, padded to `paddedSize(n)` bytes: ISO/IEC 7816-4 padding
 *   (as sodium_pad writes it) to a Padmé length (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 *   Communication with PURBs", PETS 2019) of at least 4 KiB. The blob's length, 24 + P + 17·⌈P / 64 KiB⌉, is a
 *   function of P alone, and P tells only n's bucket: O(log log n) bits of it, for at most 12 % more bytes.
 * - Every chunk is authenticated with the blob's associated data (which file of which report, and which copy: see
 *   `fileBlobAd` in src/crypto/case-keys.ts), so a blob moved to another row or role does not decrypt.
 * - Tags mark the end of the data: chunks before the one that holds the 0x80 byte are TAG_MESSAGE; that one (the
 *   boundary) is TAG_PUSH, or TAG_FINAL when nothing follows it; the chunks after it hold zeros only, TAG_MESSAGE
 *   but the last, TAG_FINAL. The true length is read from the authenticated stream itself, never from a column.
 * - Reading releases data up to the boundary chunk and that chunk's data only once TAG_FINAL has authenticated, so
 *   whoever has received all n bytes has received a whole, authentic file. Padding is never returned. A stream
 *   that stops before TAG_FINAL, goes on after it, has a second boundary or anything but zeros after the first is
 *   rejected.
 *
 * **Format 1** (blobs written before format 2; read only): `header ‖ chunks`, the data itself with no padding and
 * no associated data, the last chunk TAG_FINAL (an empty file has one empty final chunk). Its length,
 * 24 + n + 17·max(1, ⌈n / 64 KiB⌉), gives n exactly (`legacyPlainSize`).
 *
 * A format-2 blob read as format 1 fails (its chunks carry associated data), and the reverse too, so rewriting the
 * clear format column gains nothing.
 */
import { Duplex, Transform, type TransformCallback } from 'node:stream';
import sodium from 'sodium-native';
import { CryptoError } from './errors.ts';
import { unpaddedLength } from './sodium.ts';

/** Plaintext bytes per chunk. */
export const CHUNK_BYTES = 64 * 1024;
/** The smallest padded size of a format-2 blob's plaintext: every file under 4 KiB looks the same. */
export const MIN_PADDED_BYTES = 4096;
const HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES; // 24
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES; // 17
const STATE_BYTES = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_PUSH = sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
const ZEROS = Buffer.alloc(CHUNK_BYTES);

/** The formats a blob can be in (`files.blob_format`). */
export type BlobFormat = 1 | 2;

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES) {
    throw new RangeError('key must be a 32-byte Buffer');
  }
}

function checkSize(bytes: number, name: string): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/** Index of the highest set bit of a positive integer: ⌊log₂ x⌋, exact for any safe integer. */
const log2Floor = (x: number): number => x.toString(2).length - 1;

/**
 * The plaintext length a format-2 blob pads `plainBytes` to: Padmé of max(n + 1, 4 KiB) — the smallest number
 * ≥ that whose binary form ends in E − ⌊log₂ E⌋ − 1 zero bits, E = ⌊log₂ L⌋ (at most 12 % above L).
 * @param plainBytes n, non-negative integer; RangeError otherwise
 */
export function paddedSize(plainBytes: number): number {
  checkSize(plainBytes, 'plainBytes');
  const length = Math.max(plainBytes + 1, MIN_PADDED_BYTES);
  const exponent = log2Floor(length);
  const unit = 2 ** (exponent - log2Floor(exponent) - 1);
  return Math.ceil(length / unit) * unit;
}

/**
 * Bytes of a blob holding `plainBytes` bytes of data.
 * @param plainBytes non-negative integer; RangeError otherwise
 * @param format 2 (padded: the length tells only the bucket) or 1 (exact)
 */
export function encryptedSize(plainBytes: number, format: BlobFormat = 2): number {
  const streamed = format === 2 ? paddedSize(plainBytes) : plainBytes;
  checkSize(streamed, 'plainBytes');
  const chunks = Math.max(1, Math.ceil(streamed / CHUNK_BYTES));
  return HEADER_BYTES + streamed + chunks * ABYTES;
}

/**
 * The data length of a format-1 blob of `blobBytes` bytes (the inverse of `encryptedSize(n, 1)`).
 * @throws CryptoError when no format-1 blob has that length
 */
export function legacyPlainSize(blobBytes: number): number {
  checkSize(blobBytes, 'blobBytes');
  const chunks = Math.ceil((blobBytes - HEADER_BYTES) / (CHUNK_BYTES + ABYTES));
  const plain = blobBytes - HEADER_BYTES - chunks * ABYTES;
  if (chunks < 1 || plain < 0 || encryptedSize(plain, 1) !== blobBytes)
    throw new CryptoError(`no encrypted stream is ${blobBytes} bytes long`);
  return plain;
}

/**
 * A Duplex that encrypts what is written to it into a format-2 blob: the 24-byte header, one chunk per 64 KiB of
 * data as it arrives, then (on end) the boundary chunk and the padding chunks, one at a time as the reader takes
 * them. Holds at most one chunk of plaintext, so memory is flat for any input size, padding included.
 * @param key 32 bytes; RangeError otherwise. A fresh random key per file, or the report key: the random header
 *   makes each stream unique.
 * @param ad associated data naming what the blob is (`fileBlobAd`), non-empty; the reader must give the same bytes.
 * Never treat a stream that was not ended as a blob: without TAG_FINAL it will not decrypt.
 */
export function createEncryptStream(key: Buffer, ad: Buffer): Duplex {
  checkKey(key);
  if (!Buffer.isBuffer(ad) || ad.length === 0) throw new RangeError('ad must be a non-empty Buffer');
  const adCopy = Buffer.from(ad);
  // The key is used here only: the stream holds the secretstream state, never the key.
  const state = Buffer.alloc(STATE_BYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
  return Duplex.from(async function* encrypt(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const pending = Buffer.alloc(CHUNK_BYTES);
    const push = (plaintext: Buffer, tag: number): Buffer => {
      const chunk = Buffer.alloc(plaintext.length + ABYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, plaintext, adCopy, tag);
      return chunk;
    };
    try {
      yield header;
      let filled = 0;
      let dataBytes = 0;
      for await (const data of source) {
        let offset = 0;
        while (offset < data.length) {
          // A full chunk goes out only once more data arrives: the boundary cannot be in it then.
          if (filled === CHUNK_BYTES) {
            yield push(pending, TAG_MESSAGE);
            filled = 0;
          }
          const copied = data.copy(pending, filled, offset, offset + CHUNK_BYTES - filled);
          filled += copied;
          offset += copied;
          dataBytes += copied;
        }
      }
      if (filled === CHUNK_BYTES) {
        yield push(pending, TAG_MESSAGE);
        filled = 0;
      }
      // `pending` holds the last `filled` (< 64 KiB) bytes of data, from a chunk-aligned offset.
      const total = paddedSize(dataBytes);
      let left = total - (dataBytes - filled);
      const boundary = Math.min(CHUNK_BYTES, left);
      sodium.sodium_pad(pending.subarray(0, boundary), filled, boundary);
      left -= boundary;
      yield push(pending.subarray(0, boundary), left === 0 ? TAG_FINAL : TAG_PUSH);
      while (left > 0) {
        const size = Math.min(CHUNK_BYTES, left);
        left -= size;
        yield push(ZEROS.subarray(0, size), left === 0 ? TAG_FINAL : TAG_MESSAGE);
      }
    } finally {
      sodium.sodium_memzero(pending);
      sodium.sodium_memzero(state);
    }
  });
}

/**
 * A Transform that decrypts a blob, emitting its data (never padding) chunk by chunk.
 * @param key 32 bytes; RangeError otherwise
 * @param format the row's `blob_format`
 * @param ad format 2: the associated data given to `createEncryptStream`; format 1: null (it has none)
 * @throws (as a stream error) CryptoError on a wrong key or associated data, a forged, reordered or missing chunk,
 *   a stream that ends before its final chunk or goes on after it, and (format 2) anything but zeros after the data.
 * Data is emitted before the end is verified, except a format-2 blob's last data chunk: never act on, serve as
 * complete or keep the output of a stream that errored.
 */
export function createDecryptStream(key: Buffer, format: BlobFormat, ad: Buffer | null): Transform {
  checkKey(key);
  if (format === 2 ? !Buffer.isBuffer(ad) || ad.length === 0 : ad !== null)
    throw new RangeError('format 2 takes a non-empty ad, format 1 none');
  const keyCopy = Buffer.from(key);
  const adCopy = ad && Buffer.from(ad);
  const state = Buffer.alloc(STATE_BYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  const pending = Buffer.alloc(CHUNK_BYTES + ABYTES);
  const tag = Buffer.alloc(1);
  let headerFilled = 0;
  let filled = 0;
  /** data: before the boundary; padding: after it (format 2); done: TAG_FINAL authenticated. */
  let phase: 'data' | 'padding' | 'done' = 'data';
  /** Format 2: the boundary chunk's data, released once TAG_FINAL authenticates. */
  let held: Buffer | null = null;

  const pull = (stream: Transform): void => {
    if (filled < ABYTES) throw new CryptoError('encrypted stream is truncated');
    const plaintext = Buffer.alloc(filled - ABYTES);
    try {
      sodium.crypto_secretstream_xchacha20poly1305_pull(state, plaintext, tag, pending.subarray(0, filled), adCopy);
    } catch (cause) {
      throw new CryptoError('encrypted stream chunk does not authenticate', { cause });
    }
    filled = 0;
    const t = tag[0];
    if (format === 1) {
      if (t !== TAG_MESSAGE && t !== TAG_FINAL) throw new CryptoError('encrypted stream has an unexpected tag');
      if (t === TAG_FINAL) phase = 'done';
      stream.push(plaintext);
      return;
    }
    if (phase === 'data' && t === TAG_MESSAGE) {
      stream.push(plaintext);
    } else if (phase === 'data' && (t === TAG_PUSH || t === TAG_FINAL)) {
      held = plaintext.subarray(0, unpaddedLength(plaintext, plaintext.length));
      phase = 'padding';
    } else if (phase === 'padding' && (t === TAG_MESSAGE || t === TAG_FINAL)) {
      if (!plaintext.equals(ZEROS.subarray(0, plaintext.length)))
        throw new CryptoError('encrypted stream has data after its end');
    } else {
      throw new CryptoError('encrypted stream has an unexpected tag');
    }
    if (t === TAG_FINAL) {
      phase = 'done';
      if (held!.length > 0) stream.push(held);
      held = null;
    }
  };

  return new Transform({
    transform(data: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        let offset = 0;
        if (headerFilled < HEADER_BYTES) {
          offset = data.copy(header, headerFilled, 0, HEADER_BYTES - headerFilled);
          headerFilled += offset;
          if (headerFilled === HEADER_BYTES) {
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, keyCopy);
            sodium.sodium_memzero(keyCopy);
          }
        }
        while (offset < data.length) {
          if (phase === 'done') throw new CryptoError('data after the final chunk of an encrypted stream');
          const copied = data.copy(pending, filled, offset, offset + pending.length - filled);
          filled += copied;
          offset += copied;
          if (filled === pending.length) pull(this);
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        sodium.sodium_memzero(keyCopy);
        if (headerFilled < HEADER_BYTES) throw new CryptoError('encrypted stream is truncated');
        if (phase !== 'done') pull(this);
        if (phase !== 'done') throw new CryptoError('encrypted stream is truncated');
        sodium.sodium_memzero(state);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
