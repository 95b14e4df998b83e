/**
 * Takes uploaded files in while a report or follow-up is being received. Each file is streamed, encrypted, into
 * the blob store as it arrives (the original, under a file key of its own sealed to the report's evidence public
 * key, so that only holders of the evidence private key can open it); files of a kind whose metadata can be
 * removed are also held in memory, up to `maxCleanBytes`, cleaned, and stored again under the report key.
 * Nothing reaches the database here: the caller writes `prepared` rows in its transaction, or calls `discard()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createEncryptStream } from '../../crypto/stream.ts';
import { randomKey, sealJson, sealTo, wipe } from '../../crypto/sodium.ts';
import { cleanFile, type CleanResult } from '../../files/clean.ts';
import { safeFileName } from '../../files/names.ts';
import { formatBytes } from '../../shared/format.ts';
import type { FilesTable } from '../../store/tables.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { fileAd, fileBlobAd } from '../../crypto/case-keys.ts';

export interface IncomingFile {
  /** As sent by the client: untrusted. */
  name: string;
  /** As declared by the client: untrusted. */
  type: string;
  stream: Readable;
  /** An empty file is skipped instead of refused (a file input left empty by a browser). */
  skipIfEmpty?: boolean;
}

export type PreparedFile = Omit<FilesTable, 'report_id' | 'created_at' | 'author' | 'message_id'>;

/** What `files.sealed_meta` holds, sealed under the report key with `fileAd`. */
export interface FileMeta {
  /** The name staff see (cleaned: safe characters only). */
  name: string;
  type: string;
  /** Why the file was not cleaned, or what it is; null when there is nothing to say. */
  note: string | null;
  /** Hex SHA-256 of the original bytes as received (evidence integrity); absent on files stored before it was kept. */
  sha256?: string;
  /** Bytes of the original as received; absent on format-1 rows (their blobs' lengths give it). */
  originalSize?: number;
  /** Bytes of the cleaned copy, null without one; absent on format-1 rows. */
  cleanedSize?: number | null;
}

/** What `files.sealed_original_meta` holds, sealed under the original's file key with `fileAd`. */
export interface OriginalMeta {
  /** As sent (made safe). */
  name: string;
  /** As declared by the client. */
  type: string;
  /** Bytes as received; absent on format-1 rows. */
  size?: number;
}

/** Whether the first bytes (or the name, for text) say this is a kind `cleanFile` can handle. */
export function isCleanable(head: Buffer, name: string, type: string): boolean {
  const ascii = head.subarray(0, 16).toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8) return true; // JPEG
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('GIF8')) return true;
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return true;
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return true; // TIFF
  if (ascii.slice(4, 8) === 'ftyp') return true; // HEIC, HEIF, AVIF
  if (head.subarray(0, 1024).includes('%PDF-')) return true;
  if (ascii.startsWith('PK\x03\x04')) return true; // ZIP: Office documents (DOCX… ODT…), told apart when cleaned
  return type === 'text/plain' || type === 'text/csv' || /\.(txt|csv|md)$/i.test(name);
}

export class FileIntake {
  readonly prepared: PreparedFile[] = [];
  private readonly blobIds: string[] = [];

  constructor(
    private readonly deps: Pick<Deps, 'blobs' | 'files'>,
    private readonly keys: { reportKey: Buffer; evidencePublicKey: Buffer },
    private readonly reportId: string,
  ) {}

