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
 * Decodes and re-encodes one image. `failOn` is sharp's level of damage at which decoding stops: 'warning'
 * (any damage) or 'none' (decode what can be, grey where pixel data is missing).
 * @throws sharp's error when the image cannot be decoded at this level
 */
async function reencode(
  data: Buffer,
  kind: ImageKind,
  pixelLimit: number,
  failOn: 'warning' | 'none',
): Promise<Outcome> {
  const label = LABEL[kind];
  // GIF and WebP may be animated: keep every frame.
  const animated = kind === 'gif' || kind === 'webp';
  const input = sharp(data, { limitInputPixels: pixelLimit, failOn, animated });
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
}

/** libjpeg fills what it could not decode with this grey (Y, Cb and Cr at mid-scale), in every RGB channel. */
const JPEG_FILL = 128;
/** A damaged JPEG with at least this share of its pixels left as filler shows nothing worth passing on. */
const MOSTLY_FILLER = 0.99;

/** Share (0…1) of the pixels of a damaged JPEG that libjpeg left as its grey filler. */
async function fillerShare(data: Buffer, pixelLimit: number): Promise<number> {
  const { data: pixels, info } = await sharp(data, { limitInputPixels: pixelLimit, failOn: 'none' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let filler = 0;
  for (let at = 0; at + 2 < pixels.length; at += info.channels) {
    if (pixels[at] === JPEG_FILL && pixels[at + 1] === JPEG_FILL && pixels[at + 2] === JPEG_FILL) filler += 1;
  }
  return filler / (info.width * info.height);
}

/**
 * A damaged JPEG (truncated, or a corrupt segment) as far as decoders still display it, the way browsers and
 * viewers do: libjpeg fills what is missing with grey. Refused when 99 % or more of the picture is that grey
 * (the file ends where its pixel data begins, or just after).
 * @param damage sharp's message from the strict attempt, for the note
 */
async function cleanDamagedJpeg(data: Buffer, pixelLimit: number, damage: string): Promise<Outcome> {
  if ((await fillerShare(data, pixelLimit)) >= MOSTLY_FILLER) {
    return refuse(`This JPEG image could not be read, it may be damaged or incomplete (${damage})`);
  }
  const outcome = await reencode(data, 'jpeg', pixelLimit, 'none');
  if (!outcome.ok) return outcome;
  const note = `This JPEG image is damaged or incomplete (${damage}); the cleaned copy shows what could still be read`;
  return { ...outcome, note };
}

/**
 * @param data the uploaded bytes, already detected as `kind`
 * @param pixelLimit decompression-bomb guard: width × height (× frames) above which decoding is refused
 * @returns the re-encoded image; a JPEG that is damaged but still displays comes back cleaned with a note saying
 *   so; other damaged images are refused rather than passed on with a grey band
 */
export async function cleanImage(data: Buffer, kind: ImageKind, pixelLimit: number): Promise<Outcome> {
  let message: string;
  try {
    return await reencode(data, kind, pixelLimit, 'warning');
  } catch (error) {
    message = detail(error);
  }
  if (/pixel limit/i.test(message)) return tooLarge(pixelLimit);
  if (kind === 'jpeg') {
    try {
      return await cleanDamagedJpeg(data, pixelLimit, message);
    } catch (error) {
      message = detail(error);
    }
  }
  return refuse(`This ${LABEL[kind]} image could not be read, it may be damaged or incomplete (${message})`);
}
