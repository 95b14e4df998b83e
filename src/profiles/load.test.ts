import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../shared/profile.ts';
import { listProfiles, loadProfile, ProfileError, resolveProfileDir } from './load.ts';
import { profileIn, publishedLanguages } from './localize.ts';

const ROOT = fileURLToPath(new URL('../../profiles', import.meta.url));

const SHIPPED = {
  'national-security': [
    'espionage',
    'cyber-espionage',
    'third-country',
    'leak',
    'self-disclosure',
    'complaint-official',
  ],
  'eu-whistleblowing': [
    'financial-services',
    'public-procurement',
    'product-transport-safety',
    'environment',
    'privacy-data-protection',
    'other-union-law',
    'retaliation',
  ],
  'anti-corruption': ['bribery', 'fraud-embezzlement', 'conflict-of-interest', 'abuse-of-office', 'retaliation'],
};

const temporary: string[] = [];
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of a shipped profile in a temporary folder (named like the profile, as loadProfile requires). */
async function copyProfile(id: string): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'confide-profile-'));
  temporary.push(parent);
  const dir = path.join(parent, id);
  await cp(path.join(ROOT, id), dir, { recursive: true });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary JSON paths
async function editJson(file: string, edit: (json: any) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8'));
  edit(json);
  await writeFile(file, JSON.stringify(json, null, 2));
}

async function loadError(dir: string): Promise<ProfileError> {
  const error = await loadProfile(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfileError);
  return error as ProfileError;
}

describe('shipped profiles', () => {
  it.each(Object.entries(SHIPPED))('%s loads with its categories in file order', async (id, categoryIds) => {
    const profile = await loadProfile(path.join(ROOT, id));
    expect(profile.id).toBe(id);
    expect(profile.categories.map((category) => category.id)).toEqual(categoryIds);
  });

  it.each(Object.keys(SHIPPED))('%s has an optional, identifying identity section', async (id) => {
    const profile = await loadProfile(path.join(ROOT, id));
    expect(profile.identity.fields.map((field) => [field.id, field.required, field.identifying])).toEqual([
      ['name', false, true],
      ['contact', false, true],
      ['relationship', false, true],
    ]);
    for (const field of profileIn(profile, 'en').identity.fields)
      expect(field.help).toMatch(/anonymity is the default/i);
  });

  it('national-security has the legal deadlines per category kind', async () => {
    const profile = await loadProfile(path.join(ROOT, 'national-security'));
    const policies = Object.fromEntries(profile.categories.map((c) => [c.id, [c.kind, c.policy.feedbackDays]]));
    expect(policies).toEqual({
      espionage: ['report', null],
      'cyber-espionage': ['report', null],
      'third-country': ['report', null],
      leak: ['report', null],
      'self-disclosure': ['self_disclosure', null],
      'complaint-official': ['complaint_about_official', 90],
    });
    expect(profile.channels.map((channel) => channel.kind)).toEqual(['web', 'phone', 'post', 'email', 'in_person']);
  });

  it('answers protection requests within 12 hours and names the officials of a complaint (MSS Order No. 2 Art. 6(2))', async () => {
    const profile = await loadProfile(path.join(ROOT, 'national-security'));
    expect(new Set(profile.categories.map((c) => c.policy.protectionResponseHours))).toEqual(new Set([12]));
    const namingFields = profile.categories.flatMap((c) =>
      c.fields.filter((f) => f.namesStaff).map((f) => `${c.id}.${f.id}`),
    );
    expect(namingFields).toEqual(['complaint-official.officials']);
  });

  it('eu-whistleblowing acknowledges in 7 days and gives feedback in 90 (EU 2019/1937 Art. 9(1)(b), (f))', async () => {
    const profile = await loadProfile(path.join(ROOT, 'eu-whistleblowing'));
    for (const category of profile.categories) {
      expect(category.policy).toEqual({
        acknowledgementDays: 7,
        feedbackDays: 90,
        urgentResponseHours: 24,
        protectionResponseHours: 24,
        retentionDays: 1095,
        showDueDateToReporter: true,
      });
    }
  });

  it('returns a deeply frozen profile', async () => {
    const profile = await loadProfile(path.join(ROOT, 'anti-corruption'));
    expect(Object.isFrozen(profile.categories[0]!.fields[0])).toBe(true);
    expect(profile.files).toEqual({ maxFileBytes: 104_857_600, maxFiles: 20 });
  });

  it('listProfiles lists every profile by id', async () => {
    expect(await listProfiles(ROOT)).toEqual([
      { id: 'anti-corruption', name: 'Anti-corruption reporting' },
      { id: 'eu-whistleblowing', name: 'EU whistleblowing channel' },
      { id: 'national-security', name: '国家安全举报受理' },
    ]);
  });
});

