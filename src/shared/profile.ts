/**
 * Deployment profiles: what a reporting channel publishes (landing texts, channels) and asks (categories with
 * their questionnaire and handling policy). Profiles are configuration, not code: they are JSON files under
 * `profiles/`, validated against these schemas at start-up (see src/profiles/load.ts), and shared with the
 * browser, so this file holds nothing Node-only.
 *
 * Every text is plain text: it is shown exactly as written (escaped), never as HTML. A text a reporter reads is
 * written either once, in the profile's default `language`, or as translations { "en": "…", "zh-CN": "…" } with one
 * for each language in `languages` (src/shared/profile-text.ts); `Profile` is the profile read in one language.
 * Messages in these schemas say what is wrong and how to fix it, because the people who read them are the
 * people editing the JSON.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { Channel, FieldType, Outcome } from './api.ts';
import { plainText, textIn, type TextSchema } from './profile-text.ts';

export const FIELD_ID = /^[a-z][a-z0-9_]{0,39}$/;
export const CATEGORY_ID = /^[a-z][a-z0-9-]{0,39}$/;
/** Profile ids are folder names under `profiles/`; nothing that could climb out of it. */
export const PROFILE_ID = /^[a-z0-9-]{1,64}$/;
const OPTION_VALUE = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** Effective limit, in characters (code points), of a text field without its own `maxLength`. */
export const DEFAULT_MAX_LENGTH = { short_text: 500, long_text: 20_000 } as const;
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 20;

const CHOICE_TYPES: ReadonlySet<string> = new Set(['single_choice', 'multiple_choice']);
const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** The limit, in characters, of a text field's answer; null for other types. */
export function maxLengthOf(field: Pick<Field, 'type' | 'maxLength'>): number | null {
  if (field.type !== 'short_text' && field.type !== 'long_text') return null;
  return field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
}

const days = (what: string) => ({
  error: (iss: { input?: unknown }) =>
    iss.input === undefined ? `missing — add a number of days, or null for no ${what} deadline` : undefined,
});

/**
 * Deadlines and retention of a category. Days are calendar days from receipt.
 * @see EU 2019/1937 Art. 9(1)(b) (acknowledgement within 7 days), 9(1)(f) (feedback within 3 months)
 * @see CEL 2023 Art. 52 (complaints about officials: the complainant is told the result)
 */
export const Policy = z
  .strictObject({
    /** Days to acknowledge receipt; null when no deadline applies. */
    acknowledgementDays: z.int(days('acknowledgement')).min(0).max(365).nullable(),
    /** Days to give the reporter feedback on the action taken; null when no deadline applies. */
    feedbackDays: z.int(days('feedback')).min(1).max(3_650).nullable(),
    /** Hours within which an urgent report (threat to life, protection request) must be taken up. */
    urgentResponseHours: z.int().min(1).max(720),
    /**
     * Hours within which staff must respond to a reporter's request for protection; defaults to
     * urgentResponseHours (see protectionResponseHours()). @see MSS Order No. 2 Art. 6(2); CEL 2023 Art. 46
     */
    protectionResponseHours: z.int().min(1).max(720).optional(),
    /** Days a closed case is kept before it is destroyed. */
    retentionDays: z.int().min(1).max(36_500),
    /** Whether the reporter sees the next due date when following up. */
    showDueDateToReporter: z.boolean(),
    /**
     * What happens to the audio recording of a call or meeting once the reporter has confirmed its transcript or
     * minutes: `delete` destroys it (blobs and file row), `keep` keeps it as evidence until the case is destroyed.
     * Defaults to `keep` (see recordingAfterConfirmation()): deleting evidence cannot be undone, so a category
     * opts in. @see EU 2019/1937 Art. 18(2)(a) (recordings only with consent), Art. 17 (no longer than necessary)
     */
    recordingAfterConfirmation: z.enum(['keep', 'delete']).optional(),
  })
  .superRefine((policy, ctx) => {
    const { acknowledgementDays: ack, feedbackDays: feedback } = policy;
    if (ack !== null && feedback !== null && feedback < ack) {
      ctx.addIssue({
        code: 'custom',
        path: ['feedbackDays'],
        message: `feedback is due (${feedback} days) before the acknowledgement (${ack} days) — make feedbackDays at least ${ack}`,
      });
    }
  });
