import { addUser, disableUser } from '../../domain/users.ts';
import { ROLES } from '../../shared/api.ts';
import type { Command } from './index.ts';
import { withDeps } from './context.ts';
import { readPassword } from './password.ts';

export const userAdd: Command = {
  name: 'user add',
  summary: 'Create a staff user (prints the recovery key once)',
  help: `Usage: npx confide user add --role ROLE --username NAME [--display-name "Full Name"]

Creates a staff user with their own key pair. The password is read from standard input when it is piped
(first line), otherwise asked for twice without echo; at least 12 characters. The recovery key is printed
once: keep it offline; it is the only way to restore access after a lost password.

Roles: ${ROLES.join(', ')}
Example: printf '%s\\n' "$PASSWORD" | npx confide user add --role supervisor --username alice`,
  options: { role: { type: 'string' }, username: { type: 'string' }, 'display-name': { type: 'string' } },
  async run(values, _positionals, io) {
    const role = values.role as string | undefined;
    const username = values.username as string | undefined;
    if (!role || !username) {
      io.err.write(`Both --role and --username are needed.\n\n${this.help}\n`);
      return 2;
    }
    const password = await readPassword(io, `Password for ${username}: `);
    const { user, recoveryKey } = await withDeps((deps) =>
      addUser(deps, {
        role,
        username,
        password,
        displayName: values['display-name'] as string | undefined,
        actor: 'cli',
      }),
    );
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

Disables the user: they can no longer sign in, and every session they have ends at once.`,
  options: {},
  async run(_values, positionals, io) {
    const name = positionals[0];
    if (!name) {
      io.err.write(`Name the user to disable.\n\n${this.help}\n`);
      return 2;
    }
    await withDeps((deps) => disableUser(deps, name, 'cli'));
    io.out.write(`Disabled "${name}"; their sessions have ended.\n`);
    return 0;
  },
};
