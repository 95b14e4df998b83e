/**
 * `npm run bench:intake [-- --duration 20 --connections 4 --operator-reports 100 --json]`
 *
 * E-mail ingest against web submission, in one run on one machine (docs/benchmarks.md): messages per minute, each
 * with a 1 MiB attachment, through the real SMTP receiver (src/inbound/smtp.ts) on loopback, with nodemailer as
 * the sending server (`connections` pooled connections); ÷ reports per minute through POST /api/v1/reports with the
 * same 1 MiB file, measured in the same run. Both cost one Argon2id (the receipt): the Argon2id bound, measured in
 * the app's process half before and half after, is shown for each too. The file is random bytes (no cleaner knows
 * it), so both only stream and seal it. Then operator intake: `--operator-reports` phone reports recorded one after
 * another over HTTP (bench/intake/operator.ts), whose p95 latency less one Argon2id (timed at concurrency 1 in the
 * app's process) is what intake itself costs. Exits 0 when the goal is missed (it is a measurement).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describeStatuses, load } from '../lib/autocannon.ts';
import { startServer, type StartedServer } from '../lib/child.ts';
import { cleanUpOnSignals, cleanup, onCleanup } from '../lib/cleanup.ts';
import { pause, settle } from '../lib/measure.ts';
import { score, table, type Metric } from '../lib/report.ts';
import { combineArgon2, type Argon2Result } from '../submit/argon2.ts';
import { ANSWERS, SUBMIT_CATEGORY } from '../submit/body.ts';
import { measureOperatorIntake, OPERATOR, quantile } from './operator.ts';

const APP = fileURLToPath(new URL('./app-server.ts', import.meta.url));
const MiB = 1024 * 1024;
const GOAL = 0.8;

/** The web submission: the benchmark's answers and one 1 MiB file, encoded once. */
async function webBody(file: Buffer): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append('category', SUBMIT_CATEGORY);
  form.append('answers', JSON.stringify(ANSWERS));
  form.append('files', new Blob([new Uint8Array(file)]), 'archive.bin');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/** The e-mail, built once; each send gets its own Message-ID in front (a repeated one would be a duplicate). */
async function mailBody(file: Buffer): Promise<Buffer> {
  const built = await new MailComposer({
    from: 'sender@bench.test',
    to: 'report@bench.test',
    subject: 'Report',
    text: ANSWERS.what_happened,
    attachments: [{ filename: 'archive.bin', content: file, contentType: 'application/octet-stream' }],
  })
    .compile()
    .build();
  return Buffer.from(built.toString('latin1').replace(/^Message-ID: .*\r\n/im, ''), 'latin1');
}