export type Policy = z.infer<typeof Policy>;

/** Hours to respond to a protection request under this policy: protectionResponseHours, else urgentResponseHours. */
export const protectionResponseHours = (policy: Policy): number =>
  policy.protectionResponseHours ?? policy.urgentResponseHours;

/** What to do with a recording once its transcript is confirmed under this policy: recordingAfterConfirmation, else keep. */
export const recordingAfterConfirmation = (policy: Policy): 'keep' | 'delete' =>
  policy.recordingAfterConfirmation ?? 'keep';

export const CATEGORY_KINDS = ['report', 'self_disclosure', 'complaint_about_official'] as const;
export const CategoryKind = z.enum(CATEGORY_KINDS);
export type CategoryKind = z.infer<typeof CategoryKind>;

export const FileLimits = z.strictObject({
  maxFileBytes: z
    .int()
    .min(1)
    .max(10 * 1024 * 1024 * 1024)
    .default(DEFAULT_MAX_FILE_BYTES),
  maxFiles: z.int().min(1).max(1_000).default(DEFAULT_MAX_FILES),
});

/**
 * The schemas of a profile whose texts are read by `text`: `plainText` for plain strings, `textIn(language, …)` to
 * read translated texts in one language. The Policy and FileLimits schemas hold no text and stand alone.
 */