  /**
   * Receives one file.
   * @returns false when an empty file marked skipIfEmpty was skipped
   * @throws DomainError too_large (over `maxFileBytes`, or more than `maxFiles` files), invalid/empty_file
   */
  async add(file: IncomingFile): Promise<boolean> {
    const { maxFiles, maxFileBytes, maxCleanBytes } = this.deps.files;
    const name = safeFileName(file.name);
    if (this.prepared.length >= maxFiles) {
      file.stream.resume();
      throw errors.tooLarge(`At most ${maxFiles} files can be sent at once.`);
    }
    const id = randomUUID();
    const originalBlob = this.deps.blobs.newId();
    this.blobIds.push(originalBlob);
    const tap = new Tap(maxFileBytes, maxCleanBytes, name, file.type);
    const fileKey = randomKey();
    try {
      await this.deps.blobs.write(
        originalBlob,
        file.stream,
        tap,
        createEncryptStream(fileKey, fileBlobAd(this.reportId, id, 'original')),
      );
    } catch (error) {
      file.stream.resume();
      if (tap.overLimit)
        throw errors.tooLarge(`The file “${name}” is larger than the limit of ${formatBytes(maxFileBytes)}.`);
      throw error;
    }
    if (tap.bytes === 0) {
      if (file.skipIfEmpty) {
        await this.deps.blobs.delete(originalBlob);
        return false;
      }
      throw errors.invalid('empty_file', `The file “${name}” is empty. Please choose the file again.`);
    }

    const result: CleanResult = tap.kept
      ? await cleanFile({ name, type: file.type, data: Buffer.concat(tap.kept) })
      : {
          status: 'failed',
          type: 'application/octet-stream',
          name,
          note: tap.cleanable
            ? `This file is larger than ${formatBytes(maxCleanBytes)}, the most that metadata is removed from; the original is kept sealed.`
            : 'Metadata could not be removed from this type of file; the original is kept sealed.',
        };
    tap.kept = null;
    const sha256 = tap.sha256.digest('hex');

    let cleanedBlob: string | null = null;
    if (result.data) {
      cleanedBlob = this.deps.blobs.newId();
      this.blobIds.push(cleanedBlob);
      await this.deps.blobs.write(
        cleanedBlob,
        Readable.from([result.data]),
        createEncryptStream(this.keys.reportKey, fileBlobAd(this.reportId, id, 'cleaned')),
      );
    }
    this.prepared.push({
      id,
      position: this.prepared.length,
      cleaning: result.status,
      cleaned_blob: cleanedBlob,
      sealed_meta: sealJson(
        this.keys.reportKey,
        {
          name: result.name,
          type: result.type,
          note: result.note,
          sha256,
          originalSize: tap.bytes,
          cleanedSize: result.data?.length ?? null,
        } satisfies FileMeta,
        fileAd(this.reportId, id),
      ),
      original_blob: originalBlob,
      sealed_original_key: sealTo(this.keys.evidencePublicKey, fileKey),
      sealed_original_meta: sealJson(
        fileKey,
        { name, type: file.type, size: tap.bytes } satisfies OriginalMeta,
        fileAd(this.reportId, id),
      ),
      blob_format: 2,
    });
    wipe(fileKey);
    return true;
  }

  /** Deletes every blob written so far (the submission failed). */
  async discard(): Promise<void> {
    await Promise.all(this.blobIds.map((id) => this.deps.blobs.delete(id)));
    this.blobIds.length = 0;
    this.prepared.length = 0;
  }
}

/** Counts bytes, refuses past the limit, and keeps a copy of cleanable files up to the cleaning limit. */
class Tap extends Transform {
  bytes = 0;
  overLimit = false;
  cleanable: boolean | null = null;
  kept: Buffer[] | null = [];
  /** SHA-256 of the original bytes, as received (evidence integrity; recordings of procedural actions). */
  readonly sha256 = createHash('sha256');

  constructor(
    private readonly maxBytes: number,
    private readonly maxKeep: number,
    private readonly name: string,
    private readonly type: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.overLimit = true;
      this.kept = null;
      done(new Error('file over the size limit'));
      return;
    }
    this.sha256.update(chunk);
    if (this.cleanable === null) this.cleanable = isCleanable(chunk, this.name, this.type);
    if (!this.cleanable || this.bytes > this.maxKeep) this.kept = null;
    else this.kept?.push(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.cleanable === null) this.kept = null;
    done();
  }
}
