import { setUserCategories } from '../../domain/accounts/category-staff.ts';
import type { Command } from './command.ts';
import { withDeps } from './context.ts';

export const userCategories: Command = {
  name: 'user categories',
  summary: 'Set the categories a staff member works on',
  help: `Usage: npx confide user categories NAME ID[,ID…]
       npx confide user categories NAME all

Sets the categories of reports NAME works on (category ids of the profile in force, separated by commas), or
all of them. A new report is granted only to the supervisors of its category (for a complaint about an
official, its oversight officers); granting a case to a handler or supervisor outside its category's staff
needs a request approved by a second person.

Example: npx confide user categories alice espionage,cyber-espionage`,
  options: {},
  async run(_values, positionals, io) {
    const [name, list] = positionals;
    if (!name || list === undefined || positionals.length > 2) {
      io.err.write(`Name the user and the categories, or "all".\n\n${this.help}\n`);
      return 2;
    }
    const ids =
      list.trim().toLowerCase() === 'all'
        ? null
        : list
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean);
    if (ids !== null && ids.length === 0) {
      io.err.write(`Give at least one category id, or "all".\n\n${this.help}\n`);
      return 2;
    }
    const result = await withDeps(io, (deps) => setUserCategories(deps, 'cli', name, ids));
    io.out.write(
      result.categories === null
        ? `"${result.username}" works on every category.\n`
        : `"${result.username}" works on: ${result.categories.join(', ')}.\n`,
    );
    return 0;
  },
};
