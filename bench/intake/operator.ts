/**
 * Operator intake latency for bench:intake: an operator, signed in over HTTP, records `count` phone reports one
 * after another through POST /api/v1/intake/reports (answers, channel facts with minutes, no file), so each latency
 * is one report's whole work with no queueing. Every report costs one Argon2id (its receipt); what intake adds is
 * the latency less one Argon2id, whose time is measured in the app's process at concurrency 1 in the same run.
 */
import { performance } from 'node:perf_hooks';
import { ANSWERS, SUBMIT_CATEGORY } from '../submit/body.ts';

/** The operator account the benchmark's app makes. */
export const OPERATOR = 'bench-operator';

export interface OperatorLatency {
  /** milliseconds, sorted ascending */
  latencies: number[];
  failed: number;
  lastError: string;
}

/** Signs the operator in. @returns the cookie header and the CSRF token */
async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`the operator's sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** One phone report as the console sends it. */
function intakeForm(): FormData {
  const form = new FormData();
  form.append('channel', 'phone');
  form.append('category', SUBMIT_CATEGORY);
  form.append('answers', JSON.stringify(ANSWERS));
  form.append(
    'facts',
    JSON.stringify({
      receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      recordingConsent: 'declined',
      contactBack: 'Call back on the number given, after 6 pm.',
      minutes: 'Call of 12 minutes. The caller saw the same man photograph the gate three times, always at dawn.',
    }),
  );
  return form;
}

/** Records `count` reports one after another. */
export async function measureOperatorIntake(
  base: string,
  credentials: { username: string; password: string },
  count: number,
): Promise<OperatorLatency> {
  const session = await signIn(base, credentials.username, credentials.password);
  const latencies: number[] = [];
  let failed = 0;
  let lastError = '';
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/intake/reports`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: base },
      body: intakeForm(),
    });
    const body = await res.text();
    if (res.status === 201) latencies.push(performance.now() - started);
    else {
      failed++;
      lastError = `${res.status} ${body.slice(0, 200)}`;
    }
  }
  return { latencies: latencies.sort((a, b) => a - b), failed, lastError };
}

/** The `p` quantile (0–1) of ascending `sorted` values, nearest rank. */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
