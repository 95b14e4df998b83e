/**
 * Uploads through the API reach staff with identifying metadata removed: files the test makes (a GPS-tagged
 * camera JPEG, a PDF with Author and XMP) and, where ../shared/corpus/exif is present (always in CI), every real
 * camera file in it. Checked with ExifTool on the downloaded cleaned copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExifTool } from 'exiftool-vendored';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingTags, markersIn, readTags } from '../fixtures/inspect.ts';
import { MARKERS, makeCameraJpeg, makeMetadataPdf } from '../fixtures/make.ts';
import { BODY, makeOdf, makeOoxml, OFFICE_DATE, OFFICE_MARK } from '../fixtures/office.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const CORPUS = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/corpus/exif');
const corpusFiles = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((f) => f !== 'README.md')
      .sort()
  : [];
if (process.env.CI === 'true' && corpusFiles.length === 0)
  throw new Error(`CI=true but the corpus is missing at ${CORPUS}`);

describe.each(DIALECTS)('uploaded files on %s', (dialect) => {
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

  /** Submits `files` in one report; returns the supervisor's view of the case and a downloader. */
  async function submitAndOpen(files: { filename: string; data: Buffer; type?: string }[]) {
    const body = await multipart(
      reportParts({ category: 'espionage', answers: { what_happened: 'Photos attached.', danger: 'no' }, files }),
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    expect(res.statusCode, res.body).toBe(201);
    const staff = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/cases?order=newest&limit=1',
        headers: { cookie: staff.cookie },
      })
    ).json() as { items: { id: string }[] };
    const id = items[0]!.id;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: staff.cookie } })
    ).json() as {
      files: { id: string; name: string; cleaning: string; note: string | null }[];
    };
    const download = async (fileId: string) => {
      const dl = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${id}/files/${fileId}`,
        headers: { cookie: staff.cookie },
      });
      expect(dl.statusCode).toBe(200);
      return dl.rawPayload;
    };
    return { files: detail.files, download };
  }

  it('removes GPS, camera, serial, author and XMP from files it makes', async () => {
    const jpeg = await makeCameraJpeg(exiftool);
    const pdf = await makeMetadataPdf();
    expect(identifyingTags(await readTags(exiftool, jpeg, 'camera.jpg'))).toContain('GPS:GPSLatitude');
    const { files, download } = await submitAndOpen([
      { filename: 'camera.jpg', data: jpeg, type: 'image/jpeg' },
      { filename: 'memo.pdf', data: pdf, type: 'application/pdf' },
    ]);
    expect(files.map((f) => [f.name, f.cleaning])).toEqual([
      ['camera.jpg', 'cleaned'],
      ['memo.pdf', 'cleaned'],
    ]);
    for (const f of files) {
      const data = await download(f.id);
      expect(identifyingTags(await readTags(exiftool, data, f.name))).toEqual([]);
      expect(markersIn(data, Object.values(MARKERS))).toEqual([]);
    }
  });

  it('removes authors, editors, comment authors and thumbnails from Office documents', async () => {
    const { files, download } = await submitAndOpen([
      { filename: 'minutes.docx', data: makeOoxml('docx'), type: 'application/octet-stream' },
      { filename: 'figures.ods', data: makeOdf('ods'), type: 'application/vnd.oasis.opendocument.spreadsheet' },
    ]);
    expect(files.map((f) => [f.name, f.cleaning, f.note])).toEqual([
      ['minutes.docx', 'cleaned', null],
      ['figures.ods', 'cleaned', null],
    ]);
    for (const f of files) {
      const entries = Object.values(unzipSync(await download(f.id))).map((e) => Buffer.from(e).toString('latin1'));
      expect(entries.filter((e) => e.includes(OFFICE_MARK) || e.includes(OFFICE_DATE))).toEqual([]);
      expect(entries.some((e) => e.includes(BODY))).toBe(true);
    }
  });

  it.runIf(corpusFiles.length > 0)('cleans every file of the camera corpus, upright', async () => {
    const { files, download } = await submitAndOpen(
      corpusFiles.map((name) => ({ filename: name, data: fs.readFileSync(path.join(CORPUS, name)) })),
    );
    expect(files).toHaveLength(corpusFiles.length);
    for (const f of files) {
      expect([f.name, f.cleaning]).toEqual([f.name, 'cleaned']);
      const data = await download(f.id);
      expect([f.name, identifyingTags(await readTags(exiftool, data, f.name))]).toEqual([f.name, []]);
    }
    const portrait = files.find((f) => f.name === 'jpg_orientation_portrait_6.jpg')!;
    const meta = await (await import('sharp')).default(await download(portrait.id)).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([450, 600, 1]);
    expect(files.find((f) => f.name.startsWith('heic_IMG_5195'))?.name).toBe('heic_IMG_5195.jpg');
  });
});
