/**
 * A real IMAP server for tests: Debian's dovecot-imapd, one instance per test file, with its whole configuration,
 * sockets and mail in a temporary folder, listening on 127.0.0.1 on a free port, one user in a passwd-file. Run as
 * root (CI), its processes take the `dovecot`/`dovenull` system users the package creates; run as anyone else, they
 * stay that user. `.ci/run` installs the package; tests that need it run whenever it is installed and fail, rather
 * than skip, when CI=true and it is missing (`dovecotBinary`).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where dovecot is, or null when it is not installed. @throws Error when CI=true and it is missing */
export function dovecotBinary(): string | null {
  const found = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => fs.existsSync(p)) ?? null;
  if (!found && process.env.CI === 'true')
    throw new Error('dovecot is not installed, and CI=true requires the IMAP tests: apt-get install dovecot-imapd');
  return found;
}

export interface TestImapServer {
  port: number;
  user: string;
  pass: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startDovecot(binary: string): Promise<TestImapServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-dovecot-'));
  const port = await freePort();
  const user = 'intake';
  const pass = 'intake-password';
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  const uid = root ? Number(execFileSync('id', ['-u', 'dovecot']).toString()) : me.uid;
  const gid = root ? Number(execFileSync('id', ['-g', 'dovecot']).toString()) : me.gid;
  const internal = root ? 'dovecot' : me.username;
  const login = root ? 'dovenull' : me.username;
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${pass}:${uid}:${gid}::${dir}/home/${user}\n`);
  fs.mkdirSync(path.join(dir, 'mail'));
  fs.mkdirSync(path.join(dir, 'home'));
  // The auth and mail processes run as `dovecot` when started by root: they must reach the folder.
  if (root) {
    fs.chmodSync(dir, 0o711);
    for (const d of ['mail', 'home']) fs.chownSync(path.join(dir, d), uid, gid);
  }
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = confide-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${Math.min(uid, 100)}
default_internal_user = ${internal}
default_internal_group = ${root ? 'dovecot' : os.userInfo().username}
default_login_user = ${login}
mail_location = maildir:${dir}/mail/%u
namespace inbox {
  inbox = yes
  mailbox Archive {
    auto = create
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
`,
  );
  // Without -F dovecot returns once its listeners are bound, then runs in the background.
  // Its output is not piped: the background processes would hold the pipes open.
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(binary, ['-c', conf], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    const log = path.join(dir, 'dovecot.log');
    throw new Error(
      `dovecot did not start (exit ${code}):\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '(no log)'}`,
    );
  }
  return {
    port,
    user,
    pass,
    async stop() {
      await new Promise((resolve, reject) => {
        const child = spawn(binary, ['-c', conf, 'stop'], { stdio: 'ignore' });
        child.once('error', reject);
        child.once('exit', resolve);
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
