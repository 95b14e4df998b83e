import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.ts';
import { errorSummary, fileLimitsText, page, paragraphs } from './layout.ts';
import { localeFor } from './locale.ts';
import type { Profile } from '../../shared/profile.ts';

const EN = localeFor(null, 'en');

describe('html', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated string and number, but not the template itself', () => {
    const evil = '"><script>alert(1)</script>';
    expect(html`<input value="${evil}">`.value).toBe('<input value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(html`<p>${42}</p>`.value).toBe('<p>42</p>');
  });

  it('does not escape raw() or nested html, and joins arrays', () => {
    expect(html`<p>${raw('<b>bold</b>')}</p>`.value).toBe('<p><b>bold</b></p>');
    const items = ['a&b', '<c>'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>');
  });

  it('renders nothing for null, undefined and booleans, so conditions read naturally', () => {
    const shown = false as boolean;
    expect(html`[${null}${undefined}${true}${shown && html`<b>x</b>`}]`.value).toBe('[]');
  });
});

describe('layout pieces', () => {
  it('builds a page with the profile language, the authority, one stylesheet and no inline style or script', () => {
    const profile = { authority: 'Office <A&B>', language: 'en', languages: ['en'] } as unknown as Profile;
    const doc = page(localeFor(profile, 'en'), { title: 'Start', main: html`<p>Hi</p>`, hasError: true });
    expect(doc).toContain('<html lang="en" dir="ltr">');
    expect(doc).toContain('<title>Error: Start — Office &lt;A&amp;B&gt;</title>');
    expect(doc).toContain('<link rel="stylesheet" href="/assets/site.css">');
    expect(doc).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(doc).toContain('<main id="main" class="wrap" tabindex="-1">');
    expect(doc).not.toMatch(/style=|<style|<script/);
  });

  it('links each problem of the error summary to its field', () => {
    const summary = errorSummary(EN, [
      { href: 'f-what', text: 'What happened?: Please answer this question.' },
      { href: null, text: 'The file “a<b>.txt” is empty.' },
    ]).value;
    expect(summary).toContain('<h2 id="error-summary-title">There is a problem</h2>');
    expect(summary).toContain('<li><a href="#f-what">What happened?: Please answer this question.</a></li>');
    expect(summary).toContain('<li>The file “a&lt;b&gt;.txt” is empty.</li>');
    expect(errorSummary(EN, []).value).toBe('');
  });

  it('turns plain text into paragraphs and line breaks, whatever the line endings', () => {
    expect(paragraphs('One\r\ntwo\r\n\r\n<three>').value).toBe('<p>One<br>two</p>\n<p>&lt;three&gt;</p>\n');
  });

  it('says file limits in words', () => {
    expect(fileLimitsText(EN, { maxFiles: 20, maxFileBytes: 100 * 1024 * 1024 })).toBe('up to 20 files, 100 MiB each');
    expect(fileLimitsText(EN, { maxFiles: 1, maxFileBytes: 1536 })).toBe('up to 1 file, 1.5 KiB each');
    expect(EN.bytes(12)).toBe('12 bytes');
    expect(localeFor(null, 'zh-CN').bytes(12)).toBe('12 字节');
  });
});
