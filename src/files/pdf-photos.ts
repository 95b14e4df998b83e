/**
 * Photos inside a PDF. A /DCTDecode image stream is a complete JPEG file, and PDF writers (pdf-lib's
 * `embedJpg` among them) copy a camera's JPEG into it byte for byte, EXIF and GPS included. Such a photo is
 * re-encoded with sharp, without metadata and without turning it (a PDF shows the stored pixels; EXIF
 * orientation does not apply). Photos without EXIF, XMP or IPTC are left untouched.
 */
import { PDFArray, PDFName, PDFRawStream, type PDFContext, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import { detail, refuse, tooLarge, type Outcome } from './outcome.ts';

const name = (value: string): PDFName => PDFName.of(value);

/** Only a JPEG that is not wrapped in another filter is a JPEG file as it stands. */
function isPlainJpeg(filter: PDFObject | undefined): boolean {
  if (filter instanceof PDFArray) return filter.size() === 1 && filter.get(0) === name('DCTDecode');
  return filter === name('DCTDecode');
}

/**
 * Re-encodes one embedded JPEG. Grey and RGB photos keep their number of channels and pixel values
 * (`ignoreIcc`: the PDF's /ColorSpace, not the JPEG's profile, gives their colours). CMYK photos become RGB
 * and their dictionary says so, since sharp writes no CMYK JPEG.
 */
async function reencode(stream: PDFRawStream, channels: number, pixelLimit: number): Promise<PDFRawStream> {
  const image = sharp(stream.getContents(), { limitInputPixels: pixelLimit, ignoreIcc: true });
  const jpeg = await image
    .toColourspace(channels === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality: 92 })
    .toBuffer();
  const dict = stream.dict.clone();
  dict.delete(name('DecodeParms'));
  if (channels === 4) {
    dict.set(name('ColorSpace'), name('DeviceRGB'));
    dict.delete(name('Decode'));
  }
  return PDFRawStream.of(dict, jpeg);
}

/**
 * Replaces, in `context`, every embedded JPEG that carries EXIF, XMP or IPTC by a clean copy.
 * @returns how many were replaced, or a refusal when one cannot be read
 */
export async function cleanEmbeddedPhotos(context: PDFContext, pixelLimit: number): Promise<number | Outcome> {
  let replaced = 0;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(name('Subtype')) !== name('Image') || !isPlainJpeg(object.dict.get(name('Filter')))) {
      continue;
    }
    try {
      const meta = await sharp(object.getContents()).metadata();
      if (!meta.exif && !meta.xmp && !meta.iptc) continue;
      context.assign(ref, await reencode(object, meta.channels, pixelLimit));
      replaced += 1;
    } catch (error) {
      const message = detail(error);
      if (/pixel limit/i.test(message)) return tooLarge(pixelLimit);
      return refuse(`A photo inside this PDF could not be checked for camera data (${message})`);
    }
  }
  return replaced;
}
