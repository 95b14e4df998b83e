/**
 * The frame every public page shares: language from the profile, the authority's name in the header, a skip
 * link, one stylesheet, and small pieces used by several pages (error summary, notices, plain-text paragraphs,
 * dates and sizes in words). Nothing here needs JavaScript.
 */
import { formatBytes } from '../../shared/format.ts';
import type { FastifyReply } from 'fastify';
import type { Profile, PublishedChannel } from '../../shared/profile.ts';
import { channelProtection } from '../../shared/channels.ts';
import { html, type Html } from './html.ts';

/**
 * What to do on a shared device: closing the browser is not enough, as its history keeps the addresses visited
 * (what is typed is not kept: forms are autocomplete=off and every post is answered with a redirect).
 */
export const SHARED_DEVICE_ADVICE =
  "If others use this device and this is not a private window, delete this site from the browser's history: closing the browser does not remove it.";

export interface PageOptions {
  /** Page title, without the authority's name. */
  title: string;
  main: Html;
  /** Prefixes the title with "Error: " so screen reader users hear it first. */
  hasError?: boolean;
  /** Load /assets/site.js (print button, upload progress). Every page works without it. */
  script?: boolean;
}

export type PageProfile = Pick<Profile, 'authority' | 'language'>;

/** A whole HTML document. */
export function page(profile: PageProfile | null, options: PageOptions): string {
  const authority = profile?.authority ?? 'Confide';
  const title = `${options.hasError ? 'Error: ' : ''}${options.title} — ${authority}`;
  return html`<!doctype html>
<html lang="${profile?.language ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="stylesheet" href="/assets/site.css">
${options.script && html`<script src="/assets/site.js" defer></script>`}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">${authority}</a>
<p class="site-tagline">Confidential reporting</p>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${options.main}
</main>
<footer class="site-footer">
<div class="wrap">
<ul class="footer-links">
<li><a href="/">Start page</a></li>
<li><a href="/follow-up">Follow up on a report</a></li>
</ul>
</div>
</footer>
</body>
</html>
`.value;
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
export function errorSummary(items: readonly SummaryItem[], intro?: string): Html {
  if (items.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
${intro && html`<p>${intro}</p>`}
<ul>
${items.map((item) => html`<li>${item.href ? html`<a href="#${item.href}">${item.text}</a>` : item.text}</li>\n`)}
</ul>
</div>`;
}

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

/** `15 March 2024` (UTC, the profile's language). */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `15 March 2024, 14:05 UTC`. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}

export { formatBytes };

/** "up to 20 files, 100 MiB each" */
export function fileLimitsText(files: { maxFiles: number; maxFileBytes: number }): string {
  return `up to ${files.maxFiles} ${files.maxFiles === 1 ? 'file' : 'files'}, ${formatBytes(files.maxFileBytes)} each`;
}

/** The published channels, as a list a person can act on. */
/** What the channel protects and what it does not, as two labelled lines. */
function protection(channel: PublishedChannel): Html | null {
  const told = channelProtection(channel);
  return (
    told &&
    html`<dl class="channel-protection">
<dt>Protects</dt><dd>${told.protects}</dd>
<dt>Does not protect</dt><dd>${told.exposes}</dd>
</dl>`
  );
}

export function channelList(channels: readonly PublishedChannel[]): Html {
  return html`<ul class="channels">
${channels.map(
  (channel) => html`<li class="channel">
<h3>${channel.label}</h3>
<p class="channel-value">${channel.value}</p>
${channel.hours && html`<p class="channel-hours">${channel.hours}</p>`}
${protection(channel)}
</li>\n`,
)}
</ul>`;
}
