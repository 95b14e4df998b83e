import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../test/helpers/pdf-text.ts';
import { renderCertificate, timeInWords } from './certificate-pdf.ts';

const CONTENT = {
  authority: 'National Security Reporting Office',
  reference: 'R-0A1B2C3D',
  categoryTitle: 'Espionage',
  channel: 'Telephone',
  receivedAt: '2026-02-28T23:59:59.999Z',
  issuedAt: '2026-03-01T00:00:00.000Z',
  code: '7KQ2-M9XD-0HZC-4TRW-B1PE',
  audit: { seq: 7, hash: 'ab'.repeat(32) },
  selfDisclosure: false,
};

describe('certificate PDF', () => {
  it('gives the time of receipt in words, in UTC', () => {
    expect(timeInWords('2026-02-28T23:59:59.999Z')).toBe('Saturday, 28 February 2026 at 23:59:59 UTC');
    expect(timeInWords('2026-11-29T08:05:00.000+08:00')).toBe('Sunday, 29 November 2026 at 00:05:00 UTC');
  });

  it('is a one-page PDF whose title names the reference, and prints text the standard font lacks as "?"', async () => {
    const bytes = await renderCertificate({ ...CONTENT, authority: '国家安全机关 Office' });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Certificate of receipt R-0A1B2C3D');
    const lines = await pdfLines(bytes);
    expect(lines[0]).toBe('?????? Office');
    expect(lines).toContain('Telephone');
    expect(lines).toContain('Saturday, 28 February 2026 at 23:59:59 UTC');
  });
});