describe('resolveProfileDir', () => {
  it('joins a valid id to the root', () => {
    expect(resolveProfileDir('/srv/profiles', 'national-security')).toBe('/srv/profiles/national-security');
  });

  it.each(['../etc', 'a/b', 'National', '', '.'])('refuses %j', (id) => {
    expect(() => resolveProfileDir('/srv/profiles', id)).toThrow(
      `/srv/profiles: ${JSON.stringify(id)} is not a valid profile id — use lowercase letters, digits or -, e.g. "national-security"`,
    );
  });
});

describe('broken profiles', () => {
  it('names the file, path and fix for a choice field without options', async () => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'categories', '20-cyber-espionage.json');
    await editJson(file, (category) => delete category.fields[6].options);
    expect((await loadError(dir)).message).toBe(
      `${file}: fields[6].options: a single_choice field needs at least 2 options — add them or change the type to short_text`,
    );
  });

  it('names a duplicate field id and where it was first used', async () => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'categories', '10-espionage.json');
    await editJson(file, (category) => (category.fields[3].id = 'what_happened'));
    expect((await loadError(dir)).message).toBe(
      `${file}: fields[3].id: field id "what_happened" is already used by fields[0] — give each field in a category its own id`,
    );
  });

  it('names the file, line and column of malformed JSON', async () => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'categories', '40-leak.json');
    await writeFile(file, '{\n  "id": "leak",\n  "title": "Leak"\n  "kind": "report"\n}\n');
    expect((await loadError(dir)).message).toBe(
      `${file}: line 4, column 3: unexpected "\\"" — expected "," or "}" after a value: add the missing comma, or close the object`,
    );
  });

  it('points at a trailing comma', async () => {
    const dir = await copyProfile('anti-corruption');
    const file = path.join(dir, 'profile.json');
    await writeFile(file, '{\n  "id": "anti-corruption",\n}');
    expect((await loadError(dir)).message).toBe(
      `${file}: line 3, column 1: a comma before } is not allowed — remove it`,
    );
  });

  it('lists the field types for an unknown type', async () => {
    const dir = await copyProfile('eu-whistleblowing');
    const file = path.join(dir, 'categories', '40-environment.json');
    await editJson(file, (category) => (category.fields[1].type = 'email'));
    expect((await loadError(dir)).message).toBe(
      `${file}: fields[1].type: "email" is not allowed — use one of: short_text, long_text, date, single_choice, multiple_choice, checkbox, file`,
    );
  });

  it('lists the allowed keys for a misspelt key, and every problem on its own line', async () => {
    const dir = await copyProfile('anti-corruption');
    const category = path.join(dir, 'categories', '10-bribery.json');
    const profile = path.join(dir, 'profile.json');
    await editJson(category, (json) => {
      json.fields[0].requried = true;
      json.policy.retentionDays = '1095';
    });
    await editJson(profile, (json) => delete json.landing.intro);
    expect((await loadError(dir)).message.split('\n')).toEqual([
      `${profile}: landing.intro: missing — add a text in "double quotes"`,
      `${category}: fields[0]: unknown key "requried" — remove it or correct the spelling (allowed: id, type, label, help, required, options, maxLength, identifying, urgentWhen, namesStaff)`,
      `${category}: policy.retentionDays: expected a number, found "1095" — remove the quotes`,
    ]);
  });

  it('refuses a required identity field', async () => {
    const dir = await copyProfile('anti-corruption');
    const file = path.join(dir, 'profile.json');
    await editJson(file, (json) => (json.identity.fields[0].required = true));
    expect((await loadError(dir)).message).toBe(
      `${file}: identity.fields[0].required: identity fields must be optional (anonymity is the default) — set "required" to false`,
    );
  });

  it('refuses a profile whose id is not its folder name', async () => {
    const dir = await copyProfile('anti-corruption');
    const file = path.join(dir, 'profile.json');
    await editJson(file, (json) => (json.id = 'corruption'));
    expect((await loadError(dir)).message).toBe(
      `${file}: id: "corruption" is not the folder name "anti-corruption" — make them the same`,
    );
  });

  it('names a missing profile relative to the working directory', async () => {
    const dir = path.join(ROOT, 'no-such-profile');
    expect((await loadError(dir)).message).toBe(
      `${path.relative(process.cwd(), path.join(dir, 'profile.json'))}: file not found — check the profile folder, or copy one of the shipped profiles`,
    );
  });
});