/** Sends for `seconds` over `connections` pooled connections. @returns messages accepted per second */
async function sendMail(port: number, raw: Buffer, connections: number, seconds: number) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  const end = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  let lastError = '';
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        try {
          await transport.sendMail({
            envelope: { from: 'sender@bench.test', to: 'report@bench.test' },
            raw: Buffer.concat([Buffer.from(`Message-ID: <${randomUUID()}@bench.test>\r\n`), raw]),
          });
          ok++;
        } catch (error) {
          failed++;
          lastError = (error as Error).message;
        }
      }
    }),
  );
  transport.close();
  return { perSecond: ok / ((Date.now() - started) / 1000), ok, failed, lastError };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '4' },
      json: { type: 'boolean', default: false },
      'operator-reports': { type: 'string', default: '100' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const operatorReports = Number(values['operator-reports']);
  if (!(duration > 0) || !Number.isInteger(connections) || connections < 1)
    throw new Error('--duration takes seconds (> 0), --connections a whole number ≥ 1');
  if (!Number.isInteger(operatorReports) || operatorReports < 20)
    throw new Error('--operator-reports takes a whole number ≥ 20 (the p95 needs them)');
  cleanUpOnSignals();
  const progress = (line: string) => console.error(line);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-intake-'));
  onCleanup('remove temp data folder', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  progress(`Confide bench:intake ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs`);
  const app: StartedServer = await startServer(APP, { name: 'app', env: { CONFIDE_DATA_DIR: dataDir } });
  const smtpPort = await app.call<number>('smtpPort', {});
  const file = randomBytes(MiB);
  const web = await webBody(file);
  const raw = await mailBody(file);

  const submit = async (seconds: number) => {
    const result = await settle(
      load({
        url: `http://127.0.0.1:${app.port}/api/v1/reports`,
        method: 'POST',
        headers: { 'content-type': web.contentType },
        body: web.body,
        connections,
        duration: seconds,
        timeout: 60,
      }),
    );
    await pause(1000);
    return result;
  };
  const hash = (seconds: number) => app.call<Argon2Result>('argon2', { concurrency: connections, duration: seconds });

  progress(`warming up: 3 s each of web submissions, e-mail and Argon2id (${connections} connections)…`);
  await submit(3);
  await sendMail(smtpPort, raw, connections, 3);
  await hash(3);
  progress(`measuring the Argon2id bound for ${duration / 2} s…`);
  const before = await hash(duration / 2);
  progress(`measuring web submissions with a 1 MiB file for ${duration} s…`);
  const submissions = await submit(duration);
  progress(`  ${(submissions.okPerSecond * 60).toFixed(1)} per min (${describeStatuses(submissions)})`);
  progress(`measuring e-mail with a 1 MiB attachment over SMTP for ${duration} s…`);
  const mail = await sendMail(smtpPort, raw, connections, duration);
  await pause(1000);
  progress(`  ${(mail.perSecond * 60).toFixed(1)} per min (${mail.ok} accepted, ${mail.failed} refused)`);
  progress(`measuring the Argon2id bound again for ${duration / 2} s…`);
  const bound = combineArgon2(before, await hash(duration / 2));
  progress(`recording ${operatorReports} phone reports as an operator, one after another…`);
  const password = await app.call<string>('operatorPassword', {});
  const base = `http://127.0.0.1:${app.port}`;
  await measureOperatorIntake(base, { username: OPERATOR, password }, 5);
  const operator = await measureOperatorIntake(base, { username: OPERATOR, password }, operatorReports);
  progress(`measuring one Argon2id at a time for ${Math.max(3, duration / 4)} s…`);
  const single = await app.call<Argon2Result>('argon2', { concurrency: 1, duration: Math.max(3, duration / 4) });
  const argon2Ms = 1000 / single.perSecond;
  const p95 = quantile(operator.latencies, 0.95);
  progress(
    `  latency p50 ${quantile(operator.latencies, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${operator.latencies.at(-1)?.toFixed(1)} ms; one Argon2id ${argon2Ms.toFixed(1)} ms`,
  );
  await app.stop();
  await cleanup();

  const perMinute = (n: number) => n * 60;
  const metrics: Metric[] = [
    {
      metric: `e-mail per min, 1 MiB each (${connections} conn)`,
      value: perMinute(mail.perSecond),
      ceilingName: 'web submissions per min, same file',
      ceiling: perMinute(submissions.okPerSecond),
      goal: GOAL,
      notes: mail.failed > 0 ? [`${mail.failed} messages refused, the last with: ${mail.lastError}`] : [],
    },
    {
      metric: 'e-mail per min',
      value: perMinute(mail.perSecond),
      ceilingName: 'Argon2id per min',
      ceiling: perMinute(bound.perSecond),
      notes: [],
    },
    {
      metric: `operator intake p95 less one Argon2id, ms (${operator.latencies.length} reports)`,
      value: p95 - argon2Ms,
      ceilingName: 'one Argon2id, ms',
      ceiling: argon2Ms,
      notes: operator.failed > 0 ? [`${operator.failed} refused, the last with: ${operator.lastError}`] : [],
    },
    {
      metric: 'web submissions per min',
      value: perMinute(submissions.okPerSecond),
      ceilingName: 'Argon2id per min',
      ceiling: perMinute(bound.perSecond),
      notes: submissions.non2xx + submissions.errors > 0 ? [describeStatuses(submissions)] : [],
    },
  ];
  const scored = metrics.map(score);
  console.log(values.json ? JSON.stringify({ duration, connections, metrics: scored }, null, 2) : `\n${table(scored)}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
});
