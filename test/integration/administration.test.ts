/**
 * The administered profile: drafts kept as typed, publication at once with one administrator and after a second
 * administrator's approval with two, wording that needs no approval, stale drafts, role and category-staff
 * changes, the profile in force after a restart, notice templates, preview and export.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfileInForce } from '../../src/domain/administration/profile.ts';
import { feedbackTemplates } from '../../src/domain/cases/feedback.ts';
import type { AdminProfileView, ProfileSource } from '../../src/shared/administration.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { addStaff } from '../helpers/staff-work.ts';

const tr = (en: string) => ({ en, 'zh-CN': `${en}（中文）`, ar: `${en} (ع)` });

/** A category with a questionnaire of three questions, texts in the profile's three languages. */
const HARASSMENT = {
  id: 'harassment',
  title: tr('Harassment of a witness'),
  description: tr('Someone is pressing a witness to stay silent.'),
  kind: 'report',
  policy: {
    acknowledgementDays: 7,
    feedbackDays: 90,
    urgentResponseHours: 24,
    retentionDays: 365,
    showDueDateToReporter: true,
  },
  fields: [
    { id: 'what_happened', type: 'long_text', label: tr('What happened?'), required: true },
    {
      id: 'ongoing',
      type: 'single_choice',
      label: tr('Is it still going on?'),
      options: [
        { value: 'yes', label: tr('Yes') },
        { value: 'no', label: tr('No') },
      ],
    },
  ],
};

async function view(admin: Actor): Promise<AdminProfileView> {
  const res = await admin.get('/api/v1/admin/profile');
  expect(res.statusCode).toBe(200);
  return res.json() as AdminProfileView;
}

const withCategory = (source: ProfileSource) => ({
  ...source,
  categories: [...(source.categories as unknown[]), HARASSMENT],
});

