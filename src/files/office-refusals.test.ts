/** Office documents that are refused, each with the note staff read: encrypted, macros, damaged, zip bombs. */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeOdf, makeOoxml } from '../../test/fixtures/office.ts';
import { SEALED } from '../../test/helpers/clean.ts';
import { cleanFile } from './clean.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const encoder = new TextEncoder();

/** `data` unzipped, with `change` applied to the text of entry `name`, zipped again. */
function editEntry(data: Buffer, name: string, change: (text: string) => string): Buffer {
  const entries: Zippable = unzipSync(data);
  entries[name] = encoder.encode(change(new TextDecoder().decode(entries[name] as Uint8Array)));
  return Buffer.from(zipSync(entries));
}

async function clean(data: Buffer, name = 'document.docx') {
  return cleanFile({ name, type: DOCX, data });
}

describe('cleanFile refuses Office documents it cannot clean safely', () => {
  it('an encrypted OOXML document (an OLE file holding EncryptionInfo and EncryptedPackage)', async () => {
    const ole = Buffer.concat([
      Buffer.from('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1', 'latin1'),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(100),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(4096, 0x5a),
    ]);

    expect(await clean(ole)).toEqual({
      status: 'failed',
      type: 'application/x-ole-storage',
      name: 'document.docx',
      note: `This Office document is password-protected, so its metadata cannot be removed${SEALED}`,
    });
  });

  it('an old binary Office file (OLE, not encrypted) as a type it cannot clean', async () => {
    const ole = Buffer.concat([Buffer.from('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1', 'latin1'), Buffer.alloc(1024)]);

    expect((await clean(ole, 'old.doc')).note).toBe(
      `Metadata could not be removed from this type of file (application/x-ole-storage)${SEALED}`,
    );
  });

  it('an encrypted OpenDocument file (encryption-data in its manifest)', async () => {
    const encrypted =
      '<manifest:file-entry manifest:full-path="secret.xml" manifest:media-type="text/xml">' +
      '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>';

    expect(await clean(makeOdf('odt', encrypted), 'letter.odt')).toEqual({
      status: 'failed',
      type: 'application/vnd.oasis.opendocument.text',
      name: 'letter.odt',
      note: `This document is password-protected, so its metadata cannot be removed${SEALED}`,
    });
  });

  it('a DOCX with a VBA project, and a macro-enabled workbook', async () => {
    const withVba = makeOoxml('docx', { 'word/vbaProject.bin': encoder.encode('macro') });
    const xlsm = editEntry(makeOoxml('xlsx'), '[Content_Types].xml', (t) =>
      t.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    );

    expect(await clean(withVba)).toEqual({
      status: 'failed',
      type: DOCX,
      name: 'document.docx',
      note: `This document contains macros, which are not passed on${SEALED}`,
    });
    expect((await clean(xlsm, 'book.xlsm')).note).toBe(
      `This document contains macros, which are not passed on${SEALED}`,
    );
  });

  it('an OpenDocument file with Basic macros', async () => {
    const odt = makeOdf('odt', '', { 'Basic/Standard/Module1.xml': encoder.encode('<script:module/>') });

    expect((await clean(odt, 'letter.odt')).note).toBe(
      `This document contains macros (scripts), which are not passed on${SEALED}`,
    );
  });

  it('a presentation in OpenDocument format, naming its type', async () => {
    const odp = editEntry(makeOdf('odt'), 'mimetype', () => 'application/vnd.oasis.opendocument.presentation');

    expect((await clean(odp, 'slides.odp')).note).toBe(
      'Metadata cannot be removed from this kind of OpenDocument file ' +
        `(application/vnd.oasis.opendocument.presentation)${SEALED}`,
    );
  });

  it('a truncated archive', async () => {
    const docx = makeOoxml('docx');

    const result = await clean(docx.subarray(0, docx.length - 200));

    expect(result).toMatchObject({ status: 'failed', type: 'application/zip' });
    expect(result.note).toMatch(
      /^This archive is damaged and cannot be unpacked \(.+\); the original is kept sealed\.$/,
    );
  });

  it('a part that is not well-formed XML, and a part with a DTD (entity expansion)', async () => {
    const broken = editEntry(makeOoxml('docx'), 'docProps/core.xml', (t) => t.slice(0, 300));
    const dtd = editEntry(makeOoxml('docx'), 'docProps/app.xml', (t) =>
      t.replace('<Properties', '<!DOCTYPE Properties [<!ENTITY a "aaaaaaaaaa">]><Properties'),
    );

    expect((await clean(broken)).note).toMatch(
      /^This Office document could not be read, it may be damaged \(docProps\/core\.xml: .+\); the original/,
    );
    expect((await clean(dtd)).note).toBe(
      `This Office document could not be read, it may be damaged (docProps/app.xml declares a DTD)${SEALED}`,
    );
  });

  it('a document with more than 4 MiB of XML to rewrite (parsing it would hold the server)', async () => {
    const paragraph = '<w:p w:rsidR="00A1B2C3"><w:r><w:t>Words.</w:t></w:r></w:p>';
    const big = editEntry(makeOoxml('docx'), 'word/document.xml', (t) =>
      t.replace('<w:body>', `<w:body>${paragraph.repeat((4.5 * 1024 * 1024) / paragraph.length)}`),
    );

    expect((await clean(big)).note).toBe(
      `This document is too large to clean safely (over 4 MiB of XML to rewrite)${SEALED}`,
    );
  });

  it('a zip bomb of many entries, and one of a small entry that unzips to too much', async () => {
    const many: Zippable = {};
    for (let i = 0; i < 2001; i += 1) many[`f${i}.xml`] = encoder.encode('<a/>');
    const huge = zipSync({ '[Content_Types].xml': new Uint8Array(17 * 1024 * 1024) });
    expect(huge.length).toBeLessThan(100_000);

    expect((await clean(Buffer.from(zipSync(many)))).note).toBe(
      `This archive is too large to unpack safely (more than 2000 entries)${SEALED}`,
    );
    expect((await clean(Buffer.from(huge))).note).toBe(
      `This archive is too large to unpack safely (unzips to more than 16777216 bytes)${SEALED}`,
    );
  });
});
