/** `npx confide import-eml` as an administrator runs it: a real process on a real data folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOnFreshData } from '../../test/helpers/cli.ts';
import { addUser } from '../domain/accounts/users.ts';
import { loadConfig } from '../server/core/config.ts';
import { buildDeps } from '../server/deps.ts';

const eml = (id: string, text: string) =>
  [
    `From: someone@sender.example`,
    'To: report@confide.test',
    'Subject: Saved',
    `Message-ID: <${id}@x>`,
    '',
    text,
    '',
  ].join('\r\n');

describe('npx confide import-eml', () => {
  const { run: confide, config } = cliOnFreshData('confide-cli-eml-', {
    CONFIDE_LOG_LEVEL: 'silent',
    CONFIDE_MAIL_CATEGORY: 'espionage',
    CONFIDE_MAIL_ANSWERS: 'danger=unsure',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-eml-'));
  const file = (name: string, body: string) => {
    fs.writeFileSync(path.join(dir, name), body);
    return path.join(dir, name);
  };

  beforeAll(async () => {
    // Someone to receive the reports: a supervisor and a custodian.
    const { deps, close } = await buildDeps(loadConfig(config()));
    try {
      for (const role of ['supervisor', 'custodian'] as const)
        await addUser(deps, { username: role, role, password: 'correct horse battery staple', displayName: role });
    } finally {
      await close();
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is listed with its help', () => {
    expect(confide(['--help']).out).toContain('  import-eml     Make reports of saved e-mails (.eml files)');
    expect(confide(['import-eml', '--help']).out).toMatch(/^Usage: npx confide import-eml \[--category ID\] FILE…\n/);
  });

  it('prints each file’s outcome — report reference, already received, or the error — and exits 1 if any failed', () => {
    const a = file('a.eml', eml('a', 'First.'));
    const b = file('b.eml', eml('b', 'Second.'));
    const first = confide(['import-eml', a, b]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^${a}: stored as R-[0-9A-F]{8}\\n${b}: stored as R-[0-9A-F]{8}\\n$`));

    const missing = path.join(dir, 'missing.eml');
    const again = confide(['import-eml', a, missing]);
    expect(again).toMatchObject({
      code: 1,
      out: `${a}: already received\n${missing}: failed: the file cannot be read (ENOENT)\n`,
    });
  });

  it('refuses without a category, naming the setting', () => {
    const res = confide(['import-eml', '--category', 'nope', file('c.eml', eml('c', 'x'))]);
    expect(res.code).toBe(2);
    expect(res.err).toContain('CONFIDE_MAIL_CATEGORY: the profile has no category "nope"');
  });
});
