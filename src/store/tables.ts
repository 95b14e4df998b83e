import type { Generated } from 'kysely';

/** Kysely table types, mirroring migrations/. Times are ISO 8601 UTC strings; booleans 0/1; sealed values Buffers. */

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  public_key: Buffer;
  password_salt: Buffer;
  password_verifier: Buffer;
  wrapped_secret_key: Buffer;
  recovery_salt: Buffer;
  recovery_verifier: Buffer;
  recovery_wrapped_secret_key: Buffer;
  disabled_at: string | null;
  created_at: string;
  /** Where work-waiting notices go (staff's own address; never report content). */
  email: string | null;
  last_notified_at: string | null;
  /** The workspace and notice-mail language the person chose (a BCP 47 tag of a shipped language); null: not chosen. */
  language: string | null;
  /** TOTP secret (RFC 6238), sealed to the user's public key: only a correct password opens it. */
  totp_sealed_secret: Buffer | null;
  totp_enabled_at: string | null;
  /** The last time step accepted, so a code is used at most once. */
  totp_last_step: number | null;
  /** Set by an administrator's reset: the password no longer signs in; the recovery key sets a new one. */
  password_reset_at: string | null;
  /** JSON array of category ids this user works on; null for every category. */
  categories: string | null;
  /**
   * When the person set their own password (activation), or the CLI created the account with one. Null: an
   * administrator's invitation not yet used; the key columns are then empty buffers and nothing is sealed to them.
   */
  activated_at: string | null;
  /** The administrator who issued the pending invitation, and the second one who approved it (two-person rule). */
  invited_by: string | null;
  invitation_approved_by: string | null;
  /** Hex BLAKE2b of the pending invitation code (never the code); null once used and for CLI-created accounts. */
  invitation_hash: string | null;
  invitation_expires_at: string | null;
  /**
   * Hex BLAKE2b of the second invitation code, which the approving administrator hands over (two-person rule); null
   * until approved, and once used.
   */
  invitation_approval_hash: string | null;
  /** Argon2id costs of the password verifier and wrap, JSON `{"m","t","p"}` (src/crypto/kdf.ts); null before 0005. */
  password_kdf: string | null;
  /** Argon2id costs of the recovery-key verifier and wrap, as `password_kdf`. */
  recovery_kdf: string | null;
}

export interface SessionsTable {
  id: string;
  kind: 'staff' | 'reporter';
  user_id: string | null;
  report_id: string | null;
  sealed_key: Buffer;
  created_at: string;
  /** The absolute cap: the session ends then, whatever the activity. */
  expires_at: string;
  /** The last request seen (touched at most once a minute): the session also ends after a time without one. */
  last_seen_at: string | null;
}

export interface ReportsTable {
  id: string;
  reference: string;
  category: string;
  channel: string;
  language: string;
  status: string;
  outcome: string | null;
  urgent: number;
  received_at: string;
  acknowledgement_due_at: string | null;
  feedback_due_at: string | null;
  closed_at: string | null;
  updated_at: string;
  version: number;
  receipt_locator: string;
  receipt_salt: Buffer;
  receipt_verifier: Buffer;
  reporter_wrapped_key: Buffer;
  /** Argon2id costs of the receipt verifier and wrap, JSON `{"m","t","p"}` (src/crypto/kdf.ts); null before 0005. */
  receipt_kdf: string | null;
  acknowledged_at: string | null;
  /** Risk of harm to the reporter, assessed before a case leaves assessing (ISO 37002 §8.3). */
  risk_level: string | null;
  /** The next deadline the queue sorts by; NO_DEADLINE when there is none. */
  due_at: string;
  /** X25519 public key that originals' file keys are sealed to; its private key is granted (scope evidence). */
  evidence_public_key: Buffer;
  sealed_answers: Buffer;
  sealed_identity: Buffer;
  /** X25519 public key identity added later is sealed to; its private key is sealed under the identity key. */
  identity_public_key: Buffer | null;
  sealed_identity_secret: Buffer | null;
  /** When the reporter last added their identity of their own accord. */
  identity_added_at: string | null;
  /** A legal hold stops destruction at the end of retention. */
  legal_hold_at: string | null;
  sealed_legal_hold_reason: Buffer | null;
  /** When a closed case is destroyed (closed_at + the category's retentionDays); null while open. */
  retention_ends_at: string | null;
  retention_reminded_at: string | null;
  /** When the reporter last asked for protection (MSS Order No. 2 Art. 6(2)). */
  protection_requested_at: string | null;
  /**
   * JSON [{userId, reason, note, createdBy, createdAt}] under the case key, padded (src/domain/cases/exclusion-store.ts):
   * who is excluded from the case. Null only for reports received before 0006, whose exclusions may still be clear
   * rows of `exclusions`.
   */
  sealed_exclusions: Buffer | null;
  /** 1 while the receipt, seen by someone other than the reporter, is to be replaced at the first sign-in (0009). */
  receipt_rotate: number;
  /** Channel facts an intake operator recorded, JSON under the report key (intakeAd); null otherwise (0009). */
  sealed_intake: Buffer | null;
  /** When the reporter last wrote or added files (ISO 8601); null when they have not since the report (0010). */
  reporter_activity_at: string | null;
}

