/** The start page: who runs the channel, how to reach it, what happens to a report, the reporter's rights. */
import type { Profile } from '../../shared/profile.ts';
import { html, type Html } from './html.ts';
import { channelList, notice, page, paragraphs } from './layout.ts';
import type { Locale } from './locale.ts';

export interface LandingState {
  accepting: boolean;
  needsSetup: boolean;
}

/** Where to send someone when the web form cannot take their report. */
export function otherChannels(loc: Locale, profile: Profile): Html {
  const others = profile.channels.filter((c) => c.kind !== 'web');
  return others.length > 0
    ? html`<p>${loc.t('landing.otherChannelsInstead')}</p>\n${channelList(loc, others)}`
    : html`<p>${loc.t('landing.tryLater')}</p>`;
}

export function landingPage(loc: Locale, profile: Profile, state: LandingState): string {
  const { t } = loc;
  const { landing } = profile;
  const makeReport = state.accepting
    ? html`<p>${t('landing.chooseCategory')}</p>
<ul class="category-list">
${profile.categories.map(
  (c) => html`<li>
<a class="category-link" href="/report/${encodeURIComponent(c.id)}">${c.title}</a>
<p>${c.description}</p>
</li>\n`,
)}</ul>`
    : html`${notice(html`<p><strong>${t('landing.notTakingReports')}</strong></p>`, 'warning')}
${otherChannels(loc, profile)}`;

  const main = html`<h1>${profile.name}</h1>
${
  state.needsSetup &&
  notice(html`<p><strong>${t('landing.setupNoteLabel')}</strong> ${t('landing.setupNote')}</p>`, 'info')
}
${paragraphs(landing.intro)}

<section aria-labelledby="safety">
<h2 id="safety">${t('landing.safetyTitle')}</h2>
<ul class="bullets">
${landing.safetyAdvice.map((advice) => html`<li>${advice}</li>\n`)}</ul>
</section>

<section aria-labelledby="make-report">
<h2 id="make-report">${t('landing.makeReportTitle')}</h2>
${makeReport}
</section>

<section aria-labelledby="follow-up">
<h2 id="follow-up">${t('landing.followUpTitle')}</h2>
<p>${t('landing.followUpText')}</p>
<p><a class="button button-secondary" href="/follow-up">${t('landing.followUpTitle')}</a></p>
</section>

<section aria-labelledby="what-happens">
<h2 id="what-happens">${t('landing.whatHappensTitle')}</h2>
<ol class="steps">
${landing.whatHappens.map((step) => html`<li>${step}</li>\n`)}</ol>
</section>

<section aria-labelledby="rights">
<h2 id="rights">${t('landing.rightsTitle')}</h2>
${landing.rights.map((right) => html`<h3>${right.title}</h3>\n${paragraphs(right.text)}`)}
</section>

<section aria-labelledby="false-reports">
<h2 id="false-reports">${t('landing.falseReportsTitle')}</h2>
<div class="warning-text">${paragraphs(landing.falseReportWarning)}</div>
</section>

<section aria-labelledby="channels">
<h2 id="channels">${t('landing.channelsTitle')}</h2>
<p>${t('landing.channelsText')}</p>
${channelList(loc, profile.channels)}
</section>`;
  return page(loc, { title: t('landing.title'), main, path: '/' });
}