function profileSchemas(text: TextSchema) {
  const FieldOption = z.strictObject({
    value: z.string().regex(OPTION_VALUE, {
      error: (iss) =>
        `${quote(iss.input)} is not a valid option value — use lowercase letters, digits, _ or -, e.g. "yes" or "not_sure"`,
    }),
    label: text(300),
  });

  /** One question of a questionnaire. */
  const Field = z
    .strictObject({
      id: z.string().regex(FIELD_ID, {
        error: (iss) =>
          `${quote(iss.input)} is not a valid field id — use 1 to 40 lowercase letters, digits or _, starting with a letter, e.g. "what_happened"`,
      }),
      type: FieldType,
      label: text(300),
      help: text(2_000).optional(),
      required: z.boolean().default(false),
      /** Required (at least 2, unique values) for single and multiple choice; forbidden otherwise. */
      options: z.array(FieldOption).optional(),
      /** Characters (code points); see DEFAULT_MAX_LENGTH. Only for short_text and long_text. */
      maxLength: z.int().min(1).max(100_000).optional(),
      /** The reporter could be identified from the answer (EU 2019/1937 Art. 16(1): "any other information"). */
      identifying: z.boolean().optional(),
      /**
       * Option values of a choice field that make the report urgent (threat to life, reporter in danger): it goes
       * first in triage and its acknowledgement is due within the policy's urgentResponseHours.
       */
      urgentWhen: z.array(z.string().min(1)).min(1).optional(),
      /**
       * The answer may name staff (officials complained about, people involved). Only for short_text and long_text.
       * At submission the text is matched against active staff — a display name when all its words appear, a
       * username as a whole word, ignoring case and accents — and each person named is excluded from the case
       * (no grant of any scope, identity included). @see CEL 2023 Art. 52; DESIGN flow 7
       */
      namesStaff: z.boolean().optional(),
    })
    .superRefine((field, ctx) => {
      if (CHOICE_TYPES.has(field.type)) {
        if (!field.options || field.options.length < 2) {
          ctx.addIssue({
            code: 'custom',
            path: ['options'],
            message: `a ${field.type} field needs at least 2 options — add them or change the type to short_text`,
          });
        } else {
          reportDuplicates(
            ctx,
            field.options,
            'value',
            ['options'],
            (value, first) =>
              `option value ${quote(value)} is already used by options[${first}] — give each option its own value`,
          );
        }
      } else if (field.options !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `a ${field.type} field takes no options — remove "options" or change the type to single_choice`,
        });
      }
      if (field.urgentWhen !== undefined) {
        const values = new Set((field.options ?? []).map((o) => o.value));
        const unknown = field.urgentWhen.filter((v) => !values.has(v));
        if (!CHOICE_TYPES.has(field.type) || unknown.length > 0)
          ctx.addIssue({
            code: 'custom',
            path: ['urgentWhen'],
            message: CHOICE_TYPES.has(field.type)
              ? `urgentWhen names ${unknown.map(quote).join(', ')}, which is not among this field's option values — use values from "options"`
              : `urgentWhen applies only to single_choice and multiple_choice fields — remove it from this ${field.type} field`,
          });
      }
      if (field.namesStaff && !(field.type in DEFAULT_MAX_LENGTH)) {
        ctx.addIssue({
          code: 'custom',
          path: ['namesStaff'],
          message: `namesStaff applies only to short_text and long_text — remove it from this ${field.type} field`,
        });
      }
      if (field.maxLength !== undefined && !(field.type in DEFAULT_MAX_LENGTH)) {
        ctx.addIssue({
          code: 'custom',
          path: ['maxLength'],
          message: `maxLength applies only to short_text and long_text — remove it from this ${field.type} field`,
        });
      }
    });

  /** What a reporter chooses first: a kind of matter, its questionnaire and its handling policy. */
  const Category = z
    .strictObject({
      id: z.string().regex(CATEGORY_ID, {
        error: (iss) =>
          `${quote(iss.input)} is not a valid category id — use 1 to 40 lowercase letters, digits or -, starting with a letter, e.g. "cyber-espionage"`,
      }),
      title: text(200),
      description: text(2_000),
      kind: CategoryKind,
      fields: z
        .array(Field)
        .min(1, { error: 'a category needs at least one field — add one, e.g. a required long_text "what_happened"' }),
      policy: Policy,
    })
    .superRefine((category, ctx) => {
      reportDuplicates(
        ctx,
        category.fields,
        'id',
        ['fields'],
        (id, first) =>
          `field id ${quote(id)} is already used by fields[${first}] — give each field in a category its own id`,
      );
    });

  /** A way to reach the authority, as published on the landing page. `kind` is the intake channel of api.ts. */
  const PublishedChannel = z.strictObject({
    kind: Channel,
    label: text(200),
    /** Phone number, postal address, e-mail address, web address or office address. */
    value: text(500),
    hours: text(500).optional(),
    /** What this channel keeps from others; when absent, the default text for its kind (src/shared/channels.ts). */
    protects: text(1_000).optional(),
    /** What this channel does not hide and from whom; when absent, the default text for its kind. */
    exposes: text(1_000).optional(),
  });

  const Landing = z.strictObject({
    intro: text(5_000),
    whatHappens: z.array(text(1_000)).min(1),
    rights: z.array(z.strictObject({ title: text(200), text: text(3_000) })).min(1),
    falseReportWarning: text(2_000),
    safetyAdvice: z.array(text(1_000)).min(1),
  });

  /** The optional identity section, sealed under its own key: anonymity is the default, so nothing is required. */
  const Identity = z.strictObject({ fields: z.array(Field) }).superRefine((identity, ctx) => {
    identity.fields.forEach((field, i) => {
      if (field.required) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'required'],
          message: 'identity fields must be optional (anonymity is the default) — set "required" to false',
        });
      }
      if (field.type === 'file') {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'type'],
          message: 'the identity section cannot ask for files — use a file field in a category instead',
        });
      }
    });
    reportDuplicates(
      ctx,
      identity.fields,
      'id',
      ['fields'],
      (id, first) => `field id ${quote(id)} is already used by fields[${first}] — give each identity field its own id`,
    );
  });

  const Profile = z
    .strictObject({
      id: z.string().regex(PROFILE_ID, {
        error: (iss) =>
          `${quote(iss.input)} is not a valid profile id — use lowercase letters, digits or -, e.g. "national-security"`,
      }),
      name: text(200),
      /** Name of the authority running the channel, as shown to the public. */
      authority: text(300),
      /** The default language: plain-string texts are in it, and loadProfile returns the profile in it. */
      language: z.enum(LANGUAGES).default('en'),
      /** The languages the profile publishes (each text needs one in each); defaults to [language]. */
      languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
      /** The authority's time zone (IANA name): dates and deadlines are shown in it. */
      timeZone: z
        .string()
        .refine(isTimeZone, {
          error: (iss) =>
            `${quote(iss.input)} is not a time zone — use an IANA name, e.g. "Asia/Shanghai", "Europe/Brussels" or "UTC"`,
        })
        .default('UTC'),
      landing: Landing,
      identity: Identity,
      channels: z
        .array(PublishedChannel)
        .min(1, { error: 'a profile needs at least one channel — add the web form at least' }),
      categories: z.array(Category).min(1, { error: 'a profile needs at least one category — add one' }),
      files: FileLimits.default({ maxFileBytes: DEFAULT_MAX_FILE_BYTES, maxFiles: DEFAULT_MAX_FILES }),
      /**
       * The texts staff start an outcome notice to the reporter from, per outcome; an outcome without one uses
       * Confide's own (`feedbackTemplates` of the public catalogue). @see EU 2019/1937 Art. 9(1)(f); CEL 2023 Art. 52
       */
      noticeTemplates: z.partialRecord(Outcome, text(5_000)).optional(),
    })
    .superRefine((profile, ctx) => {
      const languages = profile.languages ?? [profile.language];
      if (!languages.includes(profile.language)) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages'],
          message: `the default language ${quote(profile.language)} is not listed — add it, or change "language"`,
        });
      }
      languages.forEach((language, i) => {
        if (languages.indexOf(language) !== i) {
          ctx.addIssue({
            code: 'custom',
            path: ['languages', i],
            message: `${quote(language)} is listed twice — list each language once`,
          });
        }
      });
      profile.categories.forEach((category, c) => {
        const first = profile.categories.findIndex((other) => other.id === category.id);
        if (first !== c) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', c, 'id'],
            message: `category id ${quote(category.id)} is used by more than one category — give each category its own id`,
          });
        }
        // The public form posts a category's questions and the identity section together.
        const identityIds = new Set(profile.identity.fields.map((field) => field.id));
        category.fields.forEach((field, f) => {
          if (identityIds.has(field.id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['categories', c, 'fields', f, 'id'],
              message: `field id ${quote(field.id)} is also used by the identity section — rename this field`,
            });
          }
        });
      });
    })
    .transform((profile) => ({ ...profile, languages: profile.languages ?? [profile.language] }));

  return { FieldOption, Field, Category, PublishedChannel, Landing, Identity, Profile };
}

