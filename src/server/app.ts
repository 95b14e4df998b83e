/**
 * Builds the Fastify app from its dependencies; never listens (main.ts does). Tests build the same app with test
 * dependencies and `inject` requests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../domain/deps.ts';
import { errorResponder } from './core/errors.ts';
import { registerAccess } from './plugins/access.ts';
import { registerNulCheck } from './plugins/nul.ts';
import { registerParamsCheck } from './plugins/validation.ts';
import { registerHeaders, registerOriginCheck, registerRequestLog } from './plugins/headers.ts';
import { boundedServer, DEFAULT_BOUNDS } from './plugins/bounds.ts';
import { apiRoutes } from './api/index.ts';
import { errorPageHtml, publicRoutes, renderErrorPage } from './public/routes.ts';
import { languagePrefix } from './public/locale.ts';
import type { HttpBounds } from './core/config.ts';
import { staffAssetRoutes } from './staff.ts';
import { registerHealth } from './health.ts';
import { registerMetrics } from './metrics.ts';
import type { RouteContext } from './core/route-context.ts';

export interface AppOptions {
  deps: Deps;
  /** Send cookies with the Secure flag. */
  secureCookies: boolean;
  /** Proxy addresses whose X-Forwarded-* headers are believed; default none. */
  trustProxy?: false | readonly string[];
  /** Public base URL (setup link, absolute links); https:// sends Strict-Transport-Security on every response. */
  publicUrl: string;
  logLevel?: string;
  /** Where log lines go (default standard output); tests read them. */
  logStream?: { write(line: string): void };
  /** Folder of the built staff workspace (default dist/web). */
  webDir?: string;
  /** How long connections may take (default: the configuration's defaults). */
  bounds?: HttpBounds;
  /** CONFIDE_METRICS_TOKEN: GET /metrics answers its bearer (unset: 404). */
  metricsToken?: string | undefined;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const answerError = errorResponder(deps.files.maxFileBytes, renderErrorPage);
  const bounded = boundedServer(options.bounds ?? DEFAULT_BOUNDS, (view) => errorPageHtml(deps.profile(), view));
  const app = Fastify({
    ...bounded.options,
    // Fastify's own request lines carry IP, host and full URL: they are off, and registerRequestLog writes ours.
    logger: {
      level: options.logLevel ?? 'info',
      serializers: { req: () => ({}) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    logController: new LogController({ disableRequestLogging: true }),
    // Only the proxies named in CONFIDE_TRUST_PROXY: X-Forwarded-Proto from them makes request.protocol 'https'.
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // `/zh-CN/follow-up` is the follow-up page in Chinese: the language is taken off the path before routing.
    rewriteUrl: languagePrefix,
    // The router's own refusals (a malformed or overlong path) are answered like every other error.
    frameworkErrors: (error, request, reply) => void answerError(error, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  bounded.register(app);
  registerAccess(app, deps);
  registerParamsCheck(app);
  registerHeaders(app, { hsts: options.publicUrl.startsWith('https://') });
  registerRequestLog(app);
  registerOriginCheck(app);
  registerNulCheck(app);
  registerHealth(app, deps, app.log);
  registerMetrics(app, deps, options.metricsToken);
  app.setErrorHandler(answerError);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: deps.files.maxFileBytes + 1,
      files: deps.files.maxFiles + 1,
      fieldSize: 1024 * 1024,
      fields: 300,
      parts: 1000,
      headerPairs: 100,
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Confide API',
        version: '1',
        description: 'Confidential reporting channel: reporter and staff API.',
      },
      components: {
        securitySchemes: {
          staffSession: { type: 'apiKey', in: 'cookie', name: 'confide_staff' },
          reporterSession: { type: 'apiKey', in: 'cookie', name: 'confide_reporter' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'src/server/public/assets'),
    serve: false,
    decorateReply: true,
  });

  const context: RouteContext = { deps, secureCookies: options.secureCookies, publicUrl: options.publicUrl };
  await app.register(apiRoutes(context), { prefix: '/api/v1' });
  await app.register(publicRoutes(context));
  await app.register(staffAssetRoutes(options.webDir ?? path.join(ROOT, 'dist/web')));
  return app;
}
