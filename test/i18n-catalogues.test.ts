/**
 * The message catalogues (locales/<language>/<surface>.json) are complete and used as written:
 * - every language has exactly the keys English has, for every surface;
 * - every message parses as ICU MessageFormat, and a translation uses no placeholder the English lacks;
 * - every literal key a `t('…')` call in the code names exists in its surface's catalogue (src/web → workspace,
 *   src/server/public → public, src/files → documents, src/mail and the mail composers → mail), and a computed key
 *   (t(`status.${s}`)) has its prefix there.
 * - every message the server gives a person through `errors.*` (src/domain, src/server, src/shared) is in the
 *   `server` catalogue (src/i18n/messages.ts translates it for pages and workspace), a template's `${…}` as `{name}`.
 * Keys and messages are read from the code with TypeScript's own parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/i18n/languages.ts';
import { SURFACES, type Catalogue } from '../src/i18n/catalogue.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function read(language: string, surface: string): Catalogue {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', language, `${surface}.json`), 'utf8')) as Catalogue;
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The names of the arguments a message uses: `{name}`, `{count, plural, …}`. */
function argumentsOf(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return names;
}

const SURFACE_OF: readonly [string, string][] = [
  ['src/web/', 'workspace'],
  ['src/server/public/', 'public'],
  ['src/files/', 'documents'],
  ['src/mail/', 'mail'],
];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Keys given to `t(…)` / `i18n.t(…)` / `loc.t(…)` calls: literal ones, and the literal prefix of template ones. */
function keysUsed(file: string): { literal: string[]; prefixes: string[] } {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literal: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const first = node.arguments[0];
      if ((name === 't' || name === 'tr') && first) {
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) literal.push(first.text);
        else if (ts.isTemplateExpression(first)) prefixes.push(first.head.text);
        else if (ts.isConditionalExpression(first))
          for (const branch of [first.whenTrue, first.whenFalse])
            if (ts.isStringLiteral(branch)) literal.push(branch.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literal, prefixes };
}

describe('message catalogues', () => {
  for (const surface of SURFACES) {
    const english = flatten(read('en', surface));
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      it(`${language}/${surface}.json has exactly the keys of en/${surface}.json`, () => {
        const other = flatten(read(language, surface));
        expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
        expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
      });
    }
    it(`every ${surface} message parses, and translations use only the arguments English uses`, () => {
      const problems: string[] = [];
      for (const language of LANGUAGES) {
        for (const [key, message] of flatten(read(language, surface))) {
          try {
            const used = argumentsOf(message, language);
            const known = argumentsOf(english.get(key) ?? message, 'en');
            for (const name of used) if (!known.has(name)) problems.push(`${language} ${key}: unknown {${name}}`);
          } catch (error) {
            problems.push(`${language} ${key}: ${(error as Error).message}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  for (const [dir, surface] of SURFACE_OF) {
    it(`every key the code under ${dir} uses is in en/${surface}.json`, () => {
      const keys = flatten(read('en', surface));
      const missing: string[] = [];
      for (const file of sourceFiles(dir)) {
        const { literal, prefixes } = keysUsed(file);
        for (const key of literal) if (!keys.has(key)) missing.push(`${file}: ${key}`);
        for (const prefix of prefixes)
          if (![...keys.keys()].some((k) => k.startsWith(prefix))) missing.push(`${file}: ${prefix}…`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('holds every message the server gives through errors.* in the server catalogue, to be translated', () => {
    const english = read('en', 'server');
    const known = [...flatten(english).values()].map((text) => new RegExp(`^${patternOf(text)}$`, 's'));
    const files = ['src/domain', 'src/server/api', 'src/server/core', 'src/server/plugins', 'src/shared'].flatMap(
      sourceFiles,
    );
    const missing = files.flatMap((file) =>
      errorMessages(file)
        .filter((message) => !known.some((pattern) => pattern.test(message)))
        .map((message) => `${file}: ${message}`),
    );
    expect(missing).toEqual([]);
  });
});

/** `{name}` parts of a catalogue message as wildcards, the rest literal. */
function patternOf(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '.*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** The English messages passed to `errors.*(…)` in `file`, a template's `${…}` written as `{x}`. */
function errorMessages(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const constants = new Map<string, ts.Expression>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const textOf = (node: ts.Expression): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node) && constants.has(node.text)) return textOf(constants.get(node.text)!);
    if (ts.isTemplateExpression(node))
      return node.head.text + node.templateSpans.map((span) => `{x}${span.literal.text}`).join('');
    return null;
  };
  const ARGUMENT: Record<string, number> = { notFound: 0, unauthorized: 0, forbidden: 0, tooMany: 0, tooLarge: 0 };
  for (const name of ['invalid', 'conflict', 'unavailable']) ARGUMENT[name] = 1;
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const callee = ts.isCallExpression(node) ? node.expression : null;
    if (
      callee &&
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'errors'
    ) {
      const args = (node as ts.CallExpression).arguments;
      const name = callee.name.text;
      const given: ts.Expression[] = [];
      if (ARGUMENT[name] !== undefined && args[ARGUMENT[name]]) given.push(args[ARGUMENT[name]]!);
      if (name === 'validation' && args[0] && ts.isObjectLiteralExpression(args[0]))
        for (const property of args[0].properties)
          if (ts.isPropertyAssignment(property)) given.push(property.initializer);
      for (const expression of given)
        for (const branch of ts.isConditionalExpression(expression)
          ? [expression.whenTrue, expression.whenFalse]
          : [expression]) {
          const text = textOf(branch);
          if (text && /[A-Za-z]{3}/.test(text)) found.push(text);
        }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
