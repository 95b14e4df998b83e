/** The public pages before reports can be taken: pointing to other channels, and setting up the first administrator. */
import { describe, expect, it } from 'vitest';
import { issueSetupToken, needsSetup } from '../../domain/accounts/setup.ts';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { form } from '../../../test/helpers/public-pages.ts';

describe('public pages before reports can be taken', () => {
  it('points to the other channels while no supervisor and custodian exist', async () => {
    const t = await buildTestApp({ roles: ['administrator'] });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.body).toContain('This web form is not taking reports yet.');
      expect(res.body).not.toContain('href="/report/');
      expect(res.body).not.toContain('Note for the operator');
      const form = await t.app.inject({ method: 'GET', url: '/report/espionage' });
      expect(form.statusCode).toBe(503);
      expect(form.body).toContain('<p class="channel-value" dir="auto">+00 000 000 0000</p>');
    } finally {
      await t.close();
    }
  });

  it('sets up the first administrator with the one-time link and shows the recovery key once', async () => {
    const t = await buildTestApp({ roles: [] });
    try {
      const landing = await t.app.inject({ method: 'GET', url: '/' });
      expect(landing.body).toContain('Note for the operator');
      expect((await t.app.inject({ method: 'GET', url: '/setup' })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/setup?token=wrong' })).statusCode).toBe(403);

      const token = await issueSetupToken(t.deps);
      const page = await t.app.inject({ method: 'GET', url: `/setup?token=${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(
        /<input type="radio" id="f-profile-\d" name="profile" value="national-security" checked>/,
      );

      const fields = {
        token,
        username: 'admin',
        displayName: 'Ada <Admin>',
        password: 'a long enough password',
        password2: 'a different password',
        profile: 'eu-whistleblowing',
      };
      const mismatch = await t.app.inject({ method: 'POST', url: '/setup', ...form(fields) });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.body).toContain('<a href="#f-password2">Password again: The two passwords are not the same.');
      expect(mismatch.body).toContain('value="Ada &lt;Admin&gt;"');
      expect(mismatch.body).not.toContain('a long enough password');
      expect(mismatch.body).toMatch(/value="eu-whistleblowing" checked>/);
      const weak = await t.app.inject({
        method: 'POST',
        url: '/setup',
        ...form({ ...fields, password: 'aaaaaaaaaaaa', password2: 'aaaaaaaaaaaa' }),
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.body).toContain(
        '<a href="#f-password">Password: This password is too easy to guess. Repeated characters like &quot;aaa&quot; are easy to guess.',
      );
      expect(await needsSetup(t.deps)).toBe(true);

      const done = await t.app.inject({
        method: 'POST',
        url: '/setup',
        ...form({ ...fields, password2: fields.password }),
      });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toMatch(/^\/setup\/done\/[A-Za-z0-9_-]{43}$/);
      const shown = await t.app.inject({ method: 'GET', url: done.headers.location! });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toMatch(/<p class="receipt" id="recovery-key">[^<]{20,}<\/p>/);
      expect(shown.body).toContain('npx confide user add --role supervisor --username NAME');
      expect(shown.body).toContain('<html lang="en" dir="ltr">');
      expect((await t.app.inject({ method: 'GET', url: done.headers.location! })).statusCode).toBe(404);
      expect(await needsSetup(t.deps)).toBe(false);
      expect(t.deps.profile().id).toBe('eu-whistleblowing');
      expect((await t.app.inject({ method: 'GET', url: `/setup?token=${token}` })).statusCode).toBe(409);
    } finally {
      await t.close();
    }
  });
});
