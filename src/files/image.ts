/**
 * Raster images that sharp (libvips) decodes: the picture is turned upright by its EXIF orientation, then
 * re-encoded in the same format with no metadata at all. sharp writes metadata only when asked
 * (`keepMetadata`, `withExif`, `keepIccProfile`…), and this file never asks: EXIF, XMP, IPTC, ICC profiles,
 * PNG text chunks and comments are dropped, and colours are converted to sRGB.
 */
import sharp, { type Sharp } from 'sharp';
import { detail, refuse, tooLarge, type Outcome } from './outcome.ts';

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif';

/** sharp's `metadata().format` for each kind (AVIF is read by libheif, hence `heif`). */
const SHARP_FORMAT: Record<ImageKind, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  avif: 'heif',
};

const LABEL: Record<ImageKind, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  tiff: 'TIFF',
  avif: 'AVIF',
};

/** Same format out as in, except TIFF, whose tags are metadata by design: PNG is lossless and has none. */
function encode(image: Sharp, kind: ImageKind): { image: Sharp; mime: string } {
  switch (kind) {
    case 'jpeg':
      return { image: image.jpeg({ quality: 92 }), mime: 'image/jpeg' };
    case 'png':
    case 'tiff':
      return { image: image.png(), mime: 'image/png' };
    case 'webp':
      return { image: image.webp({ quality: 92 }), mime: 'image/webp' };
    case 'gif':
      return { image: image.gif(), mime: 'image/gif' };
    case 'avif':
      return { image: image.avif({ quality: 80 }), mime: 'image/avif' };
  }
}

/**
 * @param data the uploaded bytes, already detected as `kind`
 * @param pixelLimit decompression-bomb guard: width × height (× frames) above which decoding is refused
 */
export async function cleanImage(data: Buffer, kind: ImageKind, pixelLimit: number): Promise<Outcome> {
  const label = LABEL[kind];
  try {
    // GIF and WebP may be animated: keep every frame. failOn 'warning' refuses truncated or damaged pixel
    // data rather than passing on a picture with a grey band.
    const animated = kind === 'gif' || kind === 'webp';
    const input = sharp(data, { limitInputPixels: pixelLimit, failOn: 'warning', animated });
    const meta = await input.metadata();
    if (meta.format !== SHARP_FORMAT[kind]) {
      return refuse(`This file starts like a ${label} image but is not one (it reads as ${meta.format})`);
    }
    if (kind === 'tiff' && (meta.pages ?? 1) > 1) {
      return refuse(`Multi-page TIFF images cannot be cleaned (this one has ${meta.pages} pages)`);
    }
    const { image, mime } = encode(input.rotate(), kind);
    const cleaned = await image.toBuffer();
    return { ok: true, data: cleaned, mime, note: kind === 'tiff' ? 'TIFF converted to PNG' : null };
  } catch (error) {
    const message = detail(error);
    if (/pixel limit/i.test(message)) return tooLarge(pixelLimit);
    return refuse(`This ${label} image could not be read, it may be damaged or incomplete (${message})`);
  }
}
