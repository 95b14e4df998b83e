/**
 * Rows of a realistic case history for the queue benchmark: N reports received over two years in the national-security
 * profile's six categories, most closed, ~10 % open, ~1 % urgent, with deadlines per src/domain/deadlines.ts and
 * sealed columns of the sizes real ones have (random bytes: the queue never opens them). Deterministic for a given
 * seed, apart from the random bytes.
 */
import { randomFillSync, randomUUID } from 'node:crypto';
import { nextDeadline } from '../../src/domain/deadlines.ts';
import type { CaseLabelsTable, GrantsTable, ReportsTable } from '../../src/store/tables.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Reports are received over this span, ending at `now`. */
export const SPAN_DAYS = 730;

/** id → [share, acknowledgement days, feedback days | null] as in profiles/national-security/categories/*.json */
export const CATEGORIES: [string, number, number, number | null][] = [
  ['espionage', 0.25, 7, null],
  ['cyber-espionage', 0.2, 7, null],
  ['third-country', 0.15, 7, null],
  ['leak', 0.2, 7, null],
  ['self-disclosure', 0.08, 7, null],
  ['complaint-official', 0.12, 7, 90],
];
const URGENT_HOURS = 24;
const CHANNELS: [string, number][] = [
  ['web', 0.8],
  ['email', 0.08],
  ['phone', 0.06],
  ['post', 0.04],
  ['in_person', 0.02],
];
const OUTCOMES: [string, number][] = [
  ['unsubstantiated', 0.3],
  ['insufficient_information', 0.25],
  ['substantiated', 0.2],
  ['referred_elsewhere', 0.12],
  ['duplicate', 0.1],
  ['knowingly_false', 0.03],
];
/** Open statuses of a case younger than its 7-day acknowledgement deadline, and of an older one. */
const OPEN_YOUNG: [string, number][] = [
  ['received', 0.6],
  ['acknowledged', 0.2],
  ['assessing', 0.2],
];
const OPEN_OLD: [string, number][] = [
  ['received', 0.02],
  ['acknowledged', 0.15],
  ['assessing', 0.33],
  ['investigating', 0.35],
  ['referred', 0.15],
];
const RISK: [string, number][] = [
  ['low', 0.7],
  ['moderate', 0.25],
  ['high', 0.05],
];
/**
 * P(open | age) = exp(-age / 73 days): over 730 days of uniform arrivals that leaves ~10 % of all cases open, most
 * of them recent. Old open cases exist (long investigations), as they do in practice.
 */
const OPEN_DECAY_DAYS = 73;
const URGENT_SHARE = 0.01;
/** sealed_answers: 256-byte padding blocks of the answers JSON → share (most reports are 0.5–2 KB of text). */
const ANSWER_BLOCKS: [number, number][] = [
  [2, 0.1],
  [3, 0.2],
  [4, 0.2],
  [5, 0.15],
  [6, 0.1],
  [8, 0.1],
  [12, 0.08],
  [20, 0.05],
  [40, 0.02],
];
export const LABELS = ['foreign-contact', 'insider', 'follow-up', 'media-interest', 'legal-hold', 'second-review'];
const LABEL_SHARE = 0.08;
/** Share of cases granted to the handler as well as the supervisor. */
export const HANDLER_SHARE = 0.05;

/** seal(): nonce 24 + padded plaintext (multiple of 256) + tag 16. sealTo(): plaintext + 48. */
const sealedSize = (blocks: number) => 24 + 256 * blocks + 16;

