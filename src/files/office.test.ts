/** Metadata removal from Office documents (DOCX, XLSX, PPTX, ODT, ODS) made in the test with a marker everywhere. */
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BODY,
  COMMENT,
  makeOdf,
  makeOoxml,
  ODF_MIME,
  OFFICE_DATE,
  OFFICE_MARK,
  type OdfKind,
  type OoxmlKind,
} from '../../test/fixtures/office.ts';
import { cleanFile } from './clean.ts';

const OOXML_MIME: Record<OoxmlKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const decoder = new TextDecoder();

/** Every entry's text (binary entries read as latin1 would match markers too: markers are ASCII). */
function unzipText(data: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(data)).map(([name, bytes]) => [name, decoder.decode(bytes)]));
}

function xml(text: string) {
  return new DOMParser().parseFromString(text, 'text/xml');
}

/** Entries where the text of any of `needles` is found, as `entry: needle`. */
function leftovers(entries: Record<string, string>, needles: string[]): string[] {
  return Object.entries(entries).flatMap(([name, text]) =>
    needles.filter((needle) => text.includes(needle)).map((needle) => `${name}: ${needle}`),
  );
}

/** The dangling references of an OOXML package: relationship targets, overrides and r:ids that point nowhere. */
function ooxmlDangling(entries: Record<string, string>): string[] {
  const dangling: string[] = [];
  const names = new Set(Object.keys(entries));
  for (const [name, text] of Object.entries(entries)) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    const dir = source.split('/').slice(0, -1);
    const ids = new Set<string>();
    for (const rel of Array.from(xml(text).getElementsByTagName('Relationship'))) {
      ids.add(rel.getAttribute('Id') ?? '');
      if (rel.getAttribute('TargetMode') === 'External') continue;
      const parts = [...dir];
      for (const s of (rel.getAttribute('Target') ?? '').split('/')) {
        if (s === '..') parts.pop();
        else parts.push(s);
      }
      if (!names.has(parts.join('/'))) dangling.push(`${name} → ${parts.join('/')}`);
    }
    const ridValues = [...(entries[source] ?? '').matchAll(/\br:id="([^"]*)"/g)].map((m) => m[1] ?? '');
    dangling.push(...ridValues.filter((id) => !ids.has(id)).map((id) => `${source} r:id ${id}`));
  }
  for (const override of Array.from(xml(entries['[Content_Types].xml'] ?? '').getElementsByTagName('Override'))) {
    const part = (override.getAttribute('PartName') ?? '').replace(/^\//, '');
    if (!names.has(part)) dangling.push(`[Content_Types].xml → ${part}`);
  }
  return dangling;
}

describe.each(['docx', 'xlsx', 'pptx'] as const)('cleanFile: %s', (kind) => {
  it('removes every author, editor, company, comment author, custom property, thumbnail and date', async () => {
    const input = makeOoxml(kind);
    expect(leftovers(unzipText(input), [OFFICE_MARK, OFFICE_DATE])).not.toEqual([]);

    const result = await cleanFile({ name: `Report by QZX.${kind}`, type: 'application/octet-stream', data: input });

    expect(result).toMatchObject({ status: 'cleaned', type: OOXML_MIME[kind], note: null });
    const entries = unzipText(result.data!);
    expect(leftovers(entries, [OFFICE_MARK, OFFICE_DATE, 'rsid', 'TotalTime', 'revision>'])).toEqual([]);
    expect(Object.keys(entries).filter((n) => /thumbnail|printerSettings|custom\.xml/.test(n))).toEqual([]);
    expect(Object.values(entries).join('\n')).toContain(BODY);
    expect(Object.values(entries).join('\n')).toContain(COMMENT);
    expect(entries['docProps/core.xml']).toContain('<dc:title>Kept title</dc:title>');
    expect(entries['docProps/app.xml']).toContain('<Pages>1</Pages>');
  });

  it('leaves a consistent package: every relationship, override and r:id points at a part that is there', async () => {
    const result = await cleanFile({ name: `a.${kind}`, type: '', data: makeOoxml(kind) });

    const entries = unzipText(result.data!);
    expect(ooxmlDangling(entries)).toEqual([]);
    for (const [name, text] of Object.entries(entries)) {
      if (/\.(xml|rels)$/.test(name)) expect(() => xml(text), name).not.toThrow();
    }
  });

  it('writes the same bytes for the same document (fixed order and dates)', async () => {
    const first = await cleanFile({ name: `a.${kind}`, type: '', data: makeOoxml(kind) });
    const second = await cleanFile({ name: `a.${kind}`, type: '', data: makeOoxml(kind) });

    expect(first.data!.equals(second.data!)).toBe(true);
  });
});

it('keeps tracked changes and comments in a DOCX, without their authors and dates', async () => {
  const result = await cleanFile({ name: 'a.docx', type: '', data: makeOoxml('docx') });

  const entries = unzipText(result.data!);
  expect(entries['word/document.xml']).toContain('<w:ins w:id="1" w:author="">');
  expect(entries['word/document.xml']).toContain('<w:delText>Deleted words.</w:delText>');
  expect(entries['word/comments.xml']).toContain('<w:comment w:id="0" w:author="" w:initials="">');
  expect(entries['word/settings.xml']).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ' +
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>',
  );
});

it('gives the cleaned copy the extension of what it is, whatever it was called', async () => {
  const result = await cleanFile({ name: 'notes.txt', type: 'text/plain', data: makeOoxml('xlsx') });

  expect([result.status, result.name, result.type]).toEqual(['cleaned', 'notes.xlsx', OOXML_MIME.xlsx]);
});

describe.each(['odt', 'ods'] as const)('cleanFile: %s', (kind: OdfKind) => {
  it('removes creators, dates, editing time, generator, template, user-defined fields, printer and thumbnail', async () => {
    const input = makeOdf(kind);
    expect(leftovers(unzipText(input), [OFFICE_MARK, OFFICE_DATE])).not.toEqual([]);

    const result = await cleanFile({ name: `Report.${kind}`, type: '', data: input });

    expect(result).toMatchObject({ status: 'cleaned', type: ODF_MIME[kind], name: `Report.${kind}`, note: null });
    const entries = unzipText(result.data!);
    expect(leftovers(entries, [OFFICE_MARK, OFFICE_DATE, 'rsid', 'editing-', 'RsidRoot'])).toEqual([]);
    expect(entries['content.xml']).toContain(BODY);
    expect(entries['content.xml']).toContain(COMMENT);
    expect(entries['meta.xml']).toContain('<dc:title>Kept title</dc:title>');
  });

  it('leaves a consistent package: mimetype first and stored, the manifest lists only files that are there', async () => {
    const result = await cleanFile({ name: `a.${kind}`, type: '', data: makeOdf(kind) });

    const data = result.data!;
    expect(data.toString('latin1', 30, 38)).toBe('mimetype');
    expect(data.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(data.toString('latin1', 38, 38 + ODF_MIME[kind].length)).toBe(ODF_MIME[kind]);
    const entries = unzipText(data);
    expect(Object.keys(entries).filter((n) => n.startsWith('Thumbnails'))).toEqual([]);
    const manifest = xml(entries['META-INF/manifest.xml']!);
    const listed = Array.from(manifest.getElementsByTagName('manifest:file-entry')).map(
      (e) => e.getAttribute('manifest:full-path') ?? '',
    );
    expect(listed.filter((p) => p !== '/' && !(p in entries))).toEqual([]);
    expect(listed).toEqual(['/', 'content.xml', 'styles.xml', 'meta.xml', 'settings.xml']);
  });
});
