/**
 * Text people typed, as Chromium lays it out on the reporter's follow-up page and in the staff workspace, at 1280
 * and 390 px: a message with an unclosed right-to-left override (U+202E) leaves the words around it in their order,
 * and a letter carrying 50 combining marks keeps only a few, inside a box that clips the rest.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_STACKED_MARKS } from '../../src/shared/text.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { servedApp } from './workspace.ts';

const ACUTE = '\u0301';
const HOSTILE = `Before \u202Eevil.exe after q${ACUTE.repeat(50)}`;
const WIDTHS = [1280, 390];

interface Layout {
  /** Left and right edges (px) of each word as laid out, in the first `selector` element holding it. */
  words: Record<string, { left: number; right: number; top: number }>;
  /** Combining acute accents left in the element's text. */
  marks: number;
  /** The element's computed overflow (clipped: 'clip'). */
  overflow: string;
  /** Whether the page scrolls sideways. */
  scrollsSideways: boolean;
}

/** Where `words` are laid out inside the first element matching `selector` that contains the first of them. */
async function layoutOf(page: Page, selector: string, words: string[]): Promise<Layout> {
  return page.evaluate(
    ({ selector, words, acute }) => {
      const element = [...document.querySelectorAll(selector)].find((e) => e.textContent?.includes(words[0]!))!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const boxes: Record<string, { left: number; right: number; top: number }> = {};
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (const word of words) {
          const at = node.textContent!.indexOf(word);
          if (at < 0 || boxes[word]) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const { left, right, top } = range.getBoundingClientRect();
          boxes[word] = { left, right, top };
        }
      return {
        words: boxes,
        marks: [...(element.textContent ?? '')].filter((c) => c === acute).length,
        overflow: getComputedStyle(element).overflowY,
        scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    },
    { selector, words, acute: ACUTE },
  );
}

/** The words are laid out left to right on one line, in the order given. */
function expectInOrder(layout: Layout, words: string[]): void {
  const boxes = words.map((w) => layout.words[w]!);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.top).toBe(boxes[0]!.top);
    expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
  }
}

describe.runIf(HAVE_CHROMIUM)('user text in the browser', () => {
  const web = servedApp();

  it('keeps the order of the words around a bidi override and clips stacked marks', async () => {
    const c = await submitCase(web.t, { answers: { what_happened: HOSTILE, danger: 'no' } });
    const sup = await actor(web.t, 'supervisor');
    for (const body of [HOSTILE, 'The next message.'])
      expect(
        (await sup.send('POST', `/api/v1/cases/${c.id}/messages`, { body, visibility: 'reporter' })).statusCode,
      ).toBe(201);

    const reporter = await web.page(true);
    await reporter.goto(`${web.base}/follow-up`);
    await reporter.getByRole('textbox', { name: 'Your receipt' }).fill(c.receipt);
    await reporter.getByRole('button', { name: 'Continue' }).click();
    await reporter.getByText('The next message.').waitFor();

    const staff = await web.signedIn('supervisor');
    await staff.goto(`${web.base}/staff/cases/${encodeURIComponent(c.id)}`);
    await staff.getByText('The next message.').waitFor();

    const views: [Page, string][] = [
      [reporter, '.message-body p'],
      [reporter, '.answer dd'],
      [staff, '.message-body'],
      [staff, '.answer-text'],
    ];
    for (const width of WIDTHS)
      for (const [page, selector] of views) {
        await page.setViewportSize({ width, height: 900 });
        const layout = await layoutOf(page, selector, ['Before', 'evil', 'exe', 'after']);
        expectInOrder(layout, ['Before', 'evil', 'exe', 'after']);
        expect(layout.marks).toBe(MAX_STACKED_MARKS);
        expect(layout.overflow, `${selector} at ${width} px`).toBe('clip');
        expect(layout.scrollsSideways).toBe(false);
      }
  });
});
