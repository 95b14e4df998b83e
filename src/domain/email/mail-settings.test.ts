import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/load.ts';
import type { Profile } from '../../shared/profile.ts';
import { resolveMailIntake, type MailIntakeConfig } from './mail-settings.ts';

const ROOT = fileURLToPath(new URL('../../../profiles', import.meta.url));
const base: MailIntakeConfig = {
  categoryId: 'espionage',
  textField: undefined,
  answers: { danger: 'unsure' },
  nameField: undefined,
  addressField: undefined,
  autoReply: false,
};

describe('e-mail intake settings', () => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await loadProfile(path.join(ROOT, 'national-security'));
  });

  it('takes the first long-text field and the identity fields name and contact by default', () => {
    expect(resolveMailIntake(profile, base)).toEqual({
      categoryId: 'espionage',
      textField: 'what_happened',
      maxTextLength: 20_000,
      answers: { danger: 'unsure' },
      nameField: 'name',
      addressField: 'contact',
      autoReply: false,
    });
    expect(resolveMailIntake(profile, { ...base, nameField: 'none', addressField: 'none' })).toMatchObject({
      nameField: null,
      addressField: null,
    });
  });

  it('stops start-up with the fix when a message could not become a valid report', () => {
    expect(() => resolveMailIntake(profile, { ...base, categoryId: undefined })).toThrow(
      'CONFIDE_MAIL_CATEGORY is not set: give the id of the category e-mails go to (see .env.example, "E-mail intake").',
    );
    expect(() => resolveMailIntake(profile, { ...base, textField: 'where' })).toThrow(
      'CONFIDE_MAIL_TEXT_FIELD: category "espionage" has no long-text field "where"; choose one of what_happened, people_involved, evidence',
    );
    expect(() => resolveMailIntake(profile, { ...base, answers: {} })).toThrow(
      /^CONFIDE_MAIL_ANSWERS: e-mails to category "espionage" would be refused: danger: .+ — give fixed answers as field=value/,
    );
  });
});