const plain = profileSchemas(plainText);

export const FieldOption = plain.FieldOption;
export type FieldOption = z.infer<typeof FieldOption>;
/** One question of a questionnaire. */
export const Field = plain.Field;
export type Field = z.infer<typeof Field>;
/** What a reporter chooses first: a kind of matter, its questionnaire and its handling policy. */
export const Category = plain.Category;
export type Category = z.infer<typeof Category>;
/** A way to reach the authority, as published on the landing page. `kind` is the intake channel of api.ts. */
export const PublishedChannel = plain.PublishedChannel;
export type PublishedChannel = z.infer<typeof PublishedChannel>;
export const Landing = plain.Landing;
export type Landing = z.infer<typeof Landing>;
/** The optional identity section, sealed under its own key: anonymity is the default, so nothing is required. */
export const Identity = plain.Identity;
export type Identity = z.infer<typeof Identity>;
/** A profile with plain texts (one language), as loadProfile returns it. */
export const Profile = plain.Profile;
export type Profile = z.infer<typeof Profile>;

const readers = new Map<string, ReturnType<typeof profileSchemas>['Profile']>();

/**
 * The schema that reads a profile as written in JSON — texts plain or translated (src/shared/profile-text.ts) — and
 * gives it with every text in `language`, reporting each text that has none. Schemas are built once per pair.
 */
export function profileReaderIn(language: Language, defaultLanguage: Language): typeof Profile {
  const key = `${language} ${defaultLanguage}`;
  let schema = readers.get(key);
  if (!schema) readers.set(key, (schema = profileSchemas(textIn(language, defaultLanguage)).Profile));
  return schema;
}

/** Whether `name` is a time zone Intl knows (an IANA name such as "Asia/Shanghai", or "UTC"). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

function reportDuplicates<K extends string, T extends Record<K, string>>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: K,
  path: (string | number)[],
  message: (value: string, firstIndex: number) => string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item[key]);
    if (first === undefined) seen.set(item[key], i);
    else ctx.addIssue({ code: 'custom', path: [...path, i, key], message: message(item[key], first) });
  });
}
