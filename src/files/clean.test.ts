import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExifTool } from 'exiftool-vendored';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingTags, markersIn, readTags } from '../../test/fixtures/inspect.ts';
import {
  MARKERS,
  makeCameraJpeg,
  makeCommentGif,
  makeEncryptedPdf,
  makeExifAvif,
  makeExifTiff,
  makeExifWebp,
  makeMetadataPdf,
  makeOrientedJpeg,
  makeTextPng,
  makeZip,
  withHeifRotation,
} from '../../test/fixtures/make.ts';
import { cleanFile, type CleanResult } from './clean.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(projectRoot, '../shared/corpus/exif');
const ALL_MARKERS = Object.values(MARKERS);
const SEALED = '; the original is kept sealed.';

let exiftool: ExifTool;
beforeAll(() => {
  exiftool = new ExifTool();
});
afterAll(async () => {
  await exiftool.end();
});

/** The cleaned bytes, after checking that ExifTool finds nothing identifying and no marker is left. */
async function expectNoMetadata(result: CleanResult): Promise<Buffer> {
  expect(result.status).toBe('cleaned');
  const data = result.data;
  if (!data) throw new Error('a cleaned result has data');
  expect(identifyingTags(await readTags(exiftool, data, result.name))).toEqual([]);
  expect(markersIn(data, ALL_MARKERS)).toEqual([]);
  return data;
}

/** RGB of the pixel at (x, y). */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

/** Mean absolute difference of two equally long pixel buffers, 0–255. */
function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

