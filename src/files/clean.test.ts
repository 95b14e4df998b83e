import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { identifyingTags, markersIn, readTags } from '../../test/fixtures/inspect.ts';
import {
  MARKERS,
  makeCameraJpeg,
  makeCommentGif,
  makeExifAvif,
  makeExifTiff,
  makeExifWebp,
  makeOrientedJpeg,
  makeTextPng,
  withHeifRotation,
} from '../../test/fixtures/make.ts';
import { cleanFile } from './clean.ts';
import { SEALED, withExiftool } from '../../test/helpers/clean.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(projectRoot, '../shared/corpus/exif');

const { exiftool, expectNoMetadata } = withExiftool();

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
    const data = await makeCameraJpeg(exiftool());
    expect(identifyingTags(await readTags(exiftool(), data, 'camera.jpg'))).toEqual(
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
    const data = await makeTextPng(exiftool());
    expect(markersIn(data, [MARKERS.author, MARKERS.xmp, MARKERS.comment])).toHaveLength(3);

    const result = await cleanFile({ name: 'chart.png', type: 'image/png', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/png', name: 'chart.png', note: null });
    await expectNoMetadata(result);
  });

  it('removes EXIF and XMP from a WebP', async () => {
    const data = await makeExifWebp(exiftool());
    expect(markersIn(data, [MARKERS.make, MARKERS.serial, MARKERS.xmp])).toHaveLength(3);

    const result = await cleanFile({ name: 'photo.webp', type: 'image/webp', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/webp', name: 'photo.webp', note: null });
    await expectNoMetadata(result);
  });

  it('converts a TIFF to PNG, since TIFF tags are its metadata', async () => {
    const data = await makeExifTiff(exiftool());

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
    const data = await makeCommentGif(exiftool());
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
    const data = await makeTextPng(exiftool());

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
      expect(identifyingTags(await readTags(exiftool(), data, file)), 'the original has metadata').not.toEqual([]);

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
    const turnedHeic = await withHeifRotation(exiftool(), heic, 90);

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