export interface GrantsTable {
  report_id: string;
  user_id: string;
  scope: 'case' | 'identity' | 'evidence';
  sealed_key: Buffer;
  granted_by: string | null;
  created_at: string;
}

export interface FilesTable {
  id: string;
  report_id: string;
  author: 'reporter' | 'staff';
  /** Order within its submission (files of one submission share created_at). */
  position: number;
  cleaning: 'cleaned' | 'unchanged' | 'failed';
  cleaned_blob: string | null;
  /** The staff reply a staff file was sent with (0010); null for reporter files. */
  message_id: string | null;
  /**
   * JSON {name, type, note, sha256, originalSize, cleanedSize} under the report key: the name and type staff see,
   * the cleaning note, the hex SHA-256 of the original bytes as received and the exact sizes (sealed: in clear they
   * would let a copy confirm a known document; rows written before 0007 have no sizes here, see `blob_format`).
   */
  sealed_meta: Buffer;
  original_blob: string;
  /** The original's own file key, sealed to the report's evidence public key. */
  sealed_original_key: Buffer;
  /** JSON {name, type, size} under the original's file key: as received. */
  sealed_original_meta: Buffer;
  /**
   * How both blobs are encrypted (src/crypto/stream.ts): 2, padded to a size bucket and bound to this row and the
   * blob's role; 1, rows written before 0007 (exact length, no binding; their sizes come from the blob's length).
   */
  blob_format: number;
  created_at: string;
}

/**
 * One original's file key, sealed to a staff member who holds no evidence grant, after a second person approved
 * their 'open_original' request for that file (src/domain/cases/originals.ts): it opens that original only.
 */
export interface OriginalKeysTable {
  file_id: string;
  user_id: string;
  report_id: string;
  sealed_key: Buffer;
  /** The decider whose evidence grant opened the file key. */
  granted_by: string | null;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  report_id: string;
  author: 'reporter' | 'staff';
  author_user_id: string | null;
  visibility: 'reporter' | 'internal';
  /** 'message', or 'outcome_notice' (the result told to the reporter, CEL 2023 Art. 52). */
  kind: Generated<string>;
  sealed_body: Buffer;
  created_at: string;
}

/** When a staff member last opened a case (0010): reporter activity after `seen_at` is unread for them. */
export interface CaseReadsTable {
  user_id: string;
  report_id: string;
  seen_at: string;
}

export interface CaseEventsTable {
  id: string;
  report_id: string;
  at: string;
  actor_user_id: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  sealed_reason: Buffer | null;
}

export interface ReceiptDisplaysTable {
  token_hash: string;
  sealed_receipt: Buffer;
  expires_at: string;
}
export interface ThrottleTable {
  key: string;
  failures: number;
  window_start: string;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** Exclusions written before 0006, in clear; still honoured until sealed into `reports.sealed_exclusions`. */
export interface ExclusionsTable {
  report_id: string;
  user_id: string;
  /** 'named_in_report' | 'conflict_of_interest' | 'other' */
  reason: string;
  sealed_note: Buffer | null;
  created_by: string | null;
  created_at: string;
}

export interface LinksTable {
  report_id: string;
  other_id: string;
  kind: 'duplicate' | 'related';
  first_report_id: string;
  created_by: string | null;
  created_at: string;
}

export interface CaseLabelsTable {
  report_id: string;
  label: string;
  created_at: string;
}
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  created_at: string;
  sent_at: string | null;
}
export interface RemindersTable {
  report_id: string;
  kind: string;
  due_at: string;
  created_at: string;
}

export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface RequestsTable {
  id: string;
  report_id: string;
  /** See REQUEST_KINDS in src/domain/requests. */
  kind: string;
  requester_id: string;
  status: 'pending' | 'approved' | 'refused' | 'expired' | 'used' | 'withdrawn';
  /** What the request is about, when more than the case: a file id, a user id. Never content. */
  subject: string | null;
  /** Reason and legal basis, sealed under the request key (see request_keys). */
  sealed_details: Buffer;
  /** Identity disclosure: the notice the reporter will read, sealed under the report key by the requester. */
  sealed_reporter_notice: Buffer | null;
  created_at: string;
  expires_at: string;
  decided_by: string | null;
  decided_at: string | null;
  sealed_decision_note: Buffer | null;
  used_at: string | null;
}

