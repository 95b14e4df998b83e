/**
 * Requests for the fuzz test (fast-check arbitraries): an operation of the OpenAPI document, who sends it, its path
 * parameters, query and body, drawn from values that find faults — real ids next to malformed ones, text with NUL,
 * bidi controls and lone surrogates, JSON of the wrong shape or not JSON at all, and multipart bodies well formed,
 * cut short or malformed (among them the part without a Content-Disposition that once hung the server).
 */
import fc from 'fast-check';
import { multipart, type Part } from './multipart.ts';

/** The part of a JSON Schema the generator reads. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

export interface Operation {
  method: string;
  /** OpenAPI path template: `/api/v1/cases/{id}`. */
  path: string;
  /** Query parameters by name. */
  query: Record<string, Schema>;
  /** The properties of a JSON or multipart body, if the document names any. */
  body: { type: 'json' | 'multipart'; properties: Record<string, Schema> } | null;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
};

/** Every operation of the document. */
export function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      return {
        method: method.toUpperCase(),
        path,
        query: Object.fromEntries(
          (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
        ),
        body: type
          ? {
              type: type.startsWith('multipart/') ? ('multipart' as const) : ('json' as const),
              properties: content[type]!.schema?.properties ?? {},
            }
          : null,
      };
    }),
  );
}

/** Form field names the public pages read (their forms are not in the document's bodies). */
const FORM_FIELDS = [
  'answers',
  'receipt',
  '_csrf',
  '_edit',
  'body',
  'token',
  'username',
  'password',
  'displayName',
  'profile',
  'account',
  'identity.name',
  'identity.contact',
  'what_happened',
  'danger',
  'when',
  'files',
  'category',
  'action',
  'recording',
];

const TEXT = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202Eevil.exe',
    'x\u0301\u0301\u0301',
    '\uD800',
    '<b>&amp;</b>',
    '../../etc/passwd',
    '%00',
    'null',
    'true',
    '-1',
    '1e308',
    'NaN',
  ),
  fc.string({ minLength: 1000, maxLength: 30_000 }).map((s) => s.slice(0, 30_000)),
);

/** A value of any JSON type, or a real id. */
function jsonValue(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: TEXT },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(fc.oneof(TEXT, fc.integer(), fc.constantFrom(...ids)), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), TEXT, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/**
 * A value that fits `schema` most of the time (an enum member, a real id for a UUID, a number in range), and
 * anything at all otherwise: valid requests reach the handlers, invalid ones test the validation.
 */
export function schemaValue(schema: Schema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const fitting = (): fc.Arbitrary<unknown> => {
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices?.length) return fc.oneof(...choices.map((c) => schemaValue(c, ids, depth + 1)));
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
    if (type === 'integer' || type === 'number')
      return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1e9) });
    if (type === 'boolean') return fc.boolean();
    if (type === 'array' && depth < 3)
      return fc.array(schemaValue(schema.items ?? {}, ids, depth + 1), { maxLength: 4 });
    if (type === 'object' && schema.properties && depth < 3)
      return fc.record(
        Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, schemaValue(v, ids, depth + 1)])),
        { requiredKeys: [] },
      );
    return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...ids));
  };
  return fc.oneof({ weight: 4, arbitrary: fitting() }, { weight: 1, arbitrary: jsonValue(ids) });
}

/** What is sent after the headers, and the content type that announces it. */
export interface Body {
  payload?: Buffer | string;
  contentType?: string;
}

/** Multipart bodies that are not what they claim: cut short, without boundary, with parts no form sends. */
function malformedMultipart(): fc.Arbitrary<Body> {
  const b = 'fuzzb';
  const type = `multipart/form-data; boundary=${b}`;
  return fc.oneof(
    fc.integer({ min: 0, max: 40_000 }).map((n) => ({
      contentType: type,
      payload: `--${b}\r\nContent-Type: text/plain\r\n\r\n${'y'.repeat(n)}\r\n--${b}--\r\n`,
    })),
    fc.tuple(fc.constantFrom(...FORM_FIELDS), TEXT).map(([name, value]) => ({
      contentType: type,
      payload: `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`,
    })),
    fc.constantFrom(
      { contentType: 'multipart/form-data', payload: 'no boundary at all' },
      { contentType: type, payload: '' },
      { contentType: type, payload: `--${b}--\r\n` },
      { contentType: type, payload: `--${b}\r\nContent-Disposition: attachment; name="x"\r\n\r\nx\r\n--${b}--\r\n` },
      { contentType: type, payload: `--${b}\r\nContent-Disposition: form-data; name="a\nb"\r\n\r\nx\r\n--${b}--\r\n` },
      {
        contentType: type,
        payload: `--${b}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--${b}--\r\n`,
      },
      {
        contentType: type,
        payload: `--${b}\r\nContent-Disposition: form-data; name="answers"\r\nContent-Type: application/json\r\n\r\n{not json\r\n--${b}--\r\n`,
      },
    ),
  );
}

