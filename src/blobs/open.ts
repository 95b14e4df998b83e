/** Opens the blob store the configuration names (CONFIDE_BLOB_URL): a local folder, or an S3-compatible bucket. */
import { createLocalBlobStore } from './local.ts';
import { createS3BlobStore, createS3Client, type S3Settings } from './s3.ts';
import type { BlobStore } from './store.ts';

export type BlobConfig = { kind: 'local'; dir: string } | { kind: 's3'; settings: S3Settings };

export interface OpenedBlobStore {
  store: BlobStore;
  /** Where it is, for messages: "the folder /srv/confide/blobs", "s3://bucket/prefix at https://…". */
  label: string;
  close(): void;
}

export function openBlobStore(config: BlobConfig): OpenedBlobStore {
  if (config.kind === 'local') {
    return { store: createLocalBlobStore(config.dir), label: `the folder ${config.dir}`, close: () => undefined };
  }
  const { settings } = config;
  const client = createS3Client(settings);
  return {
    store: createS3BlobStore(client, settings),
    label: `s3://${settings.bucket}/${settings.prefix}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`,
    close: () => client.destroy(),
  };
}
