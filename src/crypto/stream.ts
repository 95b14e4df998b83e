/**
 * File encryption with crypto_secretstream_xchacha20poly1305. Format:
 * `header(24) ‖ chunk₁ ‖ … ‖ chunkₙ`, each chunk = 64 KiB of plaintext + 17 bytes, the last one shorter or
 * equal and tagged TAG_FINAL (n ≥ 1, so an empty file still has one final chunk). Chunks are authenticated
 * in order, so reordering, dropping, truncating or appending is detected.
 */
import { Transform, type TransformCallback } from 'node:stream';
import sodium from 'sodium-native';
import { CryptoError } from './errors.ts';

/** Plaintext bytes per chunk. */
export const CHUNK_BYTES = 64 * 1024;
const HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES; // 24
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES; // 17
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES) {
    throw new RangeError('key must be a 32-byte Buffer');
  }
}

/**
 * Size of the encrypted form of `plainBytes` bytes: 24 + plainBytes + 17 per chunk (at least one chunk).
 * @param plainBytes non-negative integer
 */
export function encryptedSize(plainBytes: number): number {
  if (!Number.isSafeInteger(plainBytes) || plainBytes < 0)
    throw new RangeError('plainBytes must be a non-negative integer');
  const chunks = Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
  return HEADER_BYTES + plainBytes + chunks * ABYTES;
}

/**
 * A Transform that encrypts its input (crypto_secretstream_xchacha20poly1305 push). Emits the 24-byte
 * header, then one encrypted chunk per 64 KiB of plaintext; the final chunk (TAG_FINAL) is emitted on end.
 * Holds at most one plaintext chunk, so memory is flat for any input size.
 * @param key 32 bytes; RangeError otherwise. Use a fresh random key per file (the evidence/report key is
 *   fine: the random header makes each stream unique). Never treat a stream that was not ended as a file:
 *   without the final chunk it will not decrypt.
 */
export function createEncryptStream(key: Buffer): Transform {
  checkKey(key);
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
  const pending = Buffer.alloc(CHUNK_BYTES);
  let filled = 0;
  let headerSent = false;

  const push = (stream: Transform, plaintext: Buffer, tag: number): void => {
    if (!headerSent) {
      stream.push(header);
      headerSent = true;
    }
    const chunk = Buffer.alloc(plaintext.length + ABYTES);
    sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, plaintext, null, tag);
    stream.push(chunk);
  };

  return new Transform({
    transform(data: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      let offset = 0;
      while (offset < data.length) {
        // A full chunk is sent only once more data arrives: the last one must carry TAG_FINAL.
        if (filled === CHUNK_BYTES) {
          push(this, pending, TAG_MESSAGE);
          filled = 0;
        }
        const copied = data.copy(pending, filled, offset, offset + CHUNK_BYTES - filled);
        filled += copied;
        offset += copied;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      push(this, pending.subarray(0, filled), TAG_FINAL);
      sodium.sodium_memzero(pending);
      sodium.sodium_memzero(state);
      callback();
    },
  });
}

/**
 * A Transform that decrypts `createEncryptStream` output (crypto_secretstream_xchacha20poly1305 pull),
 * emitting plaintext chunk by chunk.
 * @param key 32 bytes; RangeError otherwise
 * @throws (as a stream error) CryptoError on a wrong key or forged chunk, on data after the final chunk,
 *   and when the input ends without a final chunk (truncation).
 * Plaintext is emitted before the end is verified: never act on, serve as complete, or keep the output of a
 * stream that errored — only a stream that finished without error is the whole, authentic file.
 */
export function createDecryptStream(key: Buffer): Transform {
  checkKey(key);
  const keyCopy = Buffer.from(key);
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  const pending = Buffer.alloc(CHUNK_BYTES + ABYTES);
  const tag = Buffer.alloc(1);
  let headerFilled = 0;
  let filled = 0;
  let finished = false;

  const pull = (stream: Transform): void => {
    if (filled < ABYTES) throw new CryptoError('encrypted stream is truncated');
    const plaintext = Buffer.alloc(filled - ABYTES);
    try {
      sodium.crypto_secretstream_xchacha20poly1305_pull(state, plaintext, tag, pending.subarray(0, filled), null);
    } catch (cause) {
      throw new CryptoError('encrypted stream chunk does not authenticate', { cause });
    }
    filled = 0;
    if (tag[0] === TAG_FINAL) finished = true;
    else if (tag[0] !== TAG_MESSAGE) throw new CryptoError('encrypted stream has an unexpected tag');
    stream.push(plaintext);
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
          if (finished) throw new CryptoError('data after the final chunk of an encrypted stream');
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
        if (!finished) pull(this);
        if (!finished) throw new CryptoError('encrypted stream is truncated');
        sodium.sodium_memzero(state);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
