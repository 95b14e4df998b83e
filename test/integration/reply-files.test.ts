/**
 * Two-way with files: staff replies carry cleaned files the reporter downloads from the follow-up page; reporter
 * activity notifies the case's holders and marks the case unread in each holder's case list until they open it.
 */
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingTags, readTags } from '../fixtures/inspect.ts';
import { makeCameraJpeg } from '../fixtures/make.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, reporterSession, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';
import { filesUnder } from '../helpers/marker-scan.ts';

describe.each(DIALECTS)('replies with files and unread reporter activity on %s', (dialect) => {
  let t: TestApp;
  let exiftool: ExifTool;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    exiftool = new ExifTool();
  });
  afterAll(async () => {
    await exiftool?.end();
    await t?.close();
  });

  async function reply(caseId: string, body: string, files: { filename: string; data: Buffer; type: string }[]) {
    const s = await t.signIn('supervisor');
    const form = await multipart([
      { name: 'body', value: body },
      ...files.map((f) => ({ name: 'files', value: f.data, filename: f.filename, type: f.type })),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/replies`,
      payload: form.payload,
      headers: { ...form.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }

  const counts = async () => ({
    messages: Number(
      (
        await t.deps.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    files: Number(
      (
        await t.deps.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    blobs: filesUnder(t.dataDir).filter((f) => f.includes('blobs')).length,
  });

  it('a reply with a photo reaches the reporter as the cleaned copy only, and only on their report', async () => {
    const own = await submitCase(t);
    const other = await submitCase(t);
    const jpeg = await makeCameraJpeg(exiftool);
    expect(identifyingTags(await readTags(exiftool, jpeg, 'in.jpg'))).toContain('GPS:GPSLatitude');
    const res = await reply(own.id, 'Here is the photo of the gate we took.', [
      { filename: 'gate photo.jpg', data: jpeg, type: 'image/jpeg' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json() as { visibility: string; files: { id: string; name: string }[] };
    expect(sent.visibility).toBe('reporter');
    expect(sent.files.map((f) => f.name)).toEqual(['gate photo.jpg']);
    const fileId = sent.files[0]!.id;

    const reporter = await reporterSession(t, own.receipt);
    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie: reporter.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Files sent with this message');
    expect(page.body).toContain(`<a href="/follow-up/files/${fileId}" download><bdi>gate photo.jpg</bdi></a>`);

    const dl = await t.app.inject({
      method: 'GET',
      url: `/follow-up/files/${fileId}`,
      headers: { cookie: reporter.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/octet-stream');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain('attachment');
    const staffCopy = await (await actor(t, 'supervisor')).get(`/api/v1/cases/${own.id}/files/${fileId}`);
    expect(dl.rawPayload.equals(staffCopy.rawPayload)).toBe(true);
    expect(dl.rawPayload.equals(jpeg)).toBe(false);
    expect(identifyingTags(await readTags(exiftool, dl.rawPayload, 'out.jpg'))).toEqual([]);

    // The reporter of another report: 404; an id that is no file id: 400.
    const stranger = await reporterSession(t, other.receipt);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/follow-up/files/${fileId}`,
      headers: { cookie: stranger.cookie },
    });
    expect(theirs.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/follow-up/files/not-a-file', headers: { cookie: reporter.cookie } }))
        .statusCode,
    ).toBe(400);
    // Signed out: no file at all.
    expect((await t.app.inject({ method: 'GET', url: `/follow-up/files/${fileId}` })).statusCode).not.toBe(200);
  });

  it('a file that cannot be cleaned refuses the whole reply, and nothing of it is stored', async () => {
    const c = await submitCase(t);
    const before = await counts();
    const res = await reply(c.id, 'See the attached spreadsheet.', [
      { filename: 'figures.bin', data: Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), type: 'application/octet-stream' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(errorId(res)).toBe('file_not_cleanable');
    expect(errorMessage(res)).toContain('The reply was not sent');
    expect(await counts()).toEqual(before);
  });

  it('files go only with replies to the reporter: the JSON note route takes none, the reply route is multipart', async () => {
    const c = await submitCase(t);
    const s = await t.signIn('supervisor');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/replies`,
      payload: { body: 'x', visibility: 'internal' },
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(res.statusCode).toBe(400);
    expect(errorId(res)).toBe('not_multipart');
  });

  it('a reporter message notifies the case holders only, and is unread for each holder until they open the case', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );
    const unreadFor = async (who: string) => {
      const list = await (await actor(t, who)).get('/api/v1/cases?order=newest&limit=50');
      return (list.json() as { items: { id: string; unread?: boolean }[] }).items.find((i) => i.id === c.id)?.unread;
    };
    const onlyUnread = async (who: string) =>
      (
        (await (await actor(t, who)).get('/api/v1/cases?unread=true&limit=200')).json() as { items: { id: string }[] }
      ).items.map((i) => i.id);
    await sup.get(`/api/v1/cases/${c.id}`);
    expect(await unreadFor('supervisor')).toBe(false);
    await t.deps.db.deleteFrom('notifications').execute();

    const reporter = await reporterSession(t, c.receipt);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/messages',
      payload: { body: 'One more thing about the gate.' },
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const notices = await t.deps.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .orderBy('user_id')
      .execute();
    expect(notices).toEqual(
      [t.users.supervisor.id, t.users.handler.id].sort().map((user_id) => ({ user_id, kind: 'reporter_activity' })),
    );

    expect(await unreadFor('supervisor')).toBe(true);
    expect(await unreadFor('handler')).toBe(true);
    expect(await onlyUnread('handler')).toContain(c.id);
    await (await actor(t, 'handler')).get(`/api/v1/cases/${c.id}`);
    expect(await unreadFor('handler')).toBe(false);
    expect(await onlyUnread('handler')).not.toContain(c.id);
    expect(await unreadFor('supervisor')).toBe(true);
  });
});
