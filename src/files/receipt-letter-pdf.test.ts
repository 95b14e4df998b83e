import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../test/helpers/pdf-text.ts';
import { renderReceiptLetter } from './receipt-letter-pdf.ts';

const LETTER = {
  authority: 'National Security Reporting Office',
  receipt: '1234 5678 9012 3456 7890 1234 5678 9012 3456',
  followUpUrl: 'https://report.example.org/follow-up',
  issuedAt: '2026-03-01T00:00:00.000Z',
};

describe('receipt letter PDF', () => {
  it('is in English', async () => {
    const bytes = await renderReceiptLetter({ ...LETTER, language: 'en' });
    const lines = await pdfLines(bytes);
    expect(lines.slice(0, 2)).toEqual(['National Security Reporting Office', 'Your receipt']);
    expect(lines).toContain(LETTER.receipt);
    expect(lines).toContain('What to do next');
    expect(lines).toContain(
      '1. Open https://report.example.org/follow-up in a web browser and enter the receipt above.',
    );
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Your receipt');
  });

  it('is in Simplified Chinese', async () => {
    const bytes = await renderReceiptLetter({ ...LETTER, authority: '国家安全机关', language: 'zh-CN' });
    const lines = await pdfLines(bytes);
    expect(lines.slice(0, 2)).toEqual(['国家安全机关', '您的回执码']);
    expect(lines).toContain('回执码（36位数字，每四位一组）');
    expect(lines).toContain(LETTER.receipt);
    expect(lines).toContain('1. 在网页浏览器中打开 https://report.example.org/follow-up，输入上方的回执码。');
    expect(lines).toContain('我们的工作人员绝不会向您索要回执码。请勿将回执码告诉任何人。');
  });

  it('is in Arabic, the receipt’s groups and the address still reading left to right', async () => {
    const bytes = await renderReceiptLetter({ ...LETTER, language: 'ar' });
    const lines = await pdfLines(bytes);
    expect(lines[1]).toBe('إيصالك');
    expect(lines).toContain('ما الذي عليك فعله بعد ذلك');
    expect(lines).toContain(LETTER.receipt);
    expect(lines).toContain(LETTER.followUpUrl);
    expect(bytes.length).toBeLessThan(100_000); // measured 23 KB
  });
});
