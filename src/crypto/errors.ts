/**
 * Thrown when ciphertext, a MAC-protected value or a stream fails to authenticate: wrong key, tampered or
 * truncated input, data after the end of a stream. The message is deliberately generic — never put key
 * material or plaintext into it. Misuse by the caller (a key of the wrong size) throws RangeError instead,
 * so a programming error is not mistaken for "wrong password".
 */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(message = 'decryption failed', options?: ErrorOptions) {
    super(message, options);
  }
}
