/** Types for heic-decode 2 (CommonJS, ships none). Only what src/files uses. */
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, rows top to bottom, HEIF transformations (irot, imir, clap) applied. */
    data: Uint8ClampedArray;
  }
  interface ImageHandle {
    width: number;
    height: number;
    decode(): Promise<DecodedImage>;
  }
  interface Decode {
    (input: { buffer: Uint8Array | ArrayBuffer }): Promise<DecodedImage>;
    /** Top-level images, undecoded: dimensions are known before any pixel is decoded. Call `dispose()`. */
    all(input: { buffer: Uint8Array | ArrayBuffer }): Promise<ImageHandle[] & { dispose(): void }>;
  }
  const decode: Decode;
  export default decode;
}
