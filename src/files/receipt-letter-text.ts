/**
 * Every sentence of the receipt letter (src/files/receipt-letter-pdf.ts), by language, in one place so that it can be
 * translated. A language without its own text gets English.
 */
export interface LetterText {
  title: string;
  intro: (authority: string) => string;
  receiptLabel: string;
  addressLabel: string;
  stepsTitle: string;
  steps: (address: string) => string[];
  keepSafe: string;
  noReceiptNoReport: string;
}

const EN: LetterText = {
  title: 'Your receipt',
  intro: (authority) =>
    `${authority} has received your report. This letter gives you the receipt for it: with the receipt you can follow your report, read our replies and add information, without giving your name.`,
  receiptLabel: 'Receipt (36 digits, in groups of four)',
  addressLabel: 'Follow up on your report at',
  stepsTitle: 'What to do next',
  steps: (address) => [
    `1. Open ${address} in a web browser and enter the receipt above.`,
    '2. The first time you sign in, you get a new receipt, because the person who took your report saw this one. Write the new receipt down: from then on the receipt in this letter no longer works.',
    '3. Then destroy this letter, or keep it locked away: anyone who has a receipt that still works can read your report.',
    '4. Come back from time to time: replies and questions from the people handling your report appear there.',
  ],
  keepSafe: 'Nobody from us will ever ask you for your receipt. Do not give it to anyone.',
  noReceiptNoReport:
    'We cannot recover a lost receipt. If you lose it, you can make a new report and mention that you made an earlier one.',
};

const TEXTS: Readonly<Record<string, LetterText>> = { en: EN };

/** The letter's text in `language` (a BCP 47 tag such as `en` or `en-GB`), or English when there is none. */
export function letterText(language: string): LetterText {
  return TEXTS[language] ?? TEXTS[language.split('-')[0]!] ?? EN;
}
