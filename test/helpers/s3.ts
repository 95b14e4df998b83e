/**
 * A real S3-protocol server on loopback for the tests: s3rver (npm), with the two calls Confide needs that its
 * release lacks — ListMultipartUploads and AbortMultipartUpload — added by patches/s3rver+3.7.1.patch. Each server
 * keeps its objects in its own temporary folder, so a test can also look at what reached the disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { ListMultipartUploadsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, type S3Settings } from '../../src/blobs/s3.ts';

export const S3_BUCKET = 'confide-test';
/** s3rver takes any signature made with these. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3Server {
  endpoint: string;
  /** Its storage folder: every object it holds is a file below it. */
  dir: string;
  settings(prefix?: string): S3Settings;
  /** The environment a Confide process needs to use it (CONFIDE_BLOB_URL and the AWS variables). */
  env(prefix?: string): Record<string, string>;
  client: S3Client;
  /** Every object name in the bucket, whatever its prefix. */
  keys(): Promise<string[]>;
  /** Multipart uploads started and neither completed nor aborted. */
  pendingUploads(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<S3Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: S3_BUCKET }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const settings = (prefix = 'blobs/'): S3Settings => ({
    bucket: S3_BUCKET,
    prefix,
    endpoint,
    region: 'us-east-1',
    pathStyle: true,
    credentials: CREDENTIALS,
  });
  const client = createS3Client(settings());
  return {
    endpoint,
    dir,
    settings,
    env: (prefix = 'blobs') => ({
      CONFIDE_BLOB_URL: `s3://${S3_BUCKET}/${prefix}`,
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    }),
    client,
    async keys() {
      const page = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
      return (page.Contents ?? []).map((o) => o.Key ?? '');
    },
    async pendingUploads() {
      const page = await client.send(new ListMultipartUploadsCommand({ Bucket: S3_BUCKET }));
      return (page.Uploads ?? []).map((u) => u.Key ?? '');
    },
    async close() {
      client.destroy();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
