/**
 * Encrypted streams made chunk by chunk with libsodium itself, for tests: blobs in format 1 (as written before
 * format 2, which the app still reads but no longer writes) and hand-made format-2 streams the app would never
 * write (data after the end, a second boundary), to check that the reader refuses them.
 */
import sodium from 'sodium-native';

const CHUNK = 64 * 1024;

/** `header ‖ chunks`, each chunk's plaintext pushed with its tag and `ad`, in order. */
export function rawStream(key: Buffer, chunks: { plain: Buffer; tag: number }[], ad: Buffer | null): Buffer {
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES);
  sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
  const out = [header];
  for (const { plain, tag } of chunks) {
    const c = Buffer.alloc(plain.length + sodium.crypto_secretstream_xchacha20poly1305_ABYTES);
    sodium.crypto_secretstream_xchacha20poly1305_push(state, c, plain, ad, tag);
    out.push(c);
  }
  return Buffer.concat(out);
}

export const TAGS = {
  message: sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
  push: sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
  final: sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
};

/** A format-1 blob of `data`: 64 KiB chunks of the data itself, no padding, no associated data, the last final. */
export function legacyBlob(key: Buffer, data: Buffer): Buffer {
  const chunks: { plain: Buffer; tag: number }[] = [];
  for (let offset = 0; offset < data.length || chunks.length === 0; offset += CHUNK) {
    const plain = data.subarray(offset, offset + CHUNK);
    chunks.push({ plain, tag: offset + CHUNK >= data.length ? TAGS.final : TAGS.message });
  }
  return rawStream(key, chunks, null);
}
