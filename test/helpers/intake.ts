/** Operator intake through the API (POST /api/v1/intake/reports), for integration tests. */
import type { TestApp } from './app.ts';
import { multipart, type Part } from './multipart.ts';

export interface IntakeInput {
  channel: string;
  category?: string;
  answers?: Record<string, unknown>;
  identity?: Record<string, unknown>;
  facts: Record<string, unknown>;
  files?: { field: string; filename: string; data: Buffer; type?: string }[];
}

/** The multipart parts of an operator's submission: text parts first, then files. */
export function intakeParts(input: IntakeInput): Part[] {
  return [
    { name: 'channel', value: input.channel },
    { name: 'category', value: input.category ?? 'espionage' },
    {
      name: 'answers',
      value: JSON.stringify(input.answers ?? { what_happened: 'A man photographs the gate.', danger: 'no' }),
    },
    ...(input.identity ? [{ name: 'identity', value: JSON.stringify(input.identity) }] : []),
    { name: 'facts', value: JSON.stringify(input.facts) },
    ...(input.files ?? []).map((f) => ({
      name: f.field,
      value: f.data,
      filename: f.filename,
      ...(f.type ? { type: f.type } : {}),
    })),
  ];
}

/** Sends an operator's submission with `session` (cookie and CSRF token). @returns the response */
export async function recordIntake(t: TestApp, session: { cookie: string; csrf: string }, input: IntakeInput) {
  const body = await multipart(intakeParts(input));
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/intake/reports',
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
  });
}
