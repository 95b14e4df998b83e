/**
 * The page that shows a reporter their new receipt, once, after the first sign-in with a receipt someone else saw
 * (read out by an intake operator, printed in a letter, sent by e-mail): src/domain/reporter/receipts.ts.
 */
import type { Profile } from '../../shared/profile.ts';
import { html } from './html.ts';
import { notice, page } from './layout.ts';
import { receiptLine } from './report-pages.ts';

export function newReceiptPage(profile: Profile, receipt: string): string {
  const main = html`<h1>Your new receipt</h1>
${notice('The receipt you were given has been replaced. It no longer works: from now on, only the receipt below opens your report.', 'warning')}
<p>Someone else saw the receipt you were given, because it was read out to you or sent to you. So that only you can open your report, you get a new one now.</p>
<h2>Write this down</h2>
${receiptLine(receipt)}
<ul class="bullets receipt-advice">
<li><strong>This page shows it only once.</strong> We cannot show it again, send it to you or recover it if it is lost.</li>
<li><strong>The receipt the operator gave you no longer works.</strong> Cross it out or destroy the letter it came in.</li>
<li><strong>Keep it safe and private.</strong> Anyone who has it can read your report and the replies. Nobody from us will ever ask you for it.</li>
</ul>
<p class="print-hint">To print this page, use your browser's print command.</p>
<p><a class="button" href="/follow-up/report">I have written it down: go to my report</a></p>`;
  return page(profile, { title: 'Your new receipt', main });
}

export function newReceiptGonePage(profile: Profile): string {
  const main = html`<h1>The new receipt is no longer shown</h1>
<p>Your receipt was replaced when you signed in, and the new one is shown only once. This page has already been opened, or it has expired.</p>
<p>You are still signed in for now: <a href="/follow-up/report">go to your report</a>. If you did not write the new receipt down, we cannot show it again or recover it: the receipt you were given no longer works. Before you sign out, write to the staff on your report page that you lost it; you can make a new report later and mention this one.</p>`;
  return page(profile, { title: 'New receipt no longer shown', main });
}
