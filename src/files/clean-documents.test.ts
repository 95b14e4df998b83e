/** Metadata removal from PDFs, plain text, and what is refused (other types, damaged input). */
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { identifyingTags, markersIn, readTags } from '../../test/fixtures/inspect.ts';
import {
  MARKERS,
  makeCameraJpeg,
  makeEncryptedPdf,
  makeMetadataPdf,
  makeTextPng,
  makeZip,
} from '../../test/fixtures/make.ts';
import { cleanFile } from './clean.ts';
import { SEALED, withExiftool } from '../../test/helpers/clean.ts';

const ALL_MARKERS = Object.values(MARKERS);

const { exiftool, expectNoMetadata } = withExiftool();

function objectsOfType(doc: PDFDocument, type: string): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => (object instanceof PDFStream ? object.dict : object))
    .filter((dict): dict is PDFDict => dict instanceof PDFDict)
    .filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of(type));
}

describe('cleanFile: PDF', () => {
  it('removes /Info, XMP, /PieceInfo, comment authors, old objects and camera data of embedded photos', async () => {
    const photo = await makeCameraJpeg(exiftool());
    const data = await makeMetadataPdf({ photo });
    expect(markersIn(data, ALL_MARKERS)).toEqual(ALL_MARKERS);
    expect(identifyingTags(await readTags(exiftool(), data, 'report.pdf'))).toEqual(
      expect.arrayContaining(['PDF:Author', 'PDF:Creator', 'PDF:Producer', 'PDF:CreateDate', 'XMP-dc:Creator']),
    );

    const result = await cleanFile({ name: 'report.pdf', type: 'application/pdf', data });

    expect(result).toMatchObject({
      status: 'cleaned',
      type: 'application/pdf',
      name: 'report.pdf',
      note: 'Camera data removed from embedded photos (1).',
    });
    const cleaned = await expectNoMetadata(result);
    expect(cleaned.includes('pdf-lib')).toBe(false);
    const doc = await PDFDocument.load(cleaned, { updateMetadata: false });
    expect([doc.getPageCount(), doc.getAuthor(), doc.getProducer(), doc.getCreationDate()]).toEqual([
      1,
      undefined,
      undefined,
      undefined,
    ]);
    expect(doc.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(objectsOfType(doc, 'Metadata')).toEqual([]);
    // The comment itself stays; only its author and date go.
    const annotations = objectsOfType(doc, 'Annot');
    expect(annotations.map((note) => ['Contents', 'T', 'M'].map((key) => note.has(PDFName.of(key))))).toEqual([
      [true, false, false],
    ]);
    // The photo is still there, same size, now without EXIF.
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
      .filter((stream) => stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(1);
    const embedded = await sharp(images[0]?.getContents()).metadata();
    expect([embedded.width, embedded.height, embedded.exif, embedded.xmp]).toEqual([64, 48, undefined, undefined]);
  });

  it('removes attached files, and says so', async () => {
    const data = await makeMetadataPdf({ attachment: true });

    const result = await cleanFile({ name: 'with-attachment.pdf', type: 'application/pdf', data });

    expect(result.note).toBe('Attached files removed (1); they are only in the sealed original.');
    const cleaned = await expectNoMetadata(result);
    const doc = await PDFDocument.load(cleaned, { updateMetadata: false });
    expect(objectsOfType(doc, 'EmbeddedFile')).toEqual([]);
  });

  it('refuses an encrypted PDF', async () => {
    const result = await cleanFile({ name: 'locked.pdf', type: 'application/pdf', data: await makeEncryptedPdf() });

    expect(result).toEqual({
      status: 'failed',
      type: 'application/pdf',
      name: 'locked.pdf',
      note: `This PDF is password-protected (encrypted), so its metadata cannot be removed${SEALED}`,
    });
  });

  it('refuses a truncated PDF', async () => {
    const data = await makeMetadataPdf();

    const result = await cleanFile({
      name: 'cut.pdf',
      type: 'application/pdf',
      data: data.subarray(0, data.length / 2),
    });

    expect(result).toEqual({
      status: 'failed',
      type: 'application/pdf',
      name: 'cut.pdf',
      note: `This PDF is incomplete (its end is missing), the upload may have been cut off${SEALED}`,
    });
  });

  it('refuses a PDF without a page', async () => {
    const data = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

    const result = await cleanFile({ name: 'empty.pdf', type: 'application/pdf', data });

    expect(result.status).toBe('failed');
    expect(result.note).toMatch(/^This PDF (has no readable pages|could not be read), it may be damaged/);
  });
});

describe('cleanFile: plain text', () => {
  it('passes UTF-8 text on unchanged, as the very same buffer', async () => {
    const data = Buffer.from('Überweisung an Société Générale — 1 200 €\n');

    const result = await cleanFile({ name: 'notes.txt', type: 'text/plain', data });

    expect(result).toEqual({ status: 'unchanged', data, type: 'text/plain', name: 'notes.txt', note: null });
    expect(result.data).toBe(data);
  });

  it('recognises text by its name (.csv, .md) or by its declared type', async () => {
    const data = Buffer.from('date,amount\n2024-05-06,1200\n');
    const csv = await cleanFile({ name: 'ledger.csv', type: 'application/vnd.ms-excel', data });
    const md = await cleanFile({ name: 'README.md', type: '', data });
    const declared = await cleanFile({ name: 'notes', type: 'text/plain; charset=utf-8', data });

    expect([csv.status, md.status, declared.status]).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('refuses text that is not UTF-8, or holds NUL bytes', async () => {
    const latin1 = await cleanFile({ name: 'a.txt', type: 'text/plain', data: Buffer.from('caf\xE9', 'latin1') });
    const nul = await cleanFile({ name: 'b.txt', type: 'text/plain', data: Buffer.from('a\u0000b') });

    for (const result of [latin1, nul]) {
      expect(result).toMatchObject({
        status: 'failed',
        type: 'application/octet-stream',
        note: `This text file is not plain UTF-8 text${SEALED}`,
      });
      expect(result.data).toBeUndefined();
    }
  });

  it('takes text that starts like a binary format for text: "BM" is also a BMP signature', async () => {
    const data = Buffer.from('BMW fleet invoices, 2024\n');

    const result = await cleanFile({ name: 'fleet.txt', type: 'text/plain', data });

    expect(result).toMatchObject({ status: 'unchanged', type: 'text/plain', data });
  });

  it('refuses HTML and RTF named .txt: they carry metadata of their own', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><head><meta name="author" content="Jane"></head></html>');
    const rtf = Buffer.from('{\\rtf1\\ansi{\\info{\\author Jane Quinn}}Hello}');

    const results = [
      await cleanFile({ name: 'page.txt', type: 'text/plain', data: html }),
      await cleanFile({ name: 'letter.txt', type: 'text/plain', data: rtf }),
    ];

    expect(results.map(({ status, type }) => [status, type])).toEqual([
      ['failed', 'text/html'],
      ['failed', 'application/rtf'],
    ]);
  });
});

describe('cleanFile: other types and damaged input', () => {
  it('refuses a ZIP archive that is not an Office document, naming the detected type', async () => {
    const result = await cleanFile({
      name: 'report.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: makeZip(),
    });

    expect(result).toEqual({
      status: 'failed',
      type: 'application/zip',
      name: 'report.docx',
      note: 'Metadata could not be removed from this type of file (application/zip); the original is kept sealed.',
    });
  });

  it('refuses a video', async () => {
    const mp4 = Buffer.concat([
      Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2', 'latin1'),
      Buffer.alloc(64),
    ]);

    const result = await cleanFile({ name: 'clip.mp4', type: 'video/mp4', data: mp4 });

    expect(result).toMatchObject({ status: 'failed', type: 'video/mp4' });
  });

  it('refuses a JPEG cut inside its header, without throwing', async () => {
    const jpeg = await makeCameraJpeg(exiftool());

    const result = await cleanFile({ name: 'cut.jpg', type: 'image/jpeg', data: jpeg.subarray(0, 20) });

    expect(result).toMatchObject({ status: 'failed', type: 'image/jpeg', name: 'cut.jpg' });
    expect(result.note).toMatch(
      /^This JPEG image could not be read, it may be damaged or incomplete \(.+\); the original/,
    );
    expect(result.data).toBeUndefined();
  });

  it('cleans a JPEG cut inside its picture data, as far as it can be read, and says so', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: 'teal' } })
      .jpeg()
      .toBuffer();

    const result = await cleanFile({ name: 'half.jpg', type: 'image/jpeg', data: jpeg.subarray(0, jpeg.length / 2) });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/jpeg', name: 'half.jpg' });
    expect(result.note).toBe(
      'This JPEG image is damaged or incomplete (VipsJpeg: premature end of JPEG image); ' +
        'the cleaned copy shows what could still be read',
    );
    const meta = await sharp(result.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 400, 300]);
  });

  it('refuses random bytes named .pdf as an unknown type', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));

    const result = await cleanFile({ name: 'scan.pdf', type: 'application/pdf', data: noise });

    expect(result).toEqual({
      status: 'failed',
      type: 'application/octet-stream',
      name: 'scan.pdf',
      note: `Metadata could not be removed from this type of file (application/octet-stream)${SEALED}`,
    });
  });

  it('refuses a HEIC whose content is not a picture', async () => {
    const fake = Buffer.concat([
      Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1'),
      Buffer.alloc(256, 7),
    ]);

    const result = await cleanFile({ name: 'IMG_0001.HEIC', type: 'image/heic', data: fake });

    expect(result).toMatchObject({ status: 'failed', type: 'image/heic', name: 'IMG_0001.HEIC' });
    expect(result.note).toMatch(/^This HEIC image could not be read, it may be damaged or incomplete/);
  });

  it('refuses an empty file', async () => {
    const result = await cleanFile({ name: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) });

    expect(result).toEqual({
      status: 'failed',
      type: 'application/octet-stream',
      name: 'empty.pdf',
      note: 'The file is empty.',
    });
  });

  it('makes the name of the cleaned copy safe', async () => {
    const result = await cleanFile({
      name: '../../evil\u202Egnp.png',
      type: 'image/png',
      data: await makeTextPng(exiftool()),
    });

    expect(result.name).toBe('evilgnp.png');
  });
});

// Real camera files (see the corpus README). Optional on a developer's machine, required in CI.
