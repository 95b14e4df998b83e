/**
 * Report rows written straight into the database, for tests of what is computed from the non-content columns
 * (statistics, queues): the sealed columns hold placeholder bytes that no key opens.
 */
import { randomUUID } from 'node:crypto';
import { NO_DEADLINE } from '../../src/domain/deadlines.ts';
import type { Database } from '../../src/store/database.ts';
import type { ReportsTable } from '../../src/store/tables.ts';

let serial = 0;

/** Inserts one report; `received_at` and the other times are ISO strings. @returns its id */
export async function insertReport(db: Database, overrides: Partial<ReportsTable> = {}): Promise<string> {
  serial += 1;
  const id = randomUUID();
  const receivedAt = overrides.received_at ?? '2026-01-05T09:00:00.000Z';
  const placeholder = Buffer.from('not sealed');
  await db
    .insertInto('reports')
    .values({
      id,
      reference: `T-${serial}-${id.slice(0, 8)}`,
      category: 'espionage',
      channel: 'web',
      language: 'en',
      status: 'received',
      outcome: null,
      urgent: 0,
      received_at: receivedAt,
      acknowledgement_due_at: null,
      feedback_due_at: null,
      closed_at: null,
      updated_at: receivedAt,
      version: 1,
      receipt_locator: id.replace(/-/g, ''),
      receipt_salt: placeholder,
      receipt_verifier: placeholder,
      reporter_wrapped_key: placeholder,
      acknowledged_at: null,
      risk_level: null,
      due_at: NO_DEADLINE,
      evidence_public_key: placeholder,
      sealed_answers: placeholder,
      sealed_identity: placeholder,
      ...overrides,
      // Columns added since 0001 are left to their defaults, so the helper also writes rows at older schema versions.
    } as ReportsTable)
    .execute();
  return id;
}