/** Mulberry32: a small seeded PRNG, so that the same seed gives the same case history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, table: [T, number, ...unknown[]][]): [T, number, ...unknown[]] {
  let x = rand();
  for (const row of table) {
    x -= row[1];
    if (x < 0) return row;
  }
  return table[table.length - 1]!;
}

/** 32-bit bijection (xorshift-multiply), so that references are unique without remembering them. */
function mix32(i: number): number {
  let x = (i ^ 0x5bd1e995) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Random bytes handed out as slices of one pool: each value is incompressible, as a ciphertext is. */
class RandomPool {
  private pool = randomFillSync(Buffer.alloc(64 * 1024 * 1024));
  private offset = 0;
  constructor(private readonly rand: () => number) {}
  take(n: number): Buffer {
    if (this.offset + n > this.pool.length) {
      this.offset = Math.floor(this.rand() * 4096);
    }
    const out = this.pool.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

export interface Batch {
  reports: ReportsTable[];
  grants: GrantsTable[];
  labels: CaseLabelsTable[];
}

export interface Generator {
  /** The rows of reports [from, to) (in the order received: the oldest first). */
  batch(from: number, to: number): Batch;
}

/**
 * @param total number of reports over the whole history
 * @param now the end of the history (the newest report is received just before it)
 */
export function caseGenerator(o: {
  total: number;
  now: Date;
  supervisorId: string;
  handlerId: string;
  seed?: number;
}): Generator {
  const rand = prng(o.seed ?? 20_261_129);
  const bytes = new RandomPool(rand);
  const end = o.now.getTime();
  const start = end - SPAN_DAYS * DAY;
  const step = (end - start) / o.total;
  const iso = (ms: number) => new Date(Math.min(ms, end)).toISOString();

  const report = (i: number): Batch => {
    const receivedMs = Math.floor(start + (i + rand()) * step);
    const ageDays = (end - receivedMs) / DAY;
    const [category, , ackDays, feedbackDays] = pick(rand, CATEGORIES) as [string, number, number, number | null];
    const urgent = rand() < URGENT_SHARE;
    const open = rand() < Math.exp(-ageDays / OPEN_DECAY_DAYS);
    const status = open ? pick(rand, ageDays < ackDays ? OPEN_YOUNG : OPEN_OLD)[0] : 'closed';
    const ackDue = iso(receivedMs + (urgent ? URGENT_HOURS * HOUR : ackDays * DAY));
    const feedbackDue = feedbackDays === null ? null : iso(receivedMs + feedbackDays * DAY);
    // Acknowledged within the deadline, usually (an urgent case within hours).
    const ackMs = receivedMs + (urgent ? rand() * 20 * HOUR : (0.2 + rand() * 6) * DAY);
    const acknowledged = status !== 'received' && ackMs < end;
    const closedMs = receivedMs + (7 + rand() * 200) * DAY;
    const closed = status === 'closed';
    const pastAssessing = closed || status === 'investigating' || status === 'referred';
    const id = randomUUID();
    const receivedAt = iso(receivedMs);
    const answerBlocks = pick(rand, ANSWER_BLOCKS)[0];
    const row: ReportsTable = {
      id,
      reference: `R-${mix32(i).toString(16).toUpperCase().padStart(8, '0')}`,
      category,
      channel: pick(rand, CHANNELS)[0],
      language: 'en',
      status,
      outcome: closed ? pick(rand, OUTCOMES)[0] : null,
      urgent: urgent ? 1 : 0,
      received_at: receivedAt,
      acknowledgement_due_at: ackDue,
      feedback_due_at: feedbackDue,
      closed_at: closed ? iso(closedMs) : null,
      updated_at: closed ? iso(closedMs) : acknowledged ? iso(ackMs) : receivedAt,
      version: closed ? 5 : acknowledged ? 3 : 1,
      acknowledged_at: acknowledged || closed ? iso(Math.min(ackMs, closedMs)) : null,
      risk_level: pastAssessing ? pick(rand, RISK)[0] : null,
      due_at: nextDeadline({ status, acknowledgement_due_at: ackDue, feedback_due_at: feedbackDue }),
      // 10 unique digits: i × an odd multiplier not divisible by 5 is a bijection mod 10^10.
      receipt_locator: String((BigInt(i) * 3_779_406_869n + 1_234_567_891n) % 10_000_000_000n).padStart(10, '0'),
      receipt_salt: bytes.take(16),
      receipt_verifier: bytes.take(32),
      reporter_wrapped_key: bytes.take(sealedSize(1)),
      receipt_kdf: '{"m":19456,"t":2,"p":1}',
      evidence_public_key: bytes.take(32),
      sealed_answers: bytes.take(sealedSize(answerBlocks)),
      // Most reporters stay anonymous: "{}" fits one block; a name and contact need two.
      sealed_identity: bytes.take(sealedSize(rand() < 0.2 ? 2 : 1)),
      identity_public_key: null,
      sealed_identity_secret: null,
      identity_added_at: null,
      legal_hold_at: null,
      sealed_legal_hold_reason: null,
      retention_ends_at: closed ? iso(closedMs + 1095 * DAY) : null,
      retention_reminded_at: null,
      protection_requested_at: null,
      sealed_exclusions: null,
      receipt_rotate: 0,
      sealed_intake: null,
      // One case in ten has reporter activity after it was received (the unread marker of the queue).
      reporter_activity_at: i % 10 === 0 ? receivedAt : null,
    };
    // As submit.ts grants it: the case keys (64 B) and the evidence secret key (32 B) sealed to the supervisor.
    const grants: GrantsTable[] = [
      {
        report_id: id,
        user_id: o.supervisorId,
        scope: 'case',
        sealed_key: bytes.take(64 + 48),
        granted_by: null,
        created_at: receivedAt,
      },
      {
        report_id: id,
        user_id: o.supervisorId,
        scope: 'evidence',
        sealed_key: bytes.take(32 + 48),
        granted_by: null,
        created_at: receivedAt,
      },
    ];
    if (rand() < HANDLER_SHARE)
      grants.push({
        report_id: id,
        user_id: o.handlerId,
        scope: 'case',
        sealed_key: bytes.take(64 + 48),
        granted_by: o.supervisorId,
        created_at: row.acknowledged_at ?? receivedAt,
      });
    const labels: CaseLabelsTable[] = [];
    if (rand() < LABEL_SHARE) {
      const first = Math.floor(rand() * LABELS.length);
      labels.push({ report_id: id, label: LABELS[first]!, created_at: row.updated_at });
      if (rand() < 0.25)
        labels.push({ report_id: id, label: LABELS[(first + 1) % LABELS.length]!, created_at: row.updated_at });
    }
    return { reports: [row], grants, labels };
  };

  return {
    batch(from, to) {
      const out: Batch = { reports: [], grants: [], labels: [] };
      for (let i = from; i < to; i++) {
        const one = report(i);
        out.reports.push(...one.reports);
        out.grants.push(...one.grants);
        out.labels.push(...one.labels);
      }
      return out;
    },
  };
}
