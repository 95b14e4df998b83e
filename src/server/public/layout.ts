/**
 * The frame every public page shares: the page's language and direction (`<html lang dir>`), the authority's
 * name in the header, a language switcher, a skip link, one stylesheet, and small pieces used by several pages
 * (error summary, notices, plain-text paragraphs, file limits in words). Nothing here needs JavaScript.
 *
 * Every text comes from the `public` catalogue of the page's language (src/server/public/locale.ts); person-written
 * text is isolated (`dir="auto"`, `<bdi>`) so that it shows in its own direction on a page in any language.
 */
import type { FastifyReply } from 'fastify';
import type { PublishedChannel } from '../../shared/profile.ts';
import type { Channel } from '../../shared/api.ts';
import { LANGUAGE_NAMES } from '../../i18n/languages.ts';
import { html, raw, type Html } from './html.ts';
import { localeFor, type Locale } from './locale.ts';

/**
 * What to do on a shared device: closing the browser is not enough, as its history keeps the addresses visited
 * (what is typed is not kept: forms are autocomplete=off and every post is answered with a redirect).
 */
export const sharedDeviceAdvice = (loc: Locale): string => loc.t('layout.sharedDeviceAdvice');

export interface PageOptions {
  /** Page title, without the authority's name. */
  title: string;
  main: Html;
  /** Prefixes the title with "Error: " so screen reader users hear it first. */
  hasError?: boolean;
  /** Load /assets/site.js (print button, upload progress). Every page works without it. */
  script?: boolean;
  /**
   * The address of this page without its language prefix, for the language switcher; null on a page that can be
   * opened only once (the receipt), where switching would lose it: the switcher then leads to the start page.
   */
  path?: string | null;
}

/** `href="/…"` and `action="/…"`: each goes through Locale.href, which leaves the API, workspace and assets alone. */
const LOCAL_LINK = /(\s(?:href|action)=")(\/[^"]*)"/g;

/** A whole HTML document. */
export function page(loc: Locale, options: PageOptions): string {
  const { t } = loc;
  const authority = loc.profile?.authority ?? 'Confide';
  const title = `${options.hasError ? t('layout.errorPrefix') : ''}${options.title} — ${authority}`;
  const body = html`<a class="skip-link" href="#main">${t('layout.skipLink')}</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">${authority}</a>
<p class="site-tagline">${t('layout.tagline')}</p>
<!--language-switcher-->
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${options.main}
</main>
<footer class="site-footer">
<div class="wrap">
<ul class="footer-links">
<li><a href="/">${t('layout.startPage')}</a></li>
<li><a href="/follow-up">${t('layout.followUp')}</a></li>
</ul>
</div>
</footer>`.value
    .replace(LOCAL_LINK, (_all, start: string, path: string) => `${start}${loc.href(path)}"`)
    // After the rewrite: the switcher's links name their language already.
    .replace('<!--language-switcher-->', languageSwitcher(loc, options.path ?? '/').value);
  return html`<!doctype html>
<html lang="${loc.language}" dir="${loc.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
${options.script && html`<script src="/assets/site.js" defer></script>`}
</head>
<body>
${raw(body)}
</body>
</html>
`.value;
}

/** Links to this page in each other language the profile publishes, each named in its own language. */
function languageSwitcher(loc: Locale, path: string): Html {
  if (loc.languages.length < 2) return html``;
  return html`<nav class="language-switcher" aria-label="${loc.t('layout.languages')}">
<ul>
${loc.languages.map((language) =>
  language === loc.language
    ? html`<li><span lang="${language}" aria-current="true">${LANGUAGE_NAMES[language]}</span></li>\n`
    : html`<li><a href="${localeFor(loc.profile, language).href(path)}" lang="${language}" hreflang="${language}">${LANGUAGE_NAMES[language]}</a></li>\n`,
)}</ul>
</nav>`;
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, status: number, document: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(document);
}

export interface SummaryItem {
  /** The id of the input to jump to; null for a problem that belongs to no single field. */
  href: string | null;
  text: string;
}