/** A well-formed multipart body with fields and files drawn from `names`. */
function wellFormedMultipart(names: string[], ids: string[]): fc.Arbitrary<Promise<Body>> {
  const part: fc.Arbitrary<Part> = fc.oneof(
    fc.record({
      name: fc.constantFrom(...names),
      value: fc.oneof(
        TEXT,
        jsonValue(ids).map((v) => JSON.stringify(v) ?? ''),
      ),
    }),
    fc.record({
      name: fc.constantFrom(...names),
      value: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
        fc.constant(Buffer.from('%PDF-1.4\n%broken')),
      ),
      filename: fc.oneof(TEXT, fc.constantFrom('a.txt', 'photo.jpg', 'doc.pdf', '')),
      type: fc.constantFrom('text/plain', 'application/pdf', 'image/jpeg', 'application/octet-stream', 'x/y'),
    }),
  );
  return fc.array(part, { maxLength: 6 }).map(async (parts) => {
    const body = await multipart(parts);
    return { payload: body.payload, contentType: body.headers['content-type'] };
  });
}

/** A body for `op`: none, JSON of the documented shape or not, malformed JSON, a form, multipart, or junk. */
export function bodyFor(op: Operation, ids: string[]): fc.Arbitrary<Body | Promise<Body>> {
  const properties = op.body?.properties ?? {};
  const names = Object.keys(properties).length ? [...Object.keys(properties), 'extra'] : FORM_FIELDS;
  const jsonObject = fc.record(
    Object.fromEntries(names.map((k) => [k, properties[k] ? schemaValue(properties[k], ids) : jsonValue(ids)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({}) },
    { weight: 8, arbitrary: jsonObject.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) })) },
    {
      weight: 1,
      arbitrary: jsonValue(ids).map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? '' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', '[1,', 'nul', '"\\ud800"', '{"a":1}garbage', '').map((payload) => ({
        contentType: 'application/json',
        payload,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(fc.constantFrom(...names), TEXT), { maxLength: 6 }).map((pairs) => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: new URLSearchParams(pairs).toString(),
      })),
    },
    { weight: 3, arbitrary: wellFormedMultipart(names, ids) },
    { weight: 3, arbitrary: malformedMultipart() },
    {
      weight: 1,
      arbitrary: fc.record({
        contentType: fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/octet-stream',
          'image/png',
          'multipart/mixed; boundary=x',
        ),
        payload: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
      }),
    },
  );
}

/** Every byte of the text's UTF-8 percent-encoded (a lone surrogate goes as U+FFFD, as a browser sends it). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path parameter named `name`: mostly a real value that fits it (a real id for `id`, `fileId`…, a reference,
 * category or asset name otherwise), else a fresh UUID or something that is not one.
 */
export function paramValue(name: string, ids: string[]): fc.Arbitrary<string> {
  const uuids = ids.filter((v) => UUID.test(v));
  const others = ids.filter((v) => !UUID.test(v));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(/(^id|Id)$/.test(name) ? uuids : others)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: TEXT.filter((s) => s.length > 0 && s.length < 2000).map(percentEncoded) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%2e%2e', '%00', '%E2%80%AE', 'a%2Fb', '-1', '0', '9'.repeat(40)) },
  );
}

/** A query string for `op`: its own parameters and others, with any values. */
export function queryFor(op: Operation, ids: string[]): fc.Arbitrary<string> {
  const own = Object.entries(op.query).map(([name, schema]) =>
    fc.tuple(
      fc.constant(name),
      schemaValue(schema, ids).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
    ),
  );
  const other = fc.tuple(
    fc.constantFrom('_csrf', 'box', 'order', 'limit', 'cursor', 'expired', 'sent', 'token', 'x'),
    fc.oneof(TEXT, fc.constantFrom(...ids), fc.integer().map(String)),
  );
  return fc
    .array(own.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: other }) : other, {
      maxLength: 5,
    })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));
}
