/** Every cell of every table of a test database: what a copy of the database holds, for tests of what it tells. */
import { sql } from 'kysely';
import type { TestApp } from './app.ts';

export interface Cell {
  table: string;
  column: string;
  value: unknown;
}

/** Every cell of every table (SQLite: every table in the file; PostgreSQL: every table of the public schema). */
export async function allCells(t: Pick<TestApp, 'deps' | 'dialect'>): Promise<Cell[]> {
  const tables =
    t.dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.deps.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.deps.db);
  const cells: Cell[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.deps.db);
    for (const row of rows.rows)
      for (const [column, value] of Object.entries(row)) cells.push({ table: name, column, value });
  }
  return cells;
}
