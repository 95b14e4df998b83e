/** The pages of first start: the setup form and the administrator's recovery key, shown once. */
import { MIN_PASSWORD } from '../../domain/accounts/passwords.ts';
import type { Locale } from './locale.ts';
import { html, type Html } from './html.ts';
import { errorPrefix, errorSummary, notice, page, type SummaryItem } from './layout.ts';

export interface SetupState {
  token: string;
  profiles: { id: string; name: string }[];
  username: string;
  displayName: string;
  profile: string;
  /** By input: username, password, password2, profile. */
  errors: Record<string, string>;
}

/** Inputs with a label in the catalogue (`setup.labels.<name>`). */
const LABELLED: ReadonlySet<string> = new Set(['username', 'password', 'password2', 'profile']);

function errorText(loc: Locale, id: string, error: string | undefined): Html {
  return html`${error && html`<p class="error-message" id="${id}-error">${errorPrefix(loc)}${loc.msg(error)}</p>`}`;
}

function textInput(
  loc: Locale,
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
${errorText(loc, id, error)}
<input type="${attrs.type}" id="${id}" name="${name}"${attrs.value !== undefined && html` value="${attrs.value}"`} autocomplete="${attrs.autocomplete}" autocapitalize="off" spellcheck="false" maxlength="1000" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error && html` aria-invalid="true"`}>
</div>\n`;
}

export function setupPage(loc: Locale, state: SetupState): string {
  const { t } = loc;
  const items: SummaryItem[] = Object.entries(state.errors).map(([name, text]) => ({
    href: name === 'profile' ? 'f-profile-0' : `f-${name}`,
    text: t('fields.summaryItem', {
      label: LABELLED.has(name) ? t(`setup.labels.${name}`) : name,
      message: loc.msg(text),
    }),
  }));
  const profileError = state.errors.profile;
  const main = html`<h1>${t('setup.title')}</h1>
${errorSummary(loc, items)}
<p>${t('setup.intro')}</p>
<p>${t('setup.adminCannotRead')}</p>
<form method="post" action="/setup" novalidate>
<input type="hidden" name="token" value="${state.token}">
<h2>${t('setup.adminAccount')}</h2>
${textInput(loc, 'username', t('setup.labels.username'), t('setup.usernameHint'), { type: 'text', value: state.username, autocomplete: 'username' }, state.errors.username)}
<div class="field">
<label for="f-displayName">${t('setup.displayName')}</label>
<p class="hint" id="f-displayName-hint">${t('setup.displayNameHint')}</p>
<input type="text" id="f-displayName" name="displayName" value="${state.displayName}" autocomplete="name" maxlength="200" aria-describedby="f-displayName-hint">
</div>
${textInput(loc, 'password', t('setup.labels.password'), t('setup.passwordHint', { min: MIN_PASSWORD }), { type: 'password', autocomplete: 'new-password' }, state.errors.password)}
${textInput(loc, 'password2', t('setup.labels.password2'), t('setup.password2Hint'), { type: 'password', autocomplete: 'new-password' }, state.errors.password2)}
<fieldset class="field${profileError ? ' field-error' : ''}"${profileError && html` aria-describedby="f-profile-error"`}>
<legend>${t('setup.labels.profile')}</legend>
${errorText(loc, 'f-profile', profileError)}
<div class="choices">
${state.profiles.map(
  (p, i) => html`<div class="choice">
<input type="radio" id="f-profile-${i}" name="profile" value="${p.id}"${p.id === state.profile && html` checked`}>
<label for="f-profile-${i}"><bdi>${p.name}</bdi> <span class="hint-inline">(${p.id})</span></label>
</div>\n`,
)}</div>
</fieldset>
<div class="form-actions">
<button type="submit" class="button">${t('setup.title')}</button>
</div>
</form>`;
  return page(loc, {
    title: t('setup.title'),
    main,
    hasError: items.length > 0,
    path: `/setup?token=${encodeURIComponent(state.token)}`,
  });
}

export function setupDonePage(loc: Locale, recoveryKey: string): string {
  const { t } = loc;
  const main = html`<h1>${t('setup.doneTitle')}</h1>
${notice(t('setup.done'), 'success')}
<h2>${t('setup.recoveryKeyTitle')}</h2>
<p>${t('setup.recoveryKeyText')}</p>
<p class="receipt" id="recovery-key">${recoveryKey}</p>
<p>${t('setup.recoveryKeyKeep')}</p>

<h2>${t('setup.nextSteps')}</h2>
<ol class="steps">
<li>${t('setup.signInBefore')}<a href="/staff/">${t('setup.signInLink')}</a>${t('setup.signInAfter')}</li>
<li><p>${t('setup.addStaff')}</p>
<pre><code>npx confide user add --role supervisor --username NAME
npx confide user add --role custodian --username NAME</code></pre>
<p>${t('setup.addStaffWhy')}</p></li>
<li>${t('setup.checkBefore')}<a href="/">${t('setup.checkLink')}</a>${t('setup.checkAfter')}</li>
</ol>`;
  return page(loc, { title: t('setup.doneTitle'), main, path: null });
}
