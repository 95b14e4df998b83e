/**
 * The page that shows a reporter their new receipt, once, after the first sign-in with a receipt someone else saw
 * (read out by an intake operator, printed in a letter, sent by e-mail): src/domain/reporter/receipts.ts.
 */
import { html } from './html.ts';
import type { Locale } from './locale.ts';
import { notice, page } from './layout.ts';
import { receiptLine } from './report-pages.ts';

export function newReceiptPage(loc: Locale, receipt: string): string {
  const { t } = loc;
  const main = html`<h1>${t('newReceipt.title')}</h1>
${notice(t('newReceipt.replaced'), 'warning')}
<p>${t('newReceipt.why')}</p>
<h2>${t('newReceipt.writeDown')}</h2>
${receiptLine(receipt)}
<ul class="bullets receipt-advice">
<li><strong>${t('receipt.onceBold')}</strong> ${t('receipt.once')}</li>
<li><strong>${t('newReceipt.oldGoneBold')}</strong> ${t('newReceipt.oldGone')}</li>
<li><strong>${t('receipt.safeBold')}</strong> ${t('newReceipt.safe')}</li>
</ul>
<p class="print-hint">${t('receipt.printHint')}</p>
<p><a class="button" href="/follow-up/report">${t('newReceipt.done')}</a></p>`;
  // Shown once: switching the language would open it a second time, which shows nothing.
  return page(loc, { title: t('newReceipt.title'), main, path: null });
}

export function newReceiptGonePage(loc: Locale): string {
  const { t } = loc;
  const main = html`<h1>${t('newReceipt.goneTitle')}</h1>
<p>${t('newReceipt.goneText')}</p>
<p>${t('newReceipt.stillSignedInBefore')}<a href="/follow-up/report">${t('newReceipt.stillSignedInLink')}</a>${t('newReceipt.stillSignedInAfter')}</p>`;
  return page(loc, { title: t('newReceipt.gonePageTitle'), main, path: null });
}
