/**
 * Damaged JPEGs that decoders still display get a cleaned copy with a note; one with nothing to display is refused.
 * The corpus file jpg_invalid_image01551.jpg (../shared/corpus/exif, always there in CI) is checked when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SEALED } from '../../test/helpers/clean.ts';
import { cleanFile } from './clean.ts';

const CORPUS_FILE = path.resolve(
  fileURLToPath(new URL('../..', import.meta.url)),
  '../shared/corpus/exif/jpg_invalid_image01551.jpg',
);

/** A 400 × 300 picture, left half black, right half white, so that what survives damage can be seen. */
async function twoToneJpeg(): Promise<Buffer> {
  const white = await sharp({ create: { width: 200, height: 300, channels: 3, background: 'white' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 300, channels: 3, background: 'black' } })
    .composite([{ input: white, left: 200, top: 0 }])
    .jpeg()
    .toBuffer();
}

/** Offset just past the start-of-scan header: where the pixel data begins. */
function scanStart(jpeg: Buffer): number {
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return sos + 2 + jpeg.readUInt16BE(sos + 2);
}

describe('cleanFile: a damaged JPEG', () => {
  it('with a corrupt stretch of pixel data: cleaned, the note names the damage', async () => {
    const jpeg = Buffer.from(await twoToneJpeg());
    jpeg.fill(0xff, scanStart(jpeg) + 40, scanStart(jpeg) + 80);

    const result = await cleanFile({ name: 'scan.jpg', type: 'image/jpeg', data: jpeg });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/jpeg', name: 'scan.jpg' });
    expect(result.note).toMatch(
      /^This JPEG image is damaged or incomplete \(VipsJpeg: .+\); the cleaned copy shows what could still be read$/,
    );
    const meta = await sharp(result.data).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 400, 300, undefined]);
  });

  it('that ends where its pixel data begins: refused, nothing of the picture can be shown', async () => {
    const jpeg = await twoToneJpeg();

    const result = await cleanFile({
      name: 'cut.jpg',
      type: 'image/jpeg',
      data: jpeg.subarray(0, scanStart(jpeg) + 2),
    });

    expect(result).toEqual({
      status: 'failed',
      type: 'image/jpeg',
      name: 'cut.jpg',
      note: `This JPEG image could not be read, it may be damaged or incomplete (VipsJpeg: premature end of JPEG image)${SEALED}`,
    });
  });

  it('truncated: the part that arrived is kept, the rest is grey', async () => {
    const jpeg = await twoToneJpeg();

    const result = await cleanFile({ name: 'half.jpg', type: 'image/jpeg', data: jpeg.subarray(0, jpeg.length * 0.6) });

    expect(result.status).toBe('cleaned');
    const { data } = await sharp(result.data).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[y * 400 + x]!;
    expect([at(50, 10) < 30, at(350, 10) > 225]).toEqual([true, true]);
  });

  it.runIf(fs.existsSync(CORPUS_FILE))('from the corpus, with a malformed EXIF block: cleaned', async () => {
    const data = fs.readFileSync(CORPUS_FILE);

    const result = await cleanFile({ name: 'jpg_invalid_image01551.jpg', type: 'image/jpeg', data });

    expect(result).toMatchObject({ status: 'cleaned', type: 'image/jpeg' });
    expect((await sharp(result.data).metadata()).exif).toBeUndefined();
  });
});
