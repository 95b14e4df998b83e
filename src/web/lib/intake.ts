/**
 * Operator intake in the workspace: the form's state (held in memory only — nothing is stored on the server or in
 * the browser until the whole report is sent in one request), the request body built from it, and the receipt in
 * groups to read out.
 */
import type { IntakeChannel, IntakeFactsInput } from '../../shared/intake.ts';
import { i18n } from '../i18n/language.ts';

export type AnswerInput = string | string[] | boolean;

export interface IntakeForm {
  channel: IntakeChannel | null;
  categoryId: string;
  answers: Record<string, AnswerInput>;
  identity: Record<string, AnswerInput>;
  /** `receivedAt` as an `<input type="datetime-local">` gives it (local time, no zone). */
  facts: Required<IntakeFactsInput>;
  /** Chosen files: `field` is the form part (`file.<question id>`, `scans`, `files`). */
  files: { field: string; file: File }[];
}

/**
 * A choice whose label (and hint) are read in the workspace's language each time they are shown: getters, so a
 * language chosen after this module loaded still applies.
 */
function choice<V extends string>(value: V, key: string) {
  return {
    value,
    get label(): string {
      return i18n.t(`intakeChoices.${key}`);
    },
    get hint(): string {
      return i18n.t(`intakeChoices.${key}Hint`);
    },
  };
}

/** What each channel is, in the words an operator picks from. */
export const CHANNEL_CHOICES: { value: IntakeChannel; readonly label: string; readonly hint: string }[] = (
  ['phone', 'post', 'in_person', 'referral'] as const
).map((value) => choice(value, `channel.${value}`));

export const CONSENT_CHOICES = (['agreed', 'declined', 'not_asked'] as const).map((value) => ({
  value,
  get label(): string {
    return i18n.t(`intakeChoices.consent.${value}`);
  },
}));

/** `YYYY-MM-DDTHH:MM` in local time, for a datetime-local input. */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function emptyIntakeForm(now: Date): IntakeForm {
  return {
    channel: null,
    categoryId: '',
    answers: {},
    identity: {},
    facts: {
      receivedAt: localDateTime(now),
      contactBack: '',
      recordingConsent: '',
      referringAuthority: '',
      referralReference: '',
      transcription: '',
      minutes: '',
    },
    files: [],
  };
}

/** The facts that apply to `channel` (the others are not sent). */
export function factsFor(channel: IntakeChannel, facts: IntakeForm['facts']): IntakeFactsInput {
  const oral = channel === 'phone' || channel === 'in_person';
  const local = facts.receivedAt ? new Date(facts.receivedAt) : null;
  return {
    receivedAt: local && !Number.isNaN(local.getTime()) ? local.toISOString() : '',
    contactBack: facts.contactBack,
    ...(oral ? { recordingConsent: facts.recordingConsent, minutes: facts.minutes } : {}),
    ...(channel === 'post' ? { transcription: facts.transcription } : {}),
    ...(channel === 'referral'
      ? { referringAuthority: facts.referringAuthority, referralReference: facts.referralReference }
      : {}),
  };
}

/** The request body: text parts first (the server reads them before the files), then every file. */
export function intakeFormData(form: IntakeForm): FormData {
  const data = new FormData();
  data.append('channel', form.channel ?? '');
  data.append('category', form.categoryId);
  data.append('answers', JSON.stringify(form.answers));
  data.append('identity', JSON.stringify(form.identity));
  data.append('facts', JSON.stringify(form.channel ? factsFor(form.channel, form.facts) : {}));
  for (const f of form.files) data.append(f.field, f.file, f.file.name);
  return data;
}

/** A receipt's groups of four digits, to read out one at a time. */
export function receiptGroups(receipt: string): string[] {
  return receipt.split(/\s+/).filter(Boolean);
}
