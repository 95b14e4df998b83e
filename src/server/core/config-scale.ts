/**
 * The settings for running beyond one process: where blobs live (CONFIDE_BLOB_URL and the usual AWS variables for
 * an S3-compatible store), how many worker processes serve requests (CONFIDE_WORKERS), and where Prometheus reads
 * the metrics (CONFIDE_METRICS_PORT, CONFIDE_METRICS_TOKEN). Part of the configuration
 * in config.ts, validated with it.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BlobConfig } from '../../blobs/open.ts';
import { parseS3Url } from '../../blobs/s3.ts';

export const scaleEnv = {
  /** Port of a listener serving only Prometheus metrics at /metrics (unset: none). Keep it off the public network. */
  CONFIDE_METRICS_PORT: z.coerce
    .number({ error: 'must be a port number from 1 to 65535' })
    .int({ error: 'must be a port number from 1 to 65535' })
    .min(1, { error: 'must be a port number from 1 to 65535' })
    .max(65535, { error: 'must be a port number from 1 to 65535' })
    .optional(),
  /** Address of the metrics listener. */
  CONFIDE_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** A secret of at least 32 characters: GET /metrics on the main port then answers `Authorization: Bearer <it>`. */
  CONFIDE_METRICS_TOKEN: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. openssl rand -hex 32)' })
    .optional(),
  /**
   * Where encrypted file contents are stored: unset for `<CONFIDE_DATA_DIR>/blobs`; a folder (`/srv/confide/blobs`
   * or `file:///srv/confide/blobs`), which several nodes must share; or `s3://bucket/prefix` for an S3-compatible
   * object store, with AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) for a service other than AWS, AWS_REGION, and the
   * credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the SDK's other usual sources).
   */
  CONFIDE_BLOB_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      try {
        parseS3Url(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `${(error as Error).message}, e.g. s3://confide-files/blobs` });
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^(s3|file):\/\//.test(v))
        ctx.addIssue({ code: 'custom', message: 'must be s3://bucket/prefix, file:///folder or a folder' });
    }),
  AWS_ENDPOINT_URL_S3: z.string().url({ error: 'must be a URL such as https://s3.example:9000' }).optional(),
  AWS_ENDPOINT_URL: z.string().url({ error: 'must be a URL such as https://s3.example:9000' }).optional(),
  /** Read here rather than by the SDK itself, so the configuration is the one place settings come from. */
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
  /** Path-style addressing (`endpoint/bucket/key`): 1 or 0; default 1 with an endpoint (self-hosted services), 0 without. */
  CONFIDE_S3_PATH_STYLE: z.enum(['1', '0', 'true', 'false'], { error: 'must be 1 or 0' }).optional(),
  /**
   * Processes that serve requests: a whole number, or `auto` for one per core (os.availableParallelism()). Default 1.
   * Each is a full server sharing the port (node:cluster); the first process only starts and watches them.
   */
  CONFIDE_WORKERS: z
    .string()
    .default('1')
    .transform((v, ctx) => {
      if (v === 'auto') return os.availableParallelism();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 256)
        ctx.addIssue({ code: 'custom', message: 'must be auto or a whole number from 1 to 256' });
      return n;
    }),
};

type ScaleEnv = z.output<z.ZodObject<typeof scaleEnv>>;

export interface ScaleConfig {
  /** Prometheus metrics: a listener of their own (port null: none), and the bearer token for /metrics on the main port. */
  metrics: { port: number | null; host: string; token: string | undefined };
  blobs: BlobConfig;
  /** Worker processes (1: the server runs in the first process itself). */
  workers: number;
}

export function scaleConfig(e: ScaleEnv, dataDir: string, cwd: string): ScaleConfig {
  const url = e.CONFIDE_BLOB_URL;
  const s3 = url ? parseS3Url(url) : null;
  const endpoint = e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL;
  const blobs: BlobConfig = s3
    ? {
        kind: 's3',
        settings: {
          ...s3,
          ...(endpoint ? { endpoint } : {}),
          region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'us-east-1',
          ...(e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
            ? {
                credentials: {
                  accessKeyId: e.AWS_ACCESS_KEY_ID,
                  secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
                  ...(e.AWS_SESSION_TOKEN ? { sessionToken: e.AWS_SESSION_TOKEN } : {}),
                },
              }
            : {}),
          pathStyle: e.CONFIDE_S3_PATH_STYLE ? ['1', 'true'].includes(e.CONFIDE_S3_PATH_STYLE) : endpoint !== undefined,
        },
      }
    : {
        kind: 'local',
        dir: !url
          ? path.join(dataDir, 'blobs')
          : url.startsWith('file://')
            ? fileURLToPath(url)
            : path.resolve(cwd, url),
      };
  return {
    blobs,
    workers: e.CONFIDE_WORKERS,
    metrics: { port: e.CONFIDE_METRICS_PORT ?? null, host: e.CONFIDE_METRICS_HOST, token: e.CONFIDE_METRICS_TOKEN },
  };
}
