/**
 * Where encrypted file contents live. Only ciphertext ever reaches a blob store: callers encrypt first
 * (src/crypto/stream.ts). Blob ids are random and say nothing about the file.
 */
import type { Readable, Transform } from 'node:stream';

export interface BlobStore {
  /** A fresh random id (32 hex characters). */
  newId(): string;
  /**
   * Streams `source`, through `transforms` (e.g. encryption), into blob `id`; the blob appears whole or not at
   * all, and an error in any stage rejects. @returns bytes written
   */
  write(id: string, source: Readable, ...transforms: Transform[]): Promise<number>;
  /** @throws Error with code 'ENOENT' when the blob does not exist (on first read). */
  read(id: string): Readable;
  /** Removes the blob; a missing blob is not an error. */
  delete(id: string): Promise<void>;
}
