/** What the metadata-removal tests share: one ExifTool process per file, and the check that nothing is left. */
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CleanResult } from '../../src/files/clean.ts';
import { identifyingTags, markersIn, readTags } from '../fixtures/inspect.ts';
import { MARKERS } from '../fixtures/make.ts';

const ALL_MARKERS = Object.values(MARKERS);
/** How a refusal's note ends when the original is kept. */
export const SEALED = '; the original is kept sealed.';

/**
 * Starts ExifTool before the calling file's tests and ends it after them.
 * @returns `expectNoMetadata`: the cleaned bytes, after checking that ExifTool finds nothing identifying and no
 *   marker is left; and the ExifTool instance
 */
export function withExiftool() {
  let exiftool: ExifTool;
  beforeAll(() => {
    exiftool = new ExifTool();
  });
  afterAll(async () => {
    await exiftool.end();
  });
  return {
    exiftool: () => exiftool,
    async expectNoMetadata(result: CleanResult): Promise<Buffer> {
      expect(result.status).toBe('cleaned');
      const data = result.data;
      if (!data) throw new Error('a cleaned result has data');
      expect(identifyingTags(await readTags(exiftool, data, result.name))).toEqual([]);
      expect(markersIn(data, ALL_MARKERS)).toEqual([]);
      return data;
    },
  };
}