/** A request's key sealed to the requester and to each person who may decide it. */
export interface RequestKeysTable {
  request_id: string;
  user_id: string;
  sealed_key: Buffer;
}

export interface IdentityStatementsTable {
  id: string;
  report_id: string;
  /** Sealed to reports.identity_public_key. */
  sealed_identity: Buffer;
  created_at: string;
}

export interface ProtectionRequestsTable {
  id: string;
  report_id: string;
  /** The reporter's account of the danger, sealed under the report key. */
  sealed_details: Buffer;
  requested_at: string;
  due_at: string;
  responded_at: string | null;
  responded_by: string | null;
  outcome: string | null;
  sealed_outcome_note: Buffer | null;
}

export interface ActionsTable {
  id: string;
  report_id: string;
  kind: string;
  at: string;
  /** The approved request (kind enforcement_action) this record rests on. */
  request_id: string;
  /** JSON array of at least two distinct staff user ids. */
  officer_ids: string;
  /**
   * Place, credentials and documents shown, notes, reason a recording is missing and the recording's SHA-256: sealed
   * under the case key.
   */
  sealed_details: Buffer;
  recording_file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CertificatesTable {
  /** Hex SHA-256 of the verification code. */
  code_hash: string;
  report_id: string;
  issued_at: string;
}

/** A transcript or minutes of a call or meeting of an oral report (EU 2019/1937 Art. 18). */
export interface TranscriptsTable {
  id: string;
  report_id: string;
  kind: 'transcript' | 'minutes';
  /** The text, sealed under the report key (transcriptAd): the reporter reads it to check and confirm it. */
  sealed_text: Buffer;
  /** The audio recording, a file of the report; null without one or once it was deleted. */
  recording_file_id: string | null;
  /** When the recording was deleted by the category's policy after the reporter confirmed. */
  recording_deleted_at: string | null;
  author_user_id: string | null;
  created_at: string;
  /** When the reporter confirmed it (with their corrections, if any); null while awaiting them. */
  confirmed_at: string | null;
}

/** A reporter's correction of a transcript, kept beside its text: the original is never overwritten. */
export interface TranscriptCorrectionsTable {
  id: string;
  transcript_id: string;
  /** Sealed under the report key (transcriptCorrectionAd). */
  sealed_text: Buffer;
  created_at: string;
}

/** An e-mail taken in as a report (src/domain/email/mail.ts), by the keyed hash of its Message-ID. */
export interface MailMessagesTable {
  /** Hex HMAC-SHA-512-256 of the Message-ID under a subkey of the server secret. */
  message_key: string;
  received_at: string;
}

export interface Tables {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  reports: ReportsTable;
  grants: GrantsTable;
  files: FilesTable;
  messages: MessagesTable;
  case_events: CaseEventsTable;
  case_reads: CaseReadsTable;
  receipt_displays: ReceiptDisplaysTable;
  throttle: ThrottleTable;
  mail_messages: MailMessagesTable;
  audit: AuditTable;
  job_leases: JobLeasesTable;
  exclusions: ExclusionsTable;
  original_keys: OriginalKeysTable;
  links: LinksTable;
  case_labels: CaseLabelsTable;
  notifications: NotificationsTable;
  reminders: RemindersTable;
  requests: RequestsTable;
  request_keys: RequestKeysTable;
  identity_statements: IdentityStatementsTable;
  protection_requests: ProtectionRequestsTable;
  actions: ActionsTable;
  certificates: CertificatesTable;
  transcripts: TranscriptsTable;
  transcript_corrections: TranscriptCorrectionsTable;
  profile_versions: ProfileVersionsTable;
  profile_drafts: ProfileDraftsTable;
  admin_changes: AdminChangesTable;
}

/** A published profile version (0014); the profile files are version 0 and are not stored. */
export interface ProfileVersionsTable {
  number: number;
  /** The profile source as JSON (profile.json with `categories`). */
  source: string;
  /** DiffEntry[] from the version before, as JSON. */
  diff: string;
  published_by: string | null;
  approved_by: string | null;
  note: string | null;
  published_at: string;
}

/** An administrator's draft of the next profile version, as typed (0014). */
export interface ProfileDraftsTable {
  user_id: string;
  source: string;
  base_number: number;
  updated_at: string;
}

/** A change waiting for (or decided by) a second administrator (0014). */
export interface AdminChangesTable {
  id: string;
  /** 'profile' | 'category_staff' | 'role' */
  kind: string;
  /** the user id a category_staff or role change is about; null for a profile change */
  subject: string | null;
  /** JSON: the source (profile), the category ids or null (category_staff), the role (role) */
  payload: string;
  diff: string;
  base_number: number | null;
  /** 'pending' | 'applied' | 'rejected' | 'withdrawn' | 'expired' */
  status: string;
  note: string | null;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}