/** "There is a problem" with one link per problem, shown at the top of a form. */
export function errorSummary(loc: Locale, items: readonly SummaryItem[], intro?: string): Html {
  if (items.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${loc.t('layout.problemTitle')}</h2>
${intro && html`<p>${intro}</p>`}
<ul>
${items.map((item) => html`<li>${item.href ? html`<a href="#${item.href}">${item.text}</a>` : item.text}</li>\n`)}
</ul>
</div>`;
}

/** The hidden "Error: " before a field's error message, for screen readers. */
export const errorPrefix = (loc: Locale): Html =>
  html`<span class="visually-hidden">${loc.t('layout.errorPrefix')}</span>`;

/** A calm confirmation or information box. */
export function notice(text: string | Html, kind: 'info' | 'success' | 'warning' = 'info'): Html {
  return html`<div class="notice notice-${kind}" role="status">${typeof text === 'string' ? html`<p>${text}</p>` : text}</div>`;
}

/**
 * Plain text as paragraphs: a blank line starts a new paragraph, a single line break stays a line break.
 * @param dir 'auto' for text a person typed: each paragraph takes its direction from its own first letter and is
 * isolated from the page around it
 */
export function paragraphs(text: string, dir?: 'auto'): Html {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  const open = dir ? html`<p dir="${dir}">` : html`<p>`;
  return html`${blocks.map((block) => html`${open}${block.split('\n').map((line, i) => html`${i > 0 && html`<br>`}${line}`)}</p>\n`)}`;
}

/**
 * The progress bar of a form that sends files, shown by site.js while it uploads; what it says comes from the
 * catalogue through data attributes (`{percent}` is filled in by the script).
 */
export function uploadProgress(loc: Locale, label: string): Html {
  const { t } = loc;
  return html`<div class="upload-progress" hidden data-sending="${t('upload.sending')}" data-sent="${t('upload.sent', { percent: '{percent}' })}" data-stored="${t('upload.storing')}" data-failed="${t('upload.failed')}">
<label for="upload-progress">${label}</label>
<progress id="upload-progress" max="100" value="0"></progress>
<p class="upload-status" role="status"></p>
</div>`;
}

/** "up to 20 files, 100 MiB each" */
export function fileLimitsText(loc: Locale, files: { maxFiles: number; maxFileBytes: number }): string {
  return loc.t('layout.fileLimits', { count: files.maxFiles, size: loc.bytes(files.maxFileBytes) });
}

/** What the channel protects and what it does not, as two labelled lines: the profile's words, else ours. */
function protection(loc: Locale, channel: PublishedChannel): Html | null {
  const known = DEFAULT_PROTECTION.has(channel.kind);
  const protects = channel.protects ?? (known ? loc.t(`channels.${channel.kind}.protects`) : undefined);
  const exposes = channel.exposes ?? (known ? loc.t(`channels.${channel.kind}.exposes`) : undefined);
  return (
    (protects &&
      exposes &&
      html`<dl class="channel-protection">
<dt>${loc.t('layout.protects')}</dt><dd>${protects}</dd>
<dt>${loc.t('layout.doesNotProtect')}</dt><dd>${exposes}</dd>
</dl>`) ||
    null
  );
}
/** Kinds of channel with default texts in the catalogue (`channels.<kind>`); see src/shared/channels.ts. */
const DEFAULT_PROTECTION: ReadonlySet<Channel> = new Set(['web', 'phone', 'post', 'email', 'in_person']);

/** The published channels, as a list a person can act on. */
export function channelList(loc: Locale, channels: readonly PublishedChannel[]): Html {
  return html`<ul class="channels">
${channels.map(
  (channel) => html`<li class="channel">
<h3>${channel.label}</h3>
<p class="channel-value" dir="auto">${channel.value}</p>
${channel.hours && html`<p class="channel-hours">${channel.hours}</p>`}
${protection(loc, channel)}
</li>\n`,
)}
</ul>`;
}
