/**
 * How an e-mail becomes a report in the profile in force: which category, which of its long-text fields gets the
 * Subject and body, fixed answers for its other required questions (an e-mail cannot answer "is anyone in danger
 * now?"), and which identity fields get the sender's name and address. Checked once at start-up against the profile,
 * so a wrong setting stops the server with the fix instead of refusing every message later.
 */
import { DEFAULT_MAX_LENGTH, type Category, type Profile } from '../../shared/profile.ts';
import { readReportForm } from '../reporter/submit.ts';

/** As configured (src/server/core/config.ts, CONFIDE_MAIL_*). */
export interface MailIntakeConfig {
  categoryId: string | undefined;
  /** long_text field for Subject and body; undefined: the category's first long_text field */
  textField: string | undefined;
  /** answers to the category's other questions, field id → option value (or text) */
  answers: Record<string, string>;
  /** identity field for the sender's display name (`name` when the profile has it) */
  nameField: string | undefined;
  /** identity field for the sender's address (`contact` when the profile has it) */
  addressField: string | undefined;
  /** reply to the sender with the receipt and a warning (off by default) */
  autoReply: boolean;
}

/** The polled mailbox (CONFIDE_MAIL_IMAP_URL); the password is never logged. */
export interface ImapIntakeConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  /** `delete`, or the folder to move a message to once its report is stored */
  after: { delete: true } | { moveTo: string };
  intervalMs: number;
}

export interface MailIntakeSettings {
  categoryId: string;
  textField: string;
  maxTextLength: number;
  answers: Record<string, string>;
  nameField: string | null;
  addressField: string | null;
  autoReply: boolean;
}

export class MailSettingsError extends Error {
  override name = 'MailSettingsError';
}

/**
 * @throws MailSettingsError naming the setting, what is wrong and the fix
 */
export function resolveMailIntake(profile: Profile, config: MailIntakeConfig): MailIntakeSettings {
  const fail = (m: string) => {
    throw new MailSettingsError(`${m} (see .env.example, "E-mail intake").`);
  };
  if (!config.categoryId) return fail('CONFIDE_MAIL_CATEGORY is not set: give the id of the category e-mails go to');
  const category: Category | undefined = profile.categories.find((c) => c.id === config.categoryId);
  if (!category)
    return fail(
      `CONFIDE_MAIL_CATEGORY: the profile has no category "${config.categoryId}"; choose one of ${profile.categories.map((c) => c.id).join(', ')}`,
    );
  const longTexts = category.fields.filter((f) => f.type === 'long_text');
  const text = config.textField ? longTexts.find((f) => f.id === config.textField) : longTexts[0];
  if (!text)
    return fail(
      `CONFIDE_MAIL_TEXT_FIELD: category "${category.id}" has no long-text field${config.textField ? ` "${config.textField}"` : ''}; choose one of ${longTexts.map((f) => f.id).join(', ') || '(none)'}`,
    );
  const identityIds = profile.identity.fields.map((f) => f.id);
  const identityField = (setting: string, given: string | undefined, fallback: string) => {
    if (given === undefined) return identityIds.includes(fallback) ? fallback : null;
    if (given === '' || given === 'none') return null;
    if (!identityIds.includes(given))
      fail(
        `${setting}: the profile's identity section has no field "${given}"; choose one of ${identityIds.join(', ')}`,
      );
    return given;
  };
  const settings: MailIntakeSettings = {
    categoryId: category.id,
    textField: text.id,
    maxTextLength: text.maxLength ?? DEFAULT_MAX_LENGTH.long_text,
    answers: config.answers,
    nameField: identityField('CONFIDE_MAIL_NAME_FIELD', config.nameField, 'name'),
    addressField: identityField('CONFIDE_MAIL_ADDRESS_FIELD', config.addressField, 'contact'),
    autoReply: config.autoReply,
  };
  // A sample message must make a valid report, or every real one would be refused.
  const sample = readReportForm({ profile: () => profile }, category, { ...config.answers, [text.id]: 'x' }, {});
  if (!sample.answers.ok)
    fail(
      `CONFIDE_MAIL_ANSWERS: e-mails to category "${category.id}" would be refused: ${Object.entries(
        sample.answers.errors,
      )
        .map(([id, m]) => `${id}: ${m}`)
        .join('; ')} — give fixed answers as field=value, comma-separated (e.g. danger=unsure)`,
    );
  return settings;
}
