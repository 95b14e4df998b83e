/**
 * Child process for bench/intake: the real app with production configuration (as bench/submit/app-server.ts) and
 * the SMTP receiver (src/inbound) on 127.0.0.1 and a free port, taking mail for report@bench.test into the
 * benchmark's category. Commands: `smtpPort`, and `argon2` (the bound, in this process).
 */
import { randomBytes } from 'node:crypto';
import { listenApp } from '../lib/app.ts';
import { serveInChild } from '../lib/child.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { setUpMailIntake } from '../../src/inbound/start.ts';
import { argon2Throughput } from '../submit/argon2.ts';
import { SUBMIT_CATEGORY } from '../submit/body.ts';
import { OPERATOR } from './operator.ts';

export const INTAKE_ADDRESS = 'report@bench.test';

serveInChild(async () => {
  const dataDir = process.env.CONFIDE_DATA_DIR;
  if (!dataDir) throw new Error('CONFIDE_DATA_DIR is not set');
  // The operator signs in with a password alone: the benchmark measures intake, not two-factor sign-in.
  const config = loadConfig({
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_LOG_LEVEL: 'warn',
    CONFIDE_TOTP_REQUIRED_ROLES: 'none',
  });
  const operatorPassword = randomBytes(18).toString('base64url');
  const app = await listenApp(config, async (deps) => {
    for (const role of ['supervisor', 'custodian'])
      await addUser(deps, { username: `bench-${role}`, role, password: randomBytes(18).toString('base64url') });
    await addUser(deps, { username: OPERATOR, role: 'operator', password: operatorPassword });
  });
  const log = { info() {}, warn() {}, error: (o: object, m: string) => console.error(m, o) };
  const { smtp } = setUpMailIntake(
    app.deps,
    {
      mapping: {
        categoryId: SUBMIT_CATEGORY,
        textField: undefined,
        answers: { danger: 'no' },
        nameField: undefined,
        addressField: undefined,
        autoReply: false,
      },
      smtp: { port: 0, host: '127.0.0.1', recipients: [INTAKE_ADDRESS], maxBytes: 8 * 1024 * 1024 },
      // The benchmark is one sender sending as fast as it can: no flood guard.
      senderLimit: { limit: 1e9, windowMs: 60_000 },
      imap: null,
    },
    log,
  );
  const smtpPort = await smtp!.listen();
  return {
    port: app.port,
    close: async () => {
      await smtp!.close();
      await app.close();
    },
    commands: {
      smtpPort: async () => smtpPort,
      operatorPassword: async () => operatorPassword,
      argon2: (args: { concurrency: number; duration: number }) =>
        argon2Throughput(app.deps.argon2, args.concurrency, args.duration),
    },
  };
});
