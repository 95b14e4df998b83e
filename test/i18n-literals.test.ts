/**
 * No words in the public pages' markup bypass the catalogue: the literal parts of every `html` template under
 * src/server/public, with tags taken out, hold no letters — only markup, punctuation and interpolations. A label
 * for people inside a tag (aria-label, title, alt, placeholder) must come from the catalogue too. Commands in
 * `<code>` are exempt.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = 'src/server/public';
const SLOT = '\u0000';
const ATTRIBUTES = /^(?:\s+[a-z][a-z-]*(?:="[^"]*")?|\u0000)+$/;

/** The literal text of each `html` template in `file`, an interpolation written as SLOT. */
function templates(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const t = node.template;
      found.push(
        ts.isNoSubstitutionTemplateLiteral(t)
          ? t.text
          : t.head.text + t.templateSpans.map((s) => SLOT + s.literal.text).join(''),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Words a person would read in `markup`: text outside tags, and the values of attributes meant for people. */
export function wordsIn(markup: string): string[] {
  const words: string[] = [];
  // A fragment of attributes (` aria-invalid="true"`, ` checked`), added to a tag written elsewhere.
  if (ATTRIBUTES.test(markup)) markup = `<x${markup}>`;
  // Commands to type are not words to translate.
  markup = markup.replace(/<code>[^<]*<\/code>/g, ' ');
  const outside = markup.replace(/<[^<>]*>?/g, (tag) => {
    for (const m of tag.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g))
      words.push(...(m[1]!.match(/\p{L}{2,}/gu) ?? []));
    return ' ';
  });
  words.push(...(outside.replace(/&[a-z]+;|&#\d+;/g, ' ').match(/\p{L}{2,}/gu) ?? []));
  return words;
}

describe('public page markup', () => {
  it('finds words outside tags and in labels for people, not in markup', () => {
    expect(wordsIn('<p class="x">Hello ${}</p>')).toEqual(['Hello']);
    expect(wordsIn('<nav aria-label="Language"><a href="/x">\u0000</a></nav>')).toEqual(['Language']);
    expect(wordsIn('<input type="text" id="f" name="body">\n<p>\u0000 · \u0000</p>')).toEqual([]);
    expect(wordsIn(' aria-invalid="true" checked')).toEqual([]);
    expect(wordsIn(' title="Close"')).toEqual(['Close']);
  });

  const files = fs
    .readdirSync(path.join(ROOT, DIR))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(ROOT, DIR, f));
  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s writes no words of its own', (_name, file) => {
    const words = templates(file).flatMap((t) => wordsIn(t));
    expect(words).toEqual([]);
  });
});
