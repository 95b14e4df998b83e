/**
 * The one table that says what each audit action means: in plain words for oversight officers, and as a purpose
 * for the reporter's record of who has looked at their report. An action missing here still shows, by its prefix.
 * @see Directive (EU) 2016/680 Art. 25 (logs give the purpose of a consultation); CJEU C-579/21
 */

/**
 * What an action means. `text`: for oversight officers. `purpose`: for the reporter, when the entry concerns their
 * report; `{target}` stands for the staff member the entry names (a pseudonym, or "a staff member"). `reporter`:
 * whether the reporter's record of accesses (follow-up page, its CSV/JSON downloads, the reporter API) lists it.
 */
export interface ActionMeaning {
  text: string;
  purpose?: string;
  /**
   * True for accesses to the report — reads, file downloads and originals opened, identity reads and disclosures,
   * who may look (grants, revocations, exclusions), search hits —, what staff sent the reporter (replies, the outcome
   * notice, the answer to a protection request), and the reporter's own and the system's steps. False for
   * investigative steps that could tip a reporter off (legal holds, enforcement actions, exports, approvals, internal
   * notes, status, urgency, risk, links and labels) and for entries that never concern one report. Oversight officers
   * see every entry whatever this says.
   */
  reporter: boolean;
}

/** Every audit action, in one table. Actions not listed fall back on PREFIX_MEANINGS, then on the action itself. */
export const AUDIT_ACTIONS: Readonly<Record<string, ActionMeaning>> = {
  'report.submit': { text: 'A report was received', purpose: 'Your report was received', reporter: true },
  'reporter.sign_in': {
    text: 'The reporter signed in with the receipt',
    purpose: 'You signed in with your receipt',
    reporter: true,
  },
  'reporter.receipt_replaced': {
    text: 'A receipt someone else saw was replaced at the reporter’s first sign-in',
    purpose: 'Your receipt was replaced by a new one when you first signed in',
    reporter: true,
  },
  'reporter.add_information': {
    text: 'The reporter added information or files',
    purpose: 'You added information or files',
    reporter: true,
  },
  'reporter.file_download': {
    text: 'The reporter downloaded a file sent with a reply',
    purpose: 'You downloaded a file sent to you',
    reporter: true,
  },
  'case.read': { text: 'Opened a case', purpose: 'Read your report', reporter: true },
  'file.download': {
    text: 'Downloaded the cleaned copy of a file',
    purpose: 'Downloaded a file from your report',
    reporter: true,
  },
  'case.search': { text: 'Searched the content of the cases granted to them', reporter: false },
  'case.search_hit': {
    text: 'A search over content found this case',
    purpose: 'Searched the reports they work on, and the search found yours',
    reporter: true,
  },
  'case.requests_read': {
    text: 'Read the approval requests of a case (their reasons)',
    purpose: 'Read the approval requests about your report',
    reporter: false,
  },
  'case.access_read': {
    text: 'Looked at who may work on a case',
    purpose: 'Looked at who may work on your report',
    reporter: true,
  },
  'case.reply': { text: 'Replied to the reporter', purpose: 'Sent you a reply', reporter: true },
  'case.note': { text: 'Added an internal note', purpose: 'Added an internal note to your report', reporter: false },
  'case.outcome_notice': {
    text: 'Sent the outcome notice',
    purpose: 'Sent you the outcome of your report',
    reporter: true,
  },
  'case.status': {
    text: 'Changed the status of a case',
    purpose: 'Changed the status of your report',
    reporter: false,
  },
  'case.urgent': { text: 'Marked a case urgent', purpose: 'Marked your report urgent', reporter: false },
  'case.not_urgent': {
    text: 'Marked a case no longer urgent',
    purpose: 'Marked your report no longer urgent',
    reporter: false,
  },
  'case.risk': {
    text: 'Assessed the risk of harm to the reporter',
    purpose: 'Assessed the risk of harm to you',
    reporter: false,
  },
  'case.grant': {
    text: 'Granted a case to a staff member',
    purpose: 'Gave {target} access to your report',
    reporter: true,
  },
  'case.revoke': {
    text: 'Revoked a staff member’s access',
    purpose: 'Removed the access of {target} to your report',
    reporter: true,
  },
  'case.exclude': {
    text: 'Excluded a staff member from a case',
    purpose: 'Excluded {target} from your report',
    reporter: true,
  },
  'case.include': {
    text: 'Lifted an exclusion',
    purpose: 'Lifted the exclusion of {target} from your report',
    reporter: true,
  },
  // Written at submission before issue 8, with the number of staff a report named; now that fact stays sealed in
  // the case (an entry only when someone is named told oversight officers which reports name someone).
  'case.exclude_named': {
    text: 'Excluded the staff a report names from it, on receipt',
    purpose: 'Kept the staff your report names away from it',
    reporter: true,
  },
  'case.link': { text: 'Linked a case to another', purpose: 'Linked your report to another report', reporter: false },
  'case.unlink': {
    text: 'Removed a link between cases',
    purpose: 'Removed a link between your report and another',
    reporter: false,
  },
  'case.labels': {
    text: 'Changed the labels of a case',
    purpose: 'Changed the labels used to sort your report',
    reporter: false,
  },
  'request.create': {
    text: 'Asked a second person to approve a step',
    purpose: 'Asked a second person to approve a step on your report',
    reporter: false,
  },
  'request.approve': {
    text: 'Approved a request',
    purpose: 'Approved a step on your report, as the second person',
    reporter: false,
  },
  'request.refuse': {
    text: 'Refused a request',
    purpose: 'Refused a step on your report, as the second person',
    reporter: false,
  },
  'request.use': {
    text: 'Carried out an approved step',
    purpose: 'Carried out an approved step on your report',
    reporter: false,
  },
  'case.legal_hold': {
    text: 'Put a case on legal hold',
    purpose: 'Put your report on legal hold (kept until lifted)',
    reporter: false,
  },
  'case.legal_hold_lift': {
    text: 'Lifted a legal hold',
    purpose: 'Lifted the legal hold on your report',
    reporter: false,
  },
  'case.destroy': { text: 'Deleted a case before its retention ended', purpose: 'Deleted your report', reporter: true },
  'certificate.issue': {
    text: 'Issued a certificate of receipt',
    purpose: 'A certificate of receipt was issued',
    reporter: true,
  },
  'certificate.verify': {
    text: 'Checked a certificate of receipt',
    purpose: 'Checked that a certificate of receipt for your report is genuine',
    reporter: true,
  },
  'reporter.protection_request': {
    text: 'The reporter asked for protection',
    purpose: 'You asked for protection',
    reporter: true,
  },
  'protection.read': {
    text: 'Read the protection requests of a case',
    purpose: 'Read your request for protection',
    reporter: true,
  },
  'protection.respond': {
    text: 'Answered a protection request',
    purpose: 'Recorded the answer to your request for protection',
    reporter: true,
  },
  // Written before issue 8: approving one original passed on the key to every original of the report.
  'case.grant_evidence': {
    text: 'Gave a staff member the key to the original files of a case',
    purpose: 'Gave {target} the key to the original files you sent',
    reporter: true,
  },
  'file.grant_original': {
    text: 'Gave a staff member the key to one original file of a case, as approved',
    purpose: 'Gave {target} the key to one original file you sent, as a second person approved',
    reporter: true,
  },
  'file.original': {
    text: 'Opened the original of a file (with its metadata), as approved',
    purpose: 'Opened the original of a file you sent, with its hidden information, as a second person approved',
    reporter: true,
  },
  'case.export': {
    text: 'Exported a case, as approved',
    purpose: 'Exported your report to pass it on, as a second person approved',
    reporter: false,
  },
  'transcript.add': {
    text: 'Wrote down a call or meeting with the reporter (transcript or minutes)',
    purpose: 'Wrote down a conversation with you, for you to check and confirm',
    reporter: true,
  },
  'transcript.read': {
    text: 'Read the transcripts and minutes of a case',
    purpose: 'Read the written record of your conversations',
    reporter: true,
  },
  'transcript.recording_delete': {
    text: 'Deleted a recording after the reporter confirmed its transcript (category policy)',
    purpose: 'Deleted the recording of a conversation after you confirmed its transcript',
    reporter: true,
  },
  'reporter.transcript_correct': {
    text: 'The reporter corrected a transcript or minutes',
    purpose: 'You corrected the written record of a conversation',
    reporter: true,
  },
  'reporter.transcript_confirm': {
    text: 'The reporter confirmed a transcript or minutes',
    purpose: 'You confirmed the written record of a conversation',
    reporter: true,
  },
  'action.record': {
    text: 'Recorded an enforcement action',
    purpose: 'Recorded an enforcement action taken on your report',
    reporter: false,
  },
  'action.read': {
    text: 'Read the enforcement actions of a case',
    purpose: 'Read the enforcement actions recorded on your report',
    reporter: false,
  },
  'retention.remind': {
    text: 'Reminded staff that a case is due to be deleted',
    purpose: 'Reminded staff that your report is due to be deleted',
    reporter: true,
  },
  'retention.sweep': { text: 'Removed abandoned uploads', reporter: false },
  'identity.read': { text: 'Read the reporter’s identity', purpose: 'Read your identity', reporter: true },
  'identity.disclose': {
    text: 'Disclosed the reporter’s identity to a staff member',
    purpose: 'Disclosed your identity to {target}',
    reporter: true,
  },
  'identity.add': { text: 'The reporter added their identity', purpose: 'You added your identity', reporter: true },
  'audit.read': {
    text: 'Read the audit log',
    purpose: 'Looked at the record of who has accessed your report',
    reporter: true,
  },
  'audit.export': {
    text: 'Exported the audit log',
    purpose: 'Exported the record of who has accessed your report',
    reporter: true,
  },
  'audit.verify': { text: 'Checked the audit log’s chain', reporter: false },
  'deadlines.check': { text: 'Checked deadlines and sent reminders', reporter: false },
  'statistics.read': { text: 'Read the statistics', reporter: false },
  'statistics.export': { text: 'Exported the statistics', reporter: false },
  'session.create': { text: 'Signed in', reporter: false },
  'session.failed': { text: 'A sign-in failed', reporter: false },
  'session.code_required': {
    text: 'Signed in with the right password; the two-factor code was asked for',
    reporter: false,
  },
  'setup.complete': { text: 'Completed the setup', reporter: false },
  'user.create': { text: 'Created a staff account', reporter: false },
  'user.disable': { text: 'Disabled a staff account', reporter: false },
  'user.enable': { text: 'Enabled a disabled staff account again', reporter: false },
  'user.invitation': {
    text: 'Issued a new first invitation code for a staff account (to be approved anew)',
    reporter: false,
  },
  'user.invitation_approve': {
    text: 'Approved another administrator’s invitation and received its second code',
    reporter: false,
  },
  'account.activate': { text: 'Activated their account with both invitation codes', reporter: false },
  'account.activate.failed': { text: 'An account activation failed', reporter: false },
  'account.language.change': { text: 'Chose their own language', reporter: false },
  'user.unlock': { text: 'Unlocked a staff account', reporter: false },
  'user.email.set': { text: 'Set a staff member’s e-mail address', reporter: false },
  'user.email.remove': { text: 'Removed a staff member’s e-mail address', reporter: false },
  'user.password_reset': { text: 'Reset a staff member’s password', reporter: false },
  'user.totp_reset': { text: 'Reset a staff member’s two-factor sign-in', reporter: false },
  'user.categories': { text: 'Changed the categories a staff member works on', reporter: false },
};

