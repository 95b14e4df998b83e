/** What the public-page tests share: form bodies, the report's answers, reading the pages, making a report. */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { multipart, type Part } from './multipart.ts';

export const form = (values: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return { payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};

export const withCookie = (body: { payload: string | Buffer; headers: Record<string, string> }, cookie: string) => ({
  payload: body.payload,
  headers: { ...body.headers, cookie },
});

export const ANSWERS = {
  what_happened: 'A man photographed the gate <b>twice</b>.',
  danger: 'no',
  how_you_know: 'saw',
};

/** The value of the hidden `answers` input of step 2, unescaped. */
export function hiddenAnswers(body: string): Record<string, unknown> {
  const m = /<input type="hidden" name="answers" value="([^"]*)">/.exec(body);
  if (!m) throw new Error('no hidden answers field');
  return JSON.parse(
    m[1]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  ) as Record<string, unknown>;
}

/** The forms of a page that do not ask the browser to keep nothing typed (autocomplete="off"). */
export const formsKeepingInput = (body: string) =>
  (body.match(/<form [^>]*>/g) ?? []).filter((tag) => !tag.includes('autocomplete="off"'));

export const receiptOf = (body: string) =>
  /<p class="receipt" id="receipt">(.*?)<\/p>/.exec(body)?.[1]?.replace(/<\/?span>/g, '') ?? null;

/** Posting the report form's steps and following up, against one test app. */
export function reporterPages(app: () => TestApp) {
  const step2Parts = (answers: Record<string, unknown>, extra: Part[] = []): Part[] => [
    { name: 'answers', value: JSON.stringify(answers) },
    ...extra,
  ];
  const submit = async (parts: Part[], category = 'espionage') =>
    app().app.inject({ method: 'POST', url: `/report/${category}/submit`, ...(await multipart(parts)) });

  async function makeReport(): Promise<string> {
    const res = await submit(
      step2Parts(ANSWERS, [
        { name: 'files', value: Buffer.from('notes about the gate\n'), filename: 'notes.txt', type: 'text/plain' },
      ]),
    );
    expect(res.statusCode).toBe(303);
    const page = await app().app.inject({ method: 'GET', url: res.headers.location! });
    const receipt = receiptOf(page.body);
    expect(receipt).toMatch(/^(\d{4} ){8}\d{4}$/);
    return receipt!;
  }

  async function signIn(receipt: string): Promise<{ cookie: string; csrf: string }> {
    const res = await app().app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/follow-up/report');
    const cookie = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
    const page = await app().app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return { cookie, csrf };
  }
  return { step2Parts, submit, makeReport, signIn };
}
