import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './database.ts';

describe('SQLite faults keep their cause', () => {
  let dir: string;
  let opened: OpenDatabase | undefined;
  afterEach(async () => {
    await opened?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a transaction on a full disk with SQLITE_FULL, not with the rollback that SQLite already did', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-db-'));
    opened = openDatabase({ sqliteFile: path.join(dir, 'confide.sqlite') });
    const db = opened.db as unknown as Kysely<{ notes: { body: string } }>;
    await sql`create table notes (body text not null)`.execute(db);
    await sql`vacuum`.execute(db);
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
    // A disk with no room for one more page of this database.
    await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ body: 'a note' }).execute();
        await trx
          .insertInto('notes')
          .values({ body: 'x'.repeat(200_000) })
          .execute();
      })
      .then(
        () => null,
        (error: unknown) => error as { code?: string; message: string },
      );
    expect([failure?.code, failure?.message]).toEqual(['SQLITE_FULL', 'database or disk is full']);
    expect((await db.selectFrom('notes').select('body').execute()).length).toBe(0);
  });
});

describe('SQLite files are private', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const modes = (file: string) =>
    ['', '-wal', '-shm'].map((suffix) => (fs.statSync(file + suffix).mode & 0o777).toString(8));

  it('makes the database and its -wal and -shm files readable and writable by the owner only', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-db-'));
    const file = path.join(dir, 'data', 'confide.sqlite');
    const opened = openDatabase({ sqliteFile: file });
    await sql`create table notes (body text)`.execute(opened.db);
    expect(modes(file)).toEqual(['600', '600', '600']);
    expect((fs.statSync(path.dirname(file)).mode & 0o777).toString(8)).toBe('700');
    await opened.close();
  });

  it('narrows the files an earlier version left readable by others', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-db-'));
    const file = path.join(dir, 'confide.sqlite');
    const first = openDatabase({ sqliteFile: file });
    await sql`create table notes (body text)`.execute(first.db);
    for (const suffix of ['', '-wal', '-shm']) fs.chmodSync(file + suffix, 0o644);
    const again = openDatabase({ sqliteFile: file });
    expect(modes(file)).toEqual(['600', '600', '600']);
    await again.close();
    await first.close();
  });
});
