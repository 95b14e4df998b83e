/** The start page: who runs the channel, how to reach it, what happens to a report, the reporter's rights. */
import type { Profile } from '../../shared/profile.ts';
import { html, type Html } from './html.ts';
import { channelList, notice, page, paragraphs } from './layout.ts';

export interface LandingState {
  accepting: boolean;
  needsSetup: boolean;
}

/** Where to send someone when the web form cannot take their report. */
export function otherChannels(profile: Profile): Html {
  const others = profile.channels.filter((c) => c.kind !== 'web');
  return others.length > 0
    ? html`<p>You can make a report through one of these channels instead:</p>\n${channelList(others)}`
    : html`<p>Please try again later.</p>`;
}

export function landingPage(profile: Profile, state: LandingState): string {
  const { landing } = profile;
  const makeReport = state.accepting
    ? html`<p>Choose what your report is about. You can describe it in your own words on the next page.</p>
<ul class="category-list">
${profile.categories.map(
  (c) => html`<li>
<a class="category-link" href="/report/${encodeURIComponent(c.id)}">${c.title}</a>
<p>${c.description}</p>
</li>\n`,
)}</ul>`
    : html`${notice(html`<p><strong>This web form is not taking reports yet.</strong></p>`, 'warning')}
${otherChannels(profile)}`;

  const main = html`<h1>${profile.name}</h1>
${
  state.needsSetup &&
  notice(
    html`<p><strong>Note for the operator:</strong> Confide has not been set up yet. Open the setup link that was printed on the server console when it started.</p>`,
    'info',
  )
}
${paragraphs(landing.intro)}

<section aria-labelledby="safety">
<h2 id="safety">Before you start: stay safe</h2>
<ul class="bullets">
${landing.safetyAdvice.map((advice) => html`<li>${advice}</li>\n`)}</ul>
</section>

<section aria-labelledby="make-report">
<h2 id="make-report">Make a report</h2>
${makeReport}
</section>

<section aria-labelledby="follow-up">
<h2 id="follow-up">Follow up on a report</h2>
<p>If you have already made a report, you can check its status, read replies and add information with your receipt.</p>
<p><a class="button button-secondary" href="/follow-up">Follow up on a report</a></p>
</section>

<section aria-labelledby="what-happens">
<h2 id="what-happens">What happens to a report</h2>
<ol class="steps">
${landing.whatHappens.map((step) => html`<li>${step}</li>\n`)}</ol>
</section>

<section aria-labelledby="rights">
<h2 id="rights">Your rights</h2>
${landing.rights.map((right) => html`<h3>${right.title}</h3>\n${paragraphs(right.text)}`)}
</section>

<section aria-labelledby="false-reports">
<h2 id="false-reports">Honest reports only</h2>
<div class="warning-text">${paragraphs(landing.falseReportWarning)}</div>
</section>

<section aria-labelledby="channels">
<h2 id="channels">Other ways to report</h2>
<p>You can also report by any of these channels. Your report is treated the same way.</p>
${channelList(profile.channels)}
</section>`;
  return page(profile, { title: 'Make a report', main });
}
