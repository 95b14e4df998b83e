/** The pages of first start: the setup form and the administrator's recovery key, shown once. */
import { MIN_PASSWORD } from '../../domain/accounts/passwords.ts';
import type { Profile } from '../../shared/profile.ts';
import { html, type Html } from './html.ts';
import { errorSummary, notice, page, type SummaryItem } from './layout.ts';

export interface SetupState {
  token: string;
  profiles: { id: string; name: string }[];
  username: string;
  displayName: string;
  profile: string;
  /** By input: username, password, password2, profile. */
  errors: Record<string, string>;
}

const LABELS: Record<string, string> = {
  username: 'Username',
  password: 'Password',
  password2: 'Password again',
  profile: 'Profile',
};

function errorText(id: string, error: string | undefined): Html {
  return html`${error && html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>`}`;
}

function textInput(
  name: string,
  label: string,
  hint: string,
  attrs: { type: string; value?: string; autocomplete: string },
  error: string | undefined,
): Html {
  const id = `f-${name}`;
  return html`<div class="field${error ? ' field-error' : ''}">
<label for="${id}">${label}</label>
<p class="hint" id="${id}-hint">${hint}</p>
${errorText(id, error)}
<input type="${attrs.type}" id="${id}" name="${name}"${attrs.value !== undefined && html` value="${attrs.value}"`} autocomplete="${attrs.autocomplete}" autocapitalize="off" spellcheck="false" maxlength="1000" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error && html` aria-invalid="true"`}>
</div>\n`;
}

export function setupPage(profile: Profile, state: SetupState): string {
  const items: SummaryItem[] = Object.entries(state.errors).map(([name, text]) => ({
    href: name === 'profile' ? 'f-profile-0' : `f-${name}`,
    text: `${LABELS[name] ?? name}: ${text}`,
  }));
  const profileError = state.errors.profile;
  const main = html`<h1>Set up Confide</h1>
${errorSummary(items)}
<p>This page creates the first administrator account and chooses the deployment profile: the texts, channels and kinds of report the public sees. It works only once, with the link printed on the server console.</p>
<p>The administrator manages configuration and users. An administrator cannot read reports.</p>
<form method="post" action="/setup" novalidate>
<input type="hidden" name="token" value="${state.token}">
<h2>Administrator account</h2>
${textInput('username', 'Username', 'Lower-case letters, digits, dot, dash or underscore.', { type: 'text', value: state.username, autocomplete: 'username' }, state.errors.username)}
<div class="field">
<label for="f-displayName">Display name (optional)</label>
<p class="hint" id="f-displayName-hint">How other staff see this account, for example your name.</p>
<input type="text" id="f-displayName" name="displayName" value="${state.displayName}" autocomplete="name" maxlength="200" aria-describedby="f-displayName-hint">
</div>
${textInput('password', 'Password', `At least ${MIN_PASSWORD} characters, and hard to guess: a few unrelated words make a strong password that is easy to type. Your name, username or a common password will be refused.`, { type: 'password', autocomplete: 'new-password' }, state.errors.password)}
${textInput('password2', 'Password again', 'Type the same password again, to be sure it has no typing mistake.', { type: 'password', autocomplete: 'new-password' }, state.errors.password2)}
<fieldset class="field${profileError ? ' field-error' : ''}"${profileError && html` aria-describedby="f-profile-error"`}>
<legend>Profile</legend>
${errorText('f-profile', profileError)}
<div class="choices">
${state.profiles.map(
  (p, i) => html`<div class="choice">
<input type="radio" id="f-profile-${i}" name="profile" value="${p.id}"${p.id === state.profile && html` checked`}>
<label for="f-profile-${i}">${p.name} <span class="hint-inline">(${p.id})</span></label>
</div>\n`,
)}</div>
</fieldset>
<div class="form-actions">
<button type="submit" class="button">Set up Confide</button>
</div>
</form>`;
  return page(profile, { title: 'Set up Confide', main, hasError: items.length > 0 });
}

export function setupDonePage(profile: Profile, recoveryKey: string): string {
  const main = html`<h1>Confide is set up</h1>
${notice('The administrator account has been created and the profile chosen.', 'success')}
<h2>Your recovery key</h2>
<p>If you forget your password, this key is the only way back into the administrator account. It is shown only this once.</p>
<p class="receipt" id="recovery-key">${recoveryKey}</p>
<p>Write it down or print it now (use your browser's print command), and keep it offline in a safe place. Nobody can recover it for you.</p>

<h2>Next steps</h2>
<ol class="steps">
<li>Sign in to the <a href="/staff/">staff workspace</a> with your username and password.</li>
<li><p>On the server, add the first supervisor and the first identity custodian:</p>
<pre><code>npx confide user add --role supervisor --username NAME
npx confide user add --role custodian --username NAME</code></pre>
<p>The web form accepts reports only once both exist, so that every report can be opened by someone. Until then the start page points the public to the other channels.</p></li>
<li>Open the <a href="/">start page</a> and check the texts and channels the public will see.</li>
</ol>`;
  return page(profile, { title: 'Confide is set up', main });
}