describe.each(DIALECTS)('administration (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(() => t?.close());

  it('keeps an invalid draft with its problems by path, and refuses to publish it', async () => {
    const admin = await actor(t, 'administrator');
    const { published } = await view(admin);
    expect(published.number).toBe(0);
    const broken = { ...published.source, timeZone: 'Mars/Olympus' };
    const saved = await admin.send('PUT', '/api/v1/admin/profile/draft', { source: broken, baseNumber: 0 });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as { problems: unknown[] }).problems).toEqual([
      {
        path: 'timeZone',
        message:
          '"Mars/Olympus" is not a time zone — use an IANA name, e.g. "Asia/Shanghai", "Europe/Brussels" or "UTC"',
      },
    ]);
    expect((await view(admin)).draft?.source.timeZone).toBe('Mars/Olympus');
    const publish = await admin.send('POST', '/api/v1/admin/profile/publish', { baseNumber: 0 });
    expect([publish.statusCode, errorId(publish)]).toEqual([422, 'profile_invalid']);
    expect(await admin.send('DELETE', '/api/v1/admin/profile/draft')).toHaveProperty('statusCode', 204);
  });

  it('with one administrator publishes a new category at once; the public form asks its questions', async () => {
    const admin = await actor(t, 'administrator');
    const { published } = await view(admin);
    const source = withCategory(published.source);
    await admin.send('PUT', '/api/v1/admin/profile/draft', { source, baseNumber: published.number });
    const preview = await admin.send('POST', '/api/v1/admin/profile/preview', {
      source,
      category: 'harassment',
      language: 'zh-CN',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h1>Harassment of a witness（中文）</h1>');
    expect(preview.body).toContain('预览——尚未发布');
    expect(preview.body).toContain('<button type="submit" disabled');
    expect((await t.app.inject({ url: '/report/harassment' })).statusCode).toBe(404);

    const publish = await admin.send('POST', '/api/v1/admin/profile/publish', { baseNumber: 0, note: 'new category' });
    expect(publish.json()).toEqual({ outcome: 'applied', versionNumber: 1 });
    const form = await t.app.inject({ url: '/report/harassment' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('What happened?');
    expect(t.deps.profile().categories.map((c) => c.id)).toContain('harassment');

    const after = await view(admin);
    expect(after.published.number).toBe(1);
    expect(after.published.publishedBy).toBe('Test administrator');
    expect(after.published.diff.map((d) => [d.kind, d.path])).toEqual([['added', 'categories[6]']]);
    expect(after.draft).toBeNull();
    const audited = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject', 'reason'])
      .where('action', '=', 'profile.publish')
      .execute();
    expect(audited).toEqual([
      {
        actor: t.users.administrator.id,
        subject: 'profile:1',
        reason: 'version 1: 1 difference(s): added categories[6]',
      },
    ]);
    // After a restart, the published version is in force, not the files.
    const inForce = await loadProfileInForce(t.deps.db, path.resolve('profiles/national-security'));
    expect(inForce.categories.map((c) => c.id)).toContain('harassment');
  });

  it('with two administrators, a new question waits for the other one; wording alone does not', async () => {
    const second = await addStaff(t.deps, 'admin2', 'administrator');
    expect(second).toBeTruthy();
    const admin = await actor(t, 'administrator');
    const other = await actor(t, 'admin2');
    const { published } = await view(admin);
    const categories = structuredClone(published.source.categories) as (typeof HARASSMENT)[];
    const harassment = categories.find((c) => c.id === 'harassment')!;
    harassment.fields.push({ id: 'where', type: 'short_text', label: tr('Where?'), required: false } as never);
    const source = { ...published.source, categories };
    await admin.send('PUT', '/api/v1/admin/profile/draft', { source, baseNumber: 1 });
    const publish = await admin.send('POST', '/api/v1/admin/profile/publish', { baseNumber: 1 });
    const pending = publish.json() as { outcome: string; change: { id: string; mine: boolean; subject: string } };
    expect([pending.outcome, pending.change.mine, pending.change.subject]).toEqual([
      'pending',
      true,
      'Profile version 2',
    ]);
    expect((await t.app.inject({ url: '/report/harassment' })).body).not.toContain('Where?');

    const own = await admin.send('POST', `/api/v1/admin/changes/${pending.change.id}/approve`);
    expect([own.statusCode, errorId(own)]).toEqual([409, 'own_change']);
    const approved = await other.send('POST', `/api/v1/admin/changes/${pending.change.id}/approve`);
    expect(approved.json()).toEqual({ outcome: 'applied', versionNumber: 2 });
    expect((await t.app.inject({ url: '/report/harassment' })).body).toContain('Where?');
    const v2 = (await view(other)).published;
    expect([v2.publishedBy, v2.approvedBy]).toEqual(['Test administrator', 'admin2']);

    // A new title is wording: published at once even with two administrators.
    const reworded = structuredClone(v2.source) as ProfileSource & { categories: (typeof HARASSMENT)[] };
    reworded.categories.find((c) => c.id === 'harassment')!.title = tr('Pressure on a witness');
    await other.send('PUT', '/api/v1/admin/profile/draft', { source: reworded, baseNumber: 2 });
    expect((await view(other)).draft?.needsApproval).toBe(false);
    const wording = await other.send('POST', '/api/v1/admin/profile/publish', { baseNumber: 2 });
    expect(wording.json()).toEqual({ outcome: 'applied', versionNumber: 3 });

    // A draft started from version 2 is stale now.
    await admin.send('PUT', '/api/v1/admin/profile/draft', { source: v2.source, baseNumber: 2 });
    const stale = await admin.send('POST', '/api/v1/admin/profile/publish', { baseNumber: 2 });
    expect([stale.statusCode, errorId(stale)]).toEqual([409, 'stale_draft']);
  });

  it('with two administrators, role and category-staff changes wait; the last administrator keeps the role', async () => {
    const admin = await actor(t, 'administrator');
    const other = await actor(t, 'admin2');
    const carla = await addStaff(t.deps, 'carla', 'handler');
    const role = await admin.send('PUT', `/api/v1/users/${carla}/role`, { role: 'supervisor' });
    const body = role.json() as { outcome: string; user: { role: string }; change: { id: string } };
    expect([body.outcome, body.user.role]).toEqual(['pending', 'handler']);
    const approved = await other.send('POST', `/api/v1/admin/changes/${body.change.id}/approve`);
    expect(approved.json()).toEqual({ outcome: 'applied' });
    const list = (await other.get('/api/v1/users')).json() as { users: { id: string; role: string }[] };
    expect(list.users.find((u) => u.id === carla)?.role).toBe('supervisor');
    // The audit log names the person changed, not their id.
    const oversight = await actor(t, 'oversight');
    const log = (await oversight.get('/api/v1/audit?action=user.role')).json() as {
      items: { subject: string; subjectText: string; reason: string }[];
    };
    expect(log.items[0]).toMatchObject({
      subject: `user:${carla}`,
      subjectText: 'carla',
      reason: `handler → supervisor (requested by user:${t.users.administrator.id})`,
    });

    const cats = await admin.send('PUT', `/api/v1/users/${carla}/categories`, { categories: ['leak'] });
    const catBody = cats.json() as { outcome: string; change: { id: string } };
    expect(catBody.outcome).toBe('pending');
    const rejected = await other.send('POST', `/api/v1/admin/changes/${catBody.change.id}/reject`, { note: 'no' });
    expect((rejected.json() as { status: string }).status).toBe('rejected');

    const demote = await admin.send('PUT', `/api/v1/users/${t.users.administrator.id}/role`, { role: 'handler' });
    expect((demote.json() as { outcome: string }).outcome).toBe('pending');
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('username', '=', 'admin2')
      .execute();
    const lone = await admin.send('PUT', `/api/v1/users/${t.users.administrator.id}/role`, { role: 'handler' });
    expect([lone.statusCode, errorId(lone)]).toEqual([409, 'last_administrator']);
  });

  it('uses the profile’s notice templates, and exports what was published', async () => {
    const admin = await actor(t, 'administrator');
    const { published } = await view(admin);
    const source = { ...published.source, noticeTemplates: { duplicate: tr('Already reported; handled together.') } };
    await admin.send('PUT', '/api/v1/admin/profile/draft', { source, baseNumber: published.number });
    const publish = await admin.send('POST', '/api/v1/admin/profile/publish', { baseNumber: published.number });
    expect((publish.json() as { outcome: string }).outcome).toBe('applied');
    const templates = feedbackTemplates(t.deps.profile(), 'zh-CN');
    expect(templates.find((x) => x.outcome === 'duplicate')?.text).toBe('Already reported; handled together.（中文）');
    expect(templates.find((x) => x.outcome === 'substantiated')?.text).toMatch(/^感谢您的举报/);
    const exported = await admin.get(`/api/v1/admin/profile/versions/${published.number + 1}/export`);
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="national-security-v${published.number + 1}.json"`,
    );
    expect((exported.json() as { noticeTemplates: unknown }).noticeTemplates).toEqual(source.noticeTemplates);
  });

  it('does not exist for anyone but administrators', async () => {
    for (const role of ['supervisor', 'handler', 'custodian', 'oversight', 'operator']) {
      const someone = await actor(t, role);
      expect((await someone.get('/api/v1/admin/profile')).statusCode).toBe(404);
    }
  });
});
