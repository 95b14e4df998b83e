/**
 * Minimal typings for sodium-native 5 (it ships none): only the functions and constants Confide uses.
 * Size checks inside sodium-native throw AssertionError; src/crypto validates sizes first so callers see
 * RangeError (misuse) or CryptoError (bad input) instead.
 */
declare module 'sodium-native' {
  interface SodiumNative {
    randombytes_buf(buffer: Buffer): void;

    sodium_memzero(buffer: Buffer): void;
    sodium_memcmp(a: Buffer, b: Buffer): boolean;
    /** @returns padded length */
    sodium_pad(buffer: Buffer, unpaddedLength: number, blockSize: number): number;
    /** @returns unpadded length; undefined value on malformed padding (the binding drops the status) */
    sodium_unpad(buffer: Buffer, paddedLength: number, blockSize: number): number;

    crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    /** @returns ciphertext length */
    crypto_aead_xchacha20poly1305_ietf_encrypt(
      c: Buffer,
      m: Buffer,
      ad: Buffer | null,
      nsec: null,
      npub: Buffer,
      k: Buffer,
    ): number;
    /** @throws Error when verification fails */
    crypto_aead_xchacha20poly1305_ietf_decrypt(
      m: Buffer,
      nsec: null,
      c: Buffer,
      ad: Buffer | null,
      npub: Buffer,
      k: Buffer,
    ): number;

    crypto_box_PUBLICKEYBYTES: number;
    crypto_box_SECRETKEYBYTES: number;
    crypto_box_SEALBYTES: number;
    crypto_box_keypair(pk: Buffer, sk: Buffer): void;
    crypto_box_seal(c: Buffer, m: Buffer, pk: Buffer): void;
    /** @returns false when the box does not open */
    crypto_box_seal_open(m: Buffer, c: Buffer, pk: Buffer, sk: Buffer): boolean;

    crypto_kdf_KEYBYTES: number;
    crypto_kdf_CONTEXTBYTES: number;
    crypto_kdf_derive_from_key(subkey: Buffer, subkeyId: number, ctx: Buffer, key: Buffer): void;

    crypto_auth_BYTES: number;
    crypto_auth_KEYBYTES: number;
    crypto_auth(out: Buffer, input: Buffer, k: Buffer): void;
    crypto_auth_verify(h: Buffer, input: Buffer, k: Buffer): boolean;

    crypto_generichash_BYTES_MIN: number;
    crypto_generichash_BYTES_MAX: number;
    crypto_generichash(output: Buffer, input: Buffer, key?: Buffer): void;

    crypto_secretstream_xchacha20poly1305_STATEBYTES: number;
    crypto_secretstream_xchacha20poly1305_HEADERBYTES: number;
    crypto_secretstream_xchacha20poly1305_KEYBYTES: number;
    crypto_secretstream_xchacha20poly1305_ABYTES: number;
    crypto_secretstream_xchacha20poly1305_TAG_MESSAGE: number;
    crypto_secretstream_xchacha20poly1305_TAG_FINAL: number;
    crypto_secretstream_xchacha20poly1305_TAG_PUSH: number;
    crypto_secretstream_xchacha20poly1305_init_push(state: Buffer, header: Buffer, k: Buffer): void;
    crypto_secretstream_xchacha20poly1305_init_pull(state: Buffer, header: Buffer, k: Buffer): void;
    crypto_secretstream_xchacha20poly1305_push(
      state: Buffer,
      c: Buffer,
      m: Buffer,
      ad: Buffer | null,
      tag: number,
    ): number;
    /** @throws Error when the chunk does not authenticate */
    crypto_secretstream_xchacha20poly1305_pull(
      state: Buffer,
      m: Buffer,
      tag: Buffer,
      c: Buffer,
      ad: Buffer | null,
    ): number;
  }

  const sodium: SodiumNative;
  export default sodium;
}
