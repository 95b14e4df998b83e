/**
 * SQLite commits are durable (issue 8 item 21): a report acknowledged with a receipt must survive a power cut, so the
 * write-ahead log is synced at every commit (synchronous = FULL), on a new database and on every later open of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

describe('SQLite durability', () => {
  it('syncs the write-ahead log at every commit (synchronous = FULL), also when reopening a database in WAL mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-sync-'));
    try {
      const modes: { synchronous: number; journal: string }[] = [];
      for (let open = 0; open < 2; open++) {
        const o = openDatabase({ sqliteFile: path.join(dir, 'confide.sqlite') });
        const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(o.db);
        const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(o.db);
        modes.push({ synchronous: synchronous.rows[0]!.synchronous, journal: journal.rows[0]!.journal_mode });
        await o.close();
      }
      // 2 = FULL (1 would be NORMAL: the last commits before a power cut may roll back).
      expect(modes).toEqual([
        { synchronous: 2, journal: 'wal' },
        { synchronous: 2, journal: 'wal' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
