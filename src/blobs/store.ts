/**
 * Where encrypted file contents live. Only ciphertext ever reaches a blob store: callers encrypt first
 * (src/crypto/stream.ts). Blob ids are random and say nothing about the file.
 */
import type { Duplex, Readable } from 'node:stream';

export interface BlobStore {
  /** A fresh random id (32 hex characters). */
  newId(): string;
  /**
   * Streams `source`, through `transforms` (e.g. encryption), into blob `id`; the blob appears whole or not at
   * all, and an error in any stage rejects. Resolves once the blob is durable (on disk, surviving a power cut).
   * @returns bytes written
   */
  write(id: string, source: Readable, ...transforms: Duplex[]): Promise<number>;
  /** @throws Error with code 'ENOENT' when the blob does not exist (on first read). */
  read(id: string): Readable;
  /** Bytes the blob holds (its encrypted length); null when there is no such blob. */
  size(id: string): Promise<number | null>;
  /** Removes the blob; a missing blob is not an error. */
  delete(id: string): Promise<void>;
  /**
   * Every whole blob with the time it was last written, in no particular order (the abandoned-upload sweep compares
   * them with the `files` rows). Blobs written or deleted while listing may or may not appear.
   */
  list(): AsyncIterable<{ id: string; writtenAt: Date }>;
  /**
   * Removes what writes that never finished left behind (a crash or kill mid-upload): temporary files last written
   * before `before`, and at once those whose writing process is known to have died. A write that fails removes its
   * own temporary file; only a process that stops mid-write leaves one. @returns how many were removed
   */
  removePartials(before: Date): Promise<number>;
  /** Resolves when the store can be read and written; rejects with the cause (readiness, start-up). */
  check(): Promise<void>;
}
