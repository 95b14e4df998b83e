import {
  disableUser,
  enableUser,
  requirePasswordReset,
  setUserEmail,
  soleIdentityWarning,
  unlockUser,
} from '../../domain/accounts/user-admin.ts';
import { addUser, findUser } from '../../domain/accounts/users.ts';
import { checkEmail } from '../../domain/accounts/email.ts';
import { ROLES } from '../../shared/api.ts';
import type { Command } from './command.ts';
import { withDeps } from './context.ts';
import { readPassword } from './password.ts';

export const userAdd: Command = {
  name: 'user add',
  summary: 'Create a staff user (prints the recovery key once)',
  help: `Usage: npx confide user add --role ROLE --username NAME [--display-name "Full Name"] [--email ADDRESS]

Creates a staff user with their own key pair. The password is read from standard input when it is piped
(first line), otherwise asked for twice without echo; at least 12 characters, and not easy to guess (a weak one
is refused with the reason). The recovery key is printed once: keep it offline; it is the only way to restore
access after a lost password. With --email, the user gets
a short "work is waiting" mail (never any case detail) when work arrives for them (needs CONFIDE_SMTP_URL).

Roles: ${ROLES.join(', ')}
Example: printf '%s\\n' "$PASSWORD" | npx confide user add --role supervisor --username alice`,
  options: {
    role: { type: 'string' },
    username: { type: 'string' },
    'display-name': { type: 'string' },
    email: { type: 'string' },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      io.err.write(`Unexpected argument "${positionals[0]}".\n\n${this.help}\n`);
      return 2;
    }
    const role = values.role as string | undefined;
    const username = values.username as string | undefined;
    if (!role || !username) {
      io.err.write(`Both --role and --username are needed.\n\n${this.help}\n`);
      return 2;
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      io.err.write(`Unknown role "${role}". Roles: ${ROLES.join(', ')}.\n`);
      return 2;
    }
    let email: string | null;
    try {
      email = checkEmail(values.email as string | undefined);
    } catch (error) {
      io.err.write(`${(error as Error).message}\n`);
      return 2;
    }
    // Asked once the installation is found, so that nobody types a password for a database that is not there.
    const { user, recoveryKey } = await withDeps(io, async (deps) => {
      const password = await readPassword(io, `Password for ${username}: `);
      const added = await addUser(deps, {
        role,
        username,
        password,
        displayName: values['display-name'] as string | undefined,
        actor: 'cli',
      });
      if (email) await setUserEmail(deps, added.user.id, email, 'cli');
      return added;
    });
    io.out.write(
      `Created ${user.role} "${user.username}".\nRecovery key (shown once, keep it offline): ${recoveryKey}\n`,
    );
    return 0;
  },
};

export const userDisable: Command = {
  name: 'user disable',
  summary: 'Disable a staff user and end their sessions at once',
  help: `Usage: npx confide user disable NAME

Disables the user: they can no longer sign in, and every session they have ends at once. Their grants stay,
so "npx confide user enable NAME" gives everything back. For an identity custodian it says how many reports'
identities no other enabled account can open.`,
  options: {},
  async run(_values, positionals, io) {
    const name = positionals[0];
    if (!name) {
      io.err.write(`Name the user to disable.\n\n${this.help}\n`);
      return 2;
    }
    const { soleIdentityReports } = await withDeps(io, (deps) => disableUser(deps, name, 'cli'));
    io.out.write(`Disabled "${name}"; their sessions have ended.\n`);
    const warning = soleIdentityWarning(soleIdentityReports);
    if (warning)
      io.out.write(
        `Warning: ${warning.replace('Enable it again', `Enable it again (npx confide user enable ${name})`)}\n`,
      );
    return 0;
  },
};

export const userEnable: Command = {
  name: 'user enable',
  summary: 'Enable a disabled staff user again',
  help: `Usage: npx confide user enable NAME

Enables a disabled user again: they sign in with their password as before, and every case and identity granted to
them opens again.`,
  options: {},
  async run(_values, positionals, io) {
    const name = positionals[0];
    if (!name || positionals.length > 1) {
      io.err.write(`Name the one user to enable.\n\n${this.help}\n`);
      return 2;
    }
    await withDeps(io, (deps) => enableUser(deps, name, 'cli'));
    io.out.write(`Enabled "${name}": they can sign in again.\n`);
    return 0;
  },
};

export const userResetPassword: Command = {
  name: 'user reset-password',
  summary: "Stop a user's password and end their sessions; they choose a new one with their recovery key",
  help: `Usage: npx confide user reset-password NAME

For a password that is lost, forgotten or may be known to someone else. The password stops working at once and
every session of the user ends. No new password is set here: nobody but the user can unwrap their private key.
The user chooses a new password on the sign-in page ("Forgot your password? Use your recovery key") with the
recovery key printed when the account was created; their cases stay open to them. Without the recovery key the
account cannot be restored: create a new one and have the cases granted to it again.`,
  options: {},
  async run(_values, positionals, io) {
    const name = positionals[0];
    if (!name || positionals.length > 1) {
      io.err.write(`Name the one user whose password to reset.\n\n${this.help}\n`);
      return 2;
    }
    await withDeps(io, async (deps) => requirePasswordReset(deps, (await findUser(deps, name)).id, 'cli'));
    io.out.write(
      `The password of "${name}" no longer works and their sessions have ended. They choose a new one with their recovery key.\n`,
    );
    return 0;
  },
};

export const userUnlock: Command = {
  name: 'user unlock',
  summary: 'Lift the sign-in lockout after repeated wrong passwords',
  help: `Usage: npx confide user unlock NAME

Ten wrong passwords in 15 minutes lock a user out for the rest of that window. This lifts the lockout at once.`,
  options: {},
  async run(_values, positionals, io) {
    const name = positionals[0];
    if (!name) {
      io.err.write(`Name the user to unlock.\n\n${this.help}\n`);
      return 2;
    }
    await withDeps(io, (deps) => unlockUser(deps, name));
    io.out.write(`Unlocked "${name}": they can sign in again now.\n`);
    return 0;
  },
};

export const userEmail: Command = {
  name: 'user email',
  summary: "Set or clear a user's address for work-waiting notices",
  help: `Usage: npx confide user email NAME ADDRESS
       npx confide user email NAME --clear

Notices say only that work is waiting (counts and a link), never what or which case.`,
  options: { clear: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [name, address] = positionals;
    if (!name || (!address && !values.clear) || (address && values.clear) || positionals.length > 2) {
      io.err.write(`Name the user and an address, or --clear.\n\n${this.help}\n`);
      return 2;
    }
    let email: string | null = null;
    if (address) {
      try {
        email = checkEmail(address);
      } catch (error) {
        io.err.write(`${(error as Error).message}\n`);
        return 2;
      }
    }
    await withDeps(io, async (deps) => {
      const user = await findUser(deps, name);
      await setUserEmail(deps, user.id, email, 'cli');
    });
    io.out.write(email ? `Notices for "${name}" go to ${email}.\n` : `"${name}" gets no e-mail notices now.\n`);
    return 0;
  },
};
