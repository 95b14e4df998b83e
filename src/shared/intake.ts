/**
 * Operator intake (DESIGN flow 3): the channels an intake operator records reports from, and the channel facts
 * recorded with them. Shared by the server (request and response schemas) and the staff workspace.
 */
import { z } from 'zod';

/** The channels an operator records: a phone call, a letter (`post`), a walk-in, a referral from another authority. */
export const INTAKE_CHANNELS = ['phone', 'post', 'in_person', 'referral'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const isIntakeChannel = (v: unknown): v is IntakeChannel => INTAKE_CHANNELS.includes(v as IntakeChannel);

/** Whether the person agreed to the call or meeting being recorded (phone and walk-in only). */
export const RECORDING_CONSENT = ['agreed', 'declined', 'not_asked'] as const;
export type RecordingConsent = (typeof RECORDING_CONSENT)[number];

/** Longest minutes, transcript or transcription, in characters. */
export const INTAKE_TEXT_MAX = 100_000;

/**
 * The channel facts an operator sends (the `facts` part, JSON). Every value is text; what applies depends on the
 * channel. `contactBack` goes into the sealed identity, never into these facts.
 */
export interface IntakeFactsInput {
  /** ISO 8601 with a time, e.g. 2026-12-04T09:30:00.000Z; not in the future */
  receivedAt?: string;
  /** How the person wants to be contacted back (a phone number, an address): sealed with the identity */
  contactBack?: string;
  /** phone, in_person: one of RECORDING_CONSENT */
  recordingConsent?: string;
  /** referral: which authority passed the report on (required) */
  referringAuthority?: string;
  /** referral: that authority's reference */
  referralReference?: string;
  /** post: the letter's text as typed by the operator */
  transcription?: string;
  /** phone, in_person: minutes or a transcript of the call or meeting */
  minutes?: string;
}

/** The channel facts as stored (sealed under the report key) and as the case's staff read them. */
export const IntakeFacts = z.object({
  channel: z.enum(INTAKE_CHANNELS),
  receivedAt: z.string(),
  /** When the operator submitted it (ISO 8601). */
  recordedAt: z.string(),
  recordingConsent: z.enum(RECORDING_CONSENT).nullable(),
  referringAuthority: z.string().nullable(),
  referralReference: z.string().nullable(),
  transcription: z.string().nullable(),
  minutes: z.string().nullable(),
});
export type IntakeFacts = z.infer<typeof IntakeFacts>;

/** What an operator gets back on submitting: the receipt (shown once, to read out or print) and the reference. */
export const IntakeReceipt = z.object({ receipt: z.string(), reference: z.string() });
export type IntakeReceipt = z.infer<typeof IntakeReceipt>;

/** Asks for the letter that hands a receipt over by post (a PDF). */
export const LetterRequest = z.object({ receipt: z.string().max(200) });

/** GET /intake/recent: the reports the operator recorded lately (no content). */
export const RecentHandovers = z.object({
  handovers: z.array(z.object({ reference: z.string(), channel: z.enum(INTAKE_CHANNELS), recordedAt: z.string() })),
});
export type RecentHandovers = z.infer<typeof RecentHandovers>;