/** Fallbacks for actions the table does not list, by the first part of the action. */
export const PREFIX_MEANINGS: readonly (readonly [string, ActionMeaning])[] = [
  ['identity.', { text: 'Worked on the reporter’s identity', purpose: 'Handled your identity', reporter: true }],
  [
    'protection.',
    { text: 'Worked on a protection request', purpose: 'Handled your request for protection', reporter: false },
  ],
  ['file.', { text: 'Worked on a file', purpose: 'Handled a file from your report', reporter: true }],
  [
    'action.',
    {
      text: 'Worked on an enforcement action record',
      purpose: 'Handled the record of an enforcement action',
      reporter: false,
    },
  ],
  ['retention.', { text: 'Worked on retention', purpose: 'Handled how long your report is kept', reporter: false }],
  [
    'request.',
    { text: 'Worked on a request for approval', purpose: 'Handled a request about your report', reporter: false },
  ],
  ['reporter.', { text: 'The reporter followed up', purpose: 'You followed up on your report', reporter: true }],
  ['case.', { text: 'Worked on a case', purpose: 'Worked on your report', reporter: false }],
  [
    'audit.',
    { text: 'Used the audit log', purpose: 'Looked at the record of who has accessed your report', reporter: false },
  ],
  [
    'certificate.',
    { text: 'Worked on a certificate of receipt', purpose: 'Handled a certificate of receipt', reporter: false },
  ],
  ['account.', { text: 'Changed their own account', reporter: false }],
];

/**
 * The meaning of an action: the table, then a matching prefix, then the action itself (not shown to the reporter).
 */
export function actionMeaning(action: string): ActionMeaning {
  const exact = AUDIT_ACTIONS[action];
  if (exact) return exact;
  const prefixed = PREFIX_MEANINGS.find(([prefix]) => action.startsWith(prefix));
  return prefixed ? prefixed[1] : { text: action, purpose: 'Worked on your report', reporter: false };
}

/** Action prefixes offered when filtering the log, with what they cover. */
export const ACTION_FILTERS: readonly { value: string; label: string }[] = [
  { value: 'case.read', label: 'Cases opened' },
  { value: 'file.', label: 'Files' },
  { value: 'identity.', label: 'Reporter identity' },
  { value: 'request.', label: 'Approvals (two-person rule)' },
  { value: 'case.', label: 'All work on cases' },
  { value: 'report.', label: 'Reports received' },
  { value: 'reporter.', label: 'Reporters following up' },
  { value: 'session.', label: 'Staff sign-ins' },
  { value: 'user.', label: 'Staff accounts' },
  { value: 'audit.', label: 'Use of the audit log' },
];