describe('cleanFile: images', () => {
  it('removes GPS, camera make/model/serial, capture time, author, XMP, IPTC, ICC and comments from a JPEG', async () => {
    const data = await makeCameraJpeg(exiftool);
    expect(identifyingTags(await readTags(exiftool, data, 'camera.jpg'))).toEqual(
      expect.arrayContaining([
        'GPS:GPSLatitude',
        'GPS:GPSLongitude',
        'IFD0:Make',
        'IFD0:Model',
        'IFD0:Artist',
        'ExifIFD:SerialNumber',
        'ExifIFD:DateTimeOriginal',
        'ExifIFD:CreateDate',
        'XMP-dc:Creator',
        'IPTC:By-line',
        'File:Comment',
        'ICC-header:ProfileCreator',
      ]),
    );

    const result = await cleanFile({ name: 'camera.jpg', type: 'image/jpeg', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/jpeg', name: 'camera.jpg', note: null });
    const cleaned = await expectNoMetadata(result);
    const meta = await sharp(cleaned).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 64, 48]);
    expect([meta.exif, meta.icc, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('applies EXIF orientation 6 before dropping it: the picture comes out upright', async () => {
    const data = await makeOrientedJpeg();
    expect(await sharp(data).metadata()).toMatchObject({ width: 40, height: 20, orientation: 6 });

    const result = await cleanFile({ name: 'sideways.jpg', type: 'image/jpeg', data });

    const cleaned = await expectNoMetadata(result);
    const meta = await sharp(cleaned).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([20, 40, undefined]);
    // Stored left half red, right half blue; turned 90° clockwise: red on top, blue below.
    const [top, bottom] = [await pixel(cleaned, 10, 5), await pixel(cleaned, 10, 34)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[0]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
  });

  it('removes tEXt chunks and XMP from a PNG', async () => {
    const data = await makeTextPng(exiftool);
    expect(markersIn(data, [MARKERS.author, MARKERS.xmp, MARKERS.comment])).toHaveLength(3);

    const result = await cleanFile({ name: 'chart.png', type: 'image/png', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/png', name: 'chart.png', note: null });
    await expectNoMetadata(result);
  });

  it('removes EXIF and XMP from a WebP', async () => {
    const data = await makeExifWebp(exiftool);
    expect(markersIn(data, [MARKERS.make, MARKERS.serial, MARKERS.xmp])).toHaveLength(3);

    const result = await cleanFile({ name: 'photo.webp', type: 'image/webp', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/webp', name: 'photo.webp', note: null });
    await expectNoMetadata(result);
  });

  it('converts a TIFF to PNG, since TIFF tags are its metadata', async () => {
    const data = await makeExifTiff(exiftool);

    const result = await cleanFile({ name: 'scan.tiff', type: 'image/tiff', data });

    expect(result).toMatchObject({
      status: 'cleaned',
      type: 'image/png',
      name: 'scan.png',
      note: 'TIFF converted to PNG',
    });
    const cleaned = await expectNoMetadata(result);
    expect((await sharp(cleaned).metadata()).format).toBe('png');
  });

  it('removes the comment and XMP from a GIF', async () => {
    const data = await makeCommentGif(exiftool);
    expect(markersIn(data, [MARKERS.comment, MARKERS.xmp])).toHaveLength(2);

    const result = await cleanFile({ name: 'anim.gif', type: 'image/gif', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/gif', name: 'anim.gif', note: null });
    await expectNoMetadata(result);
  });

  it('removes EXIF from an AVIF', async () => {
    const data = await makeExifAvif();
    expect(markersIn(data, [MARKERS.make, MARKERS.author])).toHaveLength(2);

    const result = await cleanFile({ name: 'photo.avif', type: 'image/avif', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/avif', name: 'photo.avif', note: null });
    await expectNoMetadata(result);
  });

  it('goes by the bytes, not the declared type or name: a PNG called photo.jpg comes back as photo.png', async () => {
    const data = await makeTextPng(exiftool);

    const result = await cleanFile({ name: 'photo.jpg', type: 'image/jpeg', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/png', name: 'photo.png' });
  });

  it('refuses a multi-page TIFF rather than drop pages', async () => {
    const page = (background: string) =>
      sharp({ create: { width: 10, height: 10, channels: 3, background } })
        .png()
        .toBuffer();
    const data = await sharp([await page('red'), await page('blue')], { join: { animated: true } })
      .tiff()
      .toBuffer();

    const result = await cleanFile({ name: 'fax.tif', type: 'image/tiff', data });

    expect(result).toEqual({
      status: 'failed',
      type: 'image/tiff',
      name: 'fax.tif',
      note: `Multi-page TIFF images cannot be cleaned (this one has 2 pages)${SEALED}`,
    });
  });

  it('refuses an image above the pixel limit (decompression bomb guard)', async () => {
    const data = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: 'white' } })
      .png()
      .toBuffer();

    const result = await cleanFile({ name: 'big.png', type: 'image/png', data }, { pixelLimit: 1_000_000 });

    expect(result).toEqual({
      status: 'failed',
      type: 'image/png',
      name: 'big.png',
      note: `This image is too large to clean safely (over 1 million pixels)${SEALED}`,
    });
  });
});

/** The dictionaries of a PDF's indirect objects (a stream's own included) whose /Type is `type`. */
function objectsOfType(doc: PDFDocument, type: string): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => (object instanceof PDFStream ? object.dict : object))
    .filter((dict): dict is PDFDict => dict instanceof PDFDict)
    .filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of(type));
}

describe('cleanFile: PDF', () => {
  it('removes /Info, XMP, /PieceInfo, comment authors, old objects and camera data of embedded photos', async () => {
    const photo = await makeCameraJpeg(exiftool);
    const data = await makeMetadataPdf({ photo });
    expect(markersIn(data, ALL_MARKERS)).toEqual(ALL_MARKERS);
    expect(identifyingTags(await readTags(exiftool, data, 'report.pdf'))).toEqual(
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
  it('refuses an Office document (a ZIP archive), naming the detected type', async () => {
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
    const jpeg = await makeCameraJpeg(exiftool);

    const result = await cleanFile({ name: 'cut.jpg', type: 'image/jpeg', data: jpeg.subarray(0, 20) });

    expect(result).toMatchObject({ status: 'failed', type: 'image/jpeg', name: 'cut.jpg' });
    expect(result.note).toMatch(
      /^This JPEG image could not be read, it may be damaged or incomplete \(.+\); the original/,
    );
    expect(result.data).toBeUndefined();
  });

  it('refuses a JPEG cut inside its picture data rather than pass on a half-grey picture', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: 'teal' } })
      .jpeg()
      .toBuffer();

    const result = await cleanFile({ name: 'half.jpg', type: 'image/jpeg', data: jpeg.subarray(0, jpeg.length / 2) });

    expect(result.status).toBe('failed');
    expect(result.note).toMatch(/^This JPEG image could not be read, it may be damaged or incomplete/);
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
      data: await makeTextPng(exiftool),
    });

    expect(result.name).toBe('evilgnp.png');
  });
});

// Real camera files (see the corpus README). Optional on a developer's machine, required in CI.
const haveCorpus = existsSync(corpusDir);
const corpusFiles = haveCorpus ? (await readdir(corpusDir)).filter((file) => file !== 'README.md').sort() : [];

describe.runIf(haveCorpus || process.env.CI === 'true')('cleanFile: camera files of the corpus', () => {
  const read = (file: string): Promise<Buffer> => readFile(path.join(corpusDir, file));

  it('has the corpus folder with its photos', () => {
    expect(haveCorpus, `missing ${corpusDir}`).toBe(true);
    expect(corpusFiles).toEqual(expect.arrayContaining(['jpg_orientation_portrait_6.jpg', 'heic_IMG_5195.HEIC']));
  });

  it.each(corpusFiles)(
    '%s: cleaned of GPS, serial, author, XMP and capture time, or refused with a note',
    async (file) => {
      const data = await read(file);
      expect(identifyingTags(await readTags(exiftool, data, file)), 'the original has metadata').not.toEqual([]);

      const result = await cleanFile({ name: file, type: 'application/octet-stream', data });

      if (result.status === 'failed') {
        expect(result.note).toMatch(/the original is kept sealed\.$/);
        expect(result.data).toBeUndefined();
        return;
      }
      expect(result.status).toBe('cleaned');
      await expectNoMetadata(result);
      const meta = await sharp(result.data).metadata();
      expect(`image/${meta.format}`).toBe(result.type);
    },
  );

  it('turns the orientation-6 photo upright', async () => {
    const data = await read('jpg_orientation_portrait_6.jpg');
    const stored = await sharp(data).metadata();
    expect(stored.orientation).toBe(6);

    const result = await cleanFile({ name: 'jpg_orientation_portrait_6.jpg', type: 'image/jpeg', data });

    const cleaned = await sharp(result.data).metadata();
    expect([cleaned.width, cleaned.height, cleaned.orientation]).toEqual([stored.height, stored.width, undefined]);
  });

  it('decodes the iPhone HEIC to a JPEG the size of the displayed picture', async () => {
    const data = await read('heic_IMG_5195.HEIC');
    // libvips reads the HEIF container (not its HEVC pixels): the displayed size, transformations applied.
    const displayed = (await sharp(data).metadata()).autoOrient;

    const result = await cleanFile({ name: 'heic_IMG_5195.HEIC', type: 'image/heic', data });

    expect(result).toMatchObject({
      status: 'cleaned',
      type: 'image/jpeg',
      name: 'heic_IMG_5195.jpg',
      note: 'HEIC converted to JPEG',
    });
    const cleaned = await sharp(result.data).metadata();
    expect({ width: cleaned.width, height: cleaned.height }).toEqual(displayed);
    expect({ width: cleaned.width, height: cleaned.height }).toEqual({ width: 2566, height: 3313 });
  });

  it('applies the HEIF rotation: the same HEIC marked as turned 90° comes out turned 90° clockwise', async () => {
    const heic = await read('heic_IMG_5195.HEIC');
    const upright = await cleanFile({ name: 'upright.heic', type: '', data: heic });
    const turnedHeic = await withHeifRotation(exiftool, heic, 90);

    const turned = await cleanFile({ name: 'turned.heic', type: '', data: turnedHeic });

    expect(await sharp(turned.data).metadata()).toMatchObject({ width: 3313, height: 2566 });
    const thumbnail = (image: Sharp) => image.resize(48, 48, { fit: 'fill' }).raw().toBuffer();
    const actual = await thumbnail(sharp(turned.data));
    const clockwise = await thumbnail(sharp(upright.data).rotate(90));
    const anticlockwise = await thumbnail(sharp(upright.data).rotate(270));
    expect(meanDifference(actual, clockwise)).toBeLessThan(6);
    expect(meanDifference(actual, anticlockwise)).toBeGreaterThan(20);
  });
});
