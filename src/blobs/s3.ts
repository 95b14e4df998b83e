/**
 * A blob store in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, …), through the AWS SDK v3: object
 * `<prefix><id>` in one bucket, where the id is 32 random hex characters — the name says nothing of the file, its
 * report or its case, and no metadata is sent with it (no file name, no content type but octet-stream).
 *
 * Writes stream through `@aws-sdk/lib-storage`'s Upload: a blob under one part (8 MiB) is one PutObject, a larger one
 * a multipart upload of 8 MiB parts sent one at a time, so memory stays near two parts per upload whatever the
 * file's size. S3 makes an object visible only once PutObject or CompleteMultipartUpload succeeds, so a blob appears
 * whole or not at all; a failed write aborts its multipart upload, and one a killed process left behind is aborted
 * by `removePartials` (ListMultipartUploads, AbortMultipartUpload). A bucket lifecycle rule
 * "AbortIncompleteMultipartUpload" does the same on the service's side (docs/operations.md).
 *
 * Durability: S3 acknowledges a PutObject or CompleteMultipartUpload once the object is stored redundantly
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DataDurability.html); other services say what theirs is.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BlobStore } from './store.ts';

const ID = /^[0-9a-f]{32}$/;
/** The size of each part of a multipart upload (S3's minimum is 5 MiB, except the last part). */
export const PART_BYTES = 8 * 1024 * 1024;

export interface S3Location {
  bucket: string;
  /** Prepended to every object name ('' or ending in '/'), so that one bucket can hold other things too. */
  prefix: string;
}

export interface S3Settings extends S3Location {
  /** `https://s3.example:9000` for a service other than AWS; unset for AWS itself. */
  endpoint?: string;
  region: string;
  /** Addresses `endpoint/bucket/key` instead of `bucket.endpoint/key` (what most self-hosted services need). */
  pathStyle: boolean;
  /** Credentials; unset: the SDK's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile files, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Reads `s3://bucket/prefix` (CONFIDE_BLOB_URL). @returns null when the text is not an s3:// address
 * @throws Error naming what is wrong with an s3:// address
 */
export function parseS3Url(text: string): S3Location | null {
  if (!text.startsWith('s3://')) return null;
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  // Bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`"${bucket}" is not a bucket name (3 to 63 lower-case letters, digits, dots and hyphens)`);
  const path = slash === -1 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
  return { bucket, prefix: path ? `${path}/` : '' };
}

/** An S3 client with bounded waits: 5 s to connect, 60 s without a byte on a request, 3 attempts. */
export function createS3Client(settings: S3Settings): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    forcePathStyle: settings.pathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // Checksums only where S3 requires them: many S3-compatible services do not take the aws-chunked trailers the
    // SDK would otherwise add to every streamed upload. Each part still carries its Content-MD5 where required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 60_000 }),
  };
  return new S3Client(config);
}

/** Whether an SDK error means "no such object" (GetObject answers NoSuchKey, HeadObject a bare 404). */
function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404;
}

/** The same error with code 'ENOENT', as the local store's reads fail, so callers handle one shape. */
function enoent(id: string, cause: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`no blob ${id} in the object store`, { cause }), { code: 'ENOENT' });
}

export function createS3BlobStore(client: S3Client, { bucket, prefix }: S3Location): BlobStore {
  const keyOf = (id: string): string => {
    if (!ID.test(id)) throw new Error(`invalid blob id "${id}"`);
    return prefix + id;
  };

  return {
    newId: () => randomBytes(16).toString('hex'),

    async write(id, source, ...transforms) {
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const body = new PassThrough();
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: keyOf(id), Body: body, ContentType: 'application/octet-stream' },
        partSize: PART_BYTES,
        queueSize: 1,
        leavePartsOnError: false,
      });
      const uploaded = upload.done();
      // Whichever fails first wins; the other side is then stopped, so neither waits for ever.
      uploaded.catch(() => body.destroy());
      try {
        await Promise.all([pipeline([source, ...transforms, counter, body]), uploaded]);
      } catch (error) {
        await upload.abort().catch(() => undefined); // already aborted or never started: the first error is the cause
        await uploaded.catch(() => undefined);
        throw error;
      }
      return bytes;
    },

    read(id) {
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(id) })).then(
        (answer) => {
          const body = answer.Body as Readable;
          body.on('error', (error) => out.destroy(error));
          body.pipe(out);
        },
        (error: unknown) => out.destroy(isMissing(error) ? enoent(id, error) : (error as Error)),
      );
      return out;
    },

    async size(id) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(id) }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(id) {
      // DeleteObject succeeds for a missing key too.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(id) }));
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const id = object.Key?.slice(prefix.length) ?? '';
          if (ID.test(id)) yield { id, writtenAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async removePartials(before) {
      let removed = 0;
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      do {
        const page = await client.send(
          new ListMultipartUploadsCommand({
            Bucket: bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !upload.UploadId || !ID.test(upload.Key.slice(prefix.length))) continue;
          // The writing process cannot be told from the listing: only the age counts here.
          if (upload.Initiated && upload.Initiated >= before) continue;
          await client.send(
            new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
          );
          removed += 1;
        }
        keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
      } while (keyMarker);
      return removed;
    },

    async check() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
