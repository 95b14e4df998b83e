/**
 * Reading what a `files` row points to: a blob decrypted in the row's format with the associated data of its file
 * and role, refused before anything is served when its start does not authenticate; and the file's exact sizes,
 * which are kept sealed (format 2) or, for rows written before sizes were sealed (format 1), read from the length of
 * their blobs, which for that format gives the size exactly.
 */
import { Readable } from 'node:stream';
import { CryptoError } from '../../crypto/errors.ts';
import { createDecryptStream, legacyPlainSize, type BlobFormat } from '../../crypto/stream.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { fileBlobAd, type BlobRole } from '../../crypto/case-keys.ts';

/** Exact sizes in bytes; null when unknown (a format-1 blob that is missing from the file store). */
export interface FileSizes {
  original: number | null;
  /** null also when there is no cleaned copy */
  cleaned: number | null;
}

interface FileRow {
  original_blob: string;
  cleaned_blob: string | null;
  blob_format: number;
}

/** What a row's sealed metadata says of its sizes (absent on format-1 rows). */
export interface SealedSizes {
  originalSize?: number;
  cleanedSize?: number | null;
}

function formatOf(row: { blob_format: number }): BlobFormat {
  if (row.blob_format === 1 || row.blob_format === 2) return row.blob_format;
  throw new Error(`files.blob_format ${row.blob_format} is not a known blob format`);
}

async function legacySize(deps: Pick<Deps, 'blobs'>, blob: string): Promise<number | null> {
  const bytes = await deps.blobs.size(blob);
  return bytes === null ? null : legacyPlainSize(bytes);
}

/**
 * The exact sizes of a file's copies.
 * @param meta the row's opened `sealed_meta`
 */
export async function fileSizes(deps: Pick<Deps, 'blobs'>, row: FileRow, meta: SealedSizes): Promise<FileSizes> {
  if (formatOf(row) === 2) return { original: meta.originalSize ?? null, cleaned: meta.cleanedSize ?? null };
  return {
    original: await legacySize(deps, row.original_blob),
    cleaned: row.cleaned_blob ? await legacySize(deps, row.cleaned_blob) : null,
  };
}

/**
 * Refusal of a blob that is missing, belongs to another file or copy, or was altered: nothing of it is served. The
 * log gets the file, the copy and the cause (`log`, `cause`).
 */
function unreadable(input: { fileId: string; role: BlobRole; format: BlobFormat }, cause: unknown): DomainError {
  const missing = (cause as NodeJS.ErrnoException | null)?.code === 'ENOENT';
  return new DomainError(
    'damaged',
    missing ? 'file_missing' : 'file_damaged',
    missing
      ? 'The stored copy of this file is missing from the file store, so it cannot be opened. Tell your administrator: the server log names the file.'
      : 'The stored copy of this file does not match its record (it was altered, damaged or swapped with another file’s), so it is not shown. Tell your administrator: the server log names the file and the cause.',
    undefined,
    {
      cause,
      log: {
        fileId: input.fileId,
        copy: input.role,
        blobFormat: input.format,
        reason: missing
          ? 'blob missing'
          : cause instanceof CryptoError
            ? `blob does not decrypt as this file's ${input.role} copy: ${cause.message}`
            : 'blob could not be read',
      },
    },
  );
}

/**
 * One copy of a file, decrypted. Resolves once its first data (or, for a short file, all of it) has authenticated,
 * so a missing, moved or altered blob is refused before a response starts; damage further in errors the stream.
 * @param input.key the report key (cleaned copies) or the original's file key; the stream keeps its own copy
 * @throws DomainError damaged/file_missing | damaged/file_damaged
 */
export async function openFileBlob(
  deps: Pick<Deps, 'blobs'>,
  input: { reportId: string; fileId: string; role: BlobRole; blob: string; blobFormat: number; key: Buffer },
): Promise<Readable> {
  const format = formatOf({ blob_format: input.blobFormat });
  const decrypt = createDecryptStream(
    input.key,
    format,
    format === 2 ? fileBlobAd(input.reportId, input.fileId, input.role) : null,
  );
  const source = deps.blobs.read(input.blob);
  source.on('error', (e) => decrypt.destroy(e));
  decrypt.on('close', () => source.destroy());
  const iterator = source.pipe(decrypt)[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer>;
  try {
    first = (await iterator.next()) as IteratorResult<Buffer>;
  } catch (cause) {
    source.destroy();
    throw unreadable({ fileId: input.fileId, role: input.role, format }, cause);
  }
  return Readable.from(
    (async function* () {
      if (first.done) return;
      yield first.value;
      // yield* hands a consumer's early stop (return) on to the decrypting stream, which then closes the blob.
      yield* { [Symbol.asyncIterator]: () => iterator };
    })(),
    { objectMode: false },
  );
}
