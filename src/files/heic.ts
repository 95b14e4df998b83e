/**
 * HEIC/HEIF photos (iPhone): sharp's prebuilt libvips reads their headers but cannot decode HEVC, so the
 * pixels come from heic-decode (libheif compiled to WebAssembly), which applies the HEIF rotation, mirror and
 * crop transforms; EXIF Orientation in a HEIF file only repeats them and must not be applied again. The
 * picture is then encoded as a JPEG from raw RGBA: nothing of the original container or its metadata remains.
 *
 * heic-decode works synchronously on the calling thread (about 1 s for an 8.5-megapixel iPhone photo, 2 s on
 * first use while the WebAssembly module compiles), blocking the event loop meanwhile; a server
 * that cleans files concurrently should call `cleanFile` from a worker thread.
 */
import decode from 'heic-decode';
import sharp from 'sharp';
import { detail, refuse, tooLarge, type Outcome } from './outcome.ts';

/** @param pixelLimit decompression-bomb guard: width × height above which decoding is refused */
export async function cleanHeic(data: Buffer, pixelLimit: number): Promise<Outcome> {
  let primary: number;
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    // heic-decode lists the top-level images in file order, which need not start with the primary photo
    // (its own single-image call just takes the first). libvips' libheif reads the container (not the HEVC
    // data) and says which of the same list is primary.
    primary = (await sharp(data).metadata()).pagePrimary ?? 0;
    images = await decode.all({ buffer: data });
  } catch (error) {
    return refuse(`This HEIC image could not be read, it may be damaged or incomplete (${detail(error)})`);
  }
  try {
    const photo = images[primary];
    if (!photo) return refuse('This HEIC file contains no image');
    if (photo.width * photo.height > pixelLimit) return tooLarge(pixelLimit);
    const { width, height, data: rgba } = await photo.decode();
    const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 4 }, limitInputPixels: pixelLimit })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 92 })
      .toBuffer();
    return { ok: true, data: jpeg, mime: 'image/jpeg', note: 'HEIC converted to JPEG' };
  } catch (error) {
    return refuse(`This HEIC image could not be decoded, it may be damaged (${detail(error)})`);
  } finally {
    images.dispose();
  }
}
