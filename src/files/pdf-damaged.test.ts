/**
 * Damaged PDFs: pdf-lib prints a line for every object it cannot parse (148 in one run, straight into the JSON log
 * on stdout). Cleaning one prints nothing, tells staff in the note what the cleaned copy may lack, and leaves the
 * console as it found it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDamagedPdf } from '../../test/fixtures/make.ts';
import { cleanFile } from './clean.ts';

describe('cleanFile: a damaged PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes nothing to stdout, stderr or the console, and says in the note what could not be read', async () => {
    const data = await makeDamagedPdf(10);
    const printed = [
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method)),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    const consoleBefore = { log: console.log, warn: console.warn };

    const result = await cleanFile({ name: 'scan.pdf', type: 'application/pdf', data });

    expect(printed.flatMap((spy) => spy.mock.calls)).toEqual([]);
    expect({ log: console.log, warn: console.warn }).toEqual(consoleBefore);
    expect(result).toMatchObject({
      status: 'cleaned',
      type: 'application/pdf',
      name: 'scan.pdf',
      note: 'This PDF is damaged: 10 of its parts could not be read and may be missing from this copy; the original is kept sealed as received.',
    });
  });
});
