/**
 * The audit log for oversight officers — read, export (NDJSON, checkable offline), check the chain, and the record
 * of accesses to one report by its reference — and the same record for the reporter signed in with their receipt.
 * Every `/audit` route admits oversight officers only: anyone else gets 404. Reading and exporting are audited.
 * @see Directive (EU) 2016/680 Art. 25; CJEU C-579/21; REQUIREMENTS #28, #29
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessLogByReference,
  accessLogCsv,
  accessLogFileName,
  reportAccessLog,
} from '../../../domain/audit/access-log.ts';
import { exportAudit, verifyAuditForOversight } from '../../../domain/audit/export.ts';
import { listAudit, listAuditActors } from '../../../domain/audit/read.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  AccessLog,
  AuditActors,
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
} from '../../../shared/audit.ts';
import type { RouteContext } from '../../core/route-context.ts';

export const AUDIT_ROLES = ['oversight'] as const;
const refused = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };
const ReferenceParams = z.object({ reference: z.string().trim().min(1).max(40) });
const csvFile = { description: 'CSV file (attachment)', content: { 'text/csv': { schema: z.string() } } };

export function auditRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: AUDIT_ROLES };
    const tags = ['audit'];

    r.get(
      '/audit',
      {
        config,
        schema: {
          tags,
          summary: 'The audit log, newest first: filter by dates, actor, action prefix and subject; pages by seq',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...refused },
        },
      },
      async (request) => listAudit(deps, request.viewer!, request.query),
    );

    r.get(
      '/audit/actors',
      {
        config,
        schema: {
          tags,
          summary: 'Staff accounts, to filter the log by who acted',
          response: { 200: AuditActors, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async () => ({ actors: await listAuditActors(deps) }),
    );

    r.get(
      '/audit/export',
      {
        config,
        schema: {
          tags,
          summary:
            'The log of a date range as NDJSON (attachment, oldest first, one entry per line with its hashes), ' +
            'to check offline with `npx confide audit verify --file`',
          querystring: AuditExportQuery,
          response: {
            200: {
              description: 'NDJSON file: seq, at, actor, action, subject, reason, prev_hash, hash per line',
              // A stream of text, not serialised: z.any() lets the handler send it.
              content: { 'application/x-ndjson': { schema: z.any() } },
            },
            ...refused,
          },
        },
      },
      async (request, reply) => {
        const file = await exportAudit(deps, request.viewer!, request.query);
        return reply
          .header('Content-Type', 'application/x-ndjson; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
          .header('Cache-Control', 'no-store')
          .send(Readable.from(file.chunks));
      },
    );

    r.get(
      '/audit/verify',
      {
        config,
        schema: {
          tags,
          summary: 'Check the whole chain, as `npx confide audit verify` does, and say the result in words',
          response: { 200: AuditVerifyResult, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => verifyAuditForOversight(deps, request.viewer!),
    );

    r.get(
      '/audit/reports/:reference/accesses',
      {
        config,
        schema: {
          tags,
          summary: 'Every access to one report, as its reporter sees it: dates and purposes, staff pseudonymised',
          params: ReferenceParams,
          response: { 200: AccessLog, ...refused },
        },
      },
      async (request) => accessLogByReference(deps, request.viewer!, request.params.reference),
    );

    r.get(
      '/audit/reports/:reference/accesses.csv',
      {
        config,
        schema: {
          tags,
          summary: 'The same record of accesses as a CSV file (attachment)',
          params: ReferenceParams,
          response: { 200: csvFile, ...refused },
        },
      },
      async (request, reply) =>
        sendCsv(reply, await accessLogByReference(deps, request.viewer!, request.params.reference)),
    );

    // The reporter's own record, with the receipt's session (the follow-up pages offer the same as downloads).
    const reporter = { access: 'reporter' as const };
    r.get(
      '/reporter/accesses',
      {
        config: reporter,
        schema: {
          tags: ['reporter'],
          summary: 'Who has looked at my report: the date and purpose of every access, staff pseudonymised',
          response: { 200: AccessLog, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => reportAccessLog(deps, request.reporter!.reportId!),
    );

    r.get(
      '/reporter/accesses.csv',
      {
        config: reporter,
        schema: {
          tags: ['reporter'],
          summary: 'The same record as a CSV file (attachment)',
          response: { 200: csvFile, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => sendCsv(reply, await reportAccessLog(deps, request.reporter!.reportId!)),
    );
  };
}

function sendCsv(reply: FastifyReply, log: AccessLog): FastifyReply {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${accessLogFileName(log, 'csv')}"`)
    .header('Cache-Control', 'no-store')
    .send(accessLogCsv(log));
}