/** Every text a reporter reads in `profile`, by JSON path (option values, ids and policies are not texts). */
function textsOf(profile: Profile): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (value: unknown, where: string): void => {
    if (typeof value === 'string') texts.set(where, value);
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`));
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value))
        if (!['id', 'type', 'kind', 'value', 'language', 'languages', 'timeZone', 'policy', 'urgentWhen'].includes(key))
          visit(child, `${where}.${key}`);
  };
  visit({ ...profile, channels: profile.channels.map(({ value: _contact, ...rest }) => rest) }, '');
  return texts;
}

describe('translations', () => {
  it('national-security publishes Simplified Chinese (its default), English and Arabic, in Asia/Shanghai time', async () => {
    const profile = await loadProfile(path.join(ROOT, 'national-security'));
    expect([profile.language, profile.languages, profile.timeZone]).toEqual([
      'zh-CN',
      ['zh-CN', 'en', 'ar'],
      'Asia/Shanghai',
    ]);
    expect(publishedLanguages(profile)).toEqual(['zh-CN', 'en', 'ar']);
    expect(profile.name).toBe('国家安全举报受理');
    expect(profileIn(profile, 'en').name).toBe('National security reporting');
    expect(profileIn(profile, 'zh-CN')).toBe(profile);
  });

  it('gives the national-security profile in Chinese and in Arabic, legal references exact', async () => {
    const profile = await loadProfile(path.join(ROOT, 'national-security'));
    const zh = profileIn(profile, 'zh-CN');
    expect([zh.name, zh.authority, zh.categories[0]!.title, zh.identity.fields[0]!.label]).toEqual([
      '国家安全举报受理',
      '国家安全机关举报受理办公室',
      '间谍行为',
      '您的姓名',
    ]);
    expect(zh.landing.rights[0]!.text).toContain(
      '（《中华人民共和国反间谍法》第十六条；《公民举报危害国家安全行为奖励办法》（国家安全部令第2号）第六条）',
    );
    const ar = profileIn(profile, 'ar');
    expect(ar.categories[0]!.title).toBe('التجسس');
    expect(ar.landing.rights[0]!.text).toContain(
      '(قانون مكافحة التجسس لعام 2023، المادة 16؛ الأمر رقم 2 الصادر عن وزارة أمن الدولة، المادة 6)',
    );
    expect(Object.isFrozen(ar.categories[0]!.fields[0])).toBe(true);
    // Everything but the texts is the profile's own.
    expect(zh.categories.map((c) => [c.id, c.policy])).toEqual(profile.categories.map((c) => [c.id, c.policy]));
  });

  it.each([
    ['national-security', 'zh-CN'],
    ['national-security', 'ar'],
    ['eu-whistleblowing', 'ar'],
    ['anti-corruption', 'ar'],
  ] as const)(
    '%s in %s has no English word (browser names aside) and no text left as in English',
    async (id, language) => {
      const profile = await loadProfile(path.join(ROOT, id));
      const english = textsOf(profileIn(profile, 'en'));
      const translated = [...textsOf(profileIn(profile, language))];
      expect(translated.length).toBe(english.size);
      const latin = translated.flatMap(([where, text]) =>
        (text.match(/[A-Za-z]+/g) ?? [])
          .filter((word) => !['Chrome', 'Firefox', 'Safari', 'Tor', 'IP'].includes(word))
          .map((word) => `${where}: ${word}`),
      );
      expect(latin).toEqual([]);
      const untranslated = translated.filter(
        ([where, text]) => english.get(where) === text && !/^[\d\s:.+-]+$/.test(text),
      );
      expect(untranslated).toEqual([]);
    },
  );

  it('the EU and anti-corruption profiles publish English and Arabic, in UTC', async () => {
    for (const id of ['eu-whistleblowing', 'anti-corruption']) {
      const profile = await loadProfile(path.join(ROOT, id));
      expect([publishedLanguages(profile), profile.timeZone]).toEqual([['en', 'ar'], 'UTC']);
    }
  });

  it('refuses a text without one of the published translations, by file, path and language', async () => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'categories', '10-espionage.json');
    await editJson(file, (category) => delete category.fields[2].label.ar);
    expect((await loadError(dir)).message).toBe(
      `${file}: fields[2].label: missing the "ar" translation — add "ar": "…"`,
    );
  });

  it('reads a plain string as the default language only, and asks for each other language', async () => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'profile.json');
    await editJson(file, (json) => (json.landing.safetyAdvice[1] = '请使用您自己的设备。'));
    expect((await loadError(dir)).message.split('\n')).toEqual([
      `${file}: landing.safetyAdvice[1]: missing the "en" translation — write the text as translations { "zh-CN": "…", "en": "…" }`,
      `${file}: landing.safetyAdvice[1]: missing the "ar" translation — write the text as translations { "zh-CN": "…", "ar": "…" }`,
    ]);
  });

  it('refuses a translation into a language Confide does not ship, and checks each translation as a text', async () => {
    const dir = await copyProfile('eu-whistleblowing');
    const file = path.join(dir, 'categories', '40-environment.json');
    await editJson(file, (category) => {
      category.title.fr = 'Environnement';
      category.fields[1].help.ar = '<b>مهم</b>';
    });
    expect((await loadError(dir)).message.split('\n')).toEqual([
      `${file}: title: unknown key "fr" — remove it or correct the spelling (allowed: en, zh-CN, ar)`,
      `${file}: fields[1].help.ar: contains HTML ("<b>") — texts are shown exactly as written, so remove the tags or entities`,
    ]);
  });

  it('refuses a text that is neither a string nor translations', async () => {
    const dir = await copyProfile('anti-corruption');
    const file = path.join(dir, 'profile.json');
    await editJson(file, (json) => (json.name = ['Anti-corruption']));
    expect((await loadError(dir)).message).toBe(
      `${file}: name: expected a text in "double quotes" or translations { "en": "…", "ar": "…" }, found a list [ … ]`,
    );
  });

  it.each([
    ['language', 'fr', 'language: "fr" is not allowed — use one of: en, zh-CN, ar'],
    ['languages', ['en', 'ar'], 'languages: the default language "zh-CN" is not listed — add it, or change "language"'],
    ['languages', ['zh-CN', 'ar', 'zh-CN'], 'languages[2]: "zh-CN" is listed twice — list each language once'],
    ['languages', ['zh-CN', 'de'], 'languages[1]: "de" is not allowed — use one of: en, zh-CN, ar'],
    [
      'timeZone',
      'China Standard Time',
      'timeZone: "China Standard Time" is not a time zone — use an IANA name, e.g. "Asia/Shanghai", "Europe/Brussels" or "UTC"',
    ],
  ])('refuses %s %j', async (key, value, message) => {
    const dir = await copyProfile('national-security');
    const file = path.join(dir, 'profile.json');
    await editJson(file, (json) => (json[key] = value));
    expect((await loadError(dir)).message).toBe(`${file}: ${message}`);
  });
});
