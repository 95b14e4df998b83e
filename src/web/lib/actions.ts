/** Words and checks for enforcement action records and approvals in the workspace. */
import type { ActionKind, GatedKind, UsableApproval } from '../../shared/actions.ts';
import { REQUEST_TITLES } from '../../shared/requests.ts';

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  inspection: 'Inspection',
  search: 'Search',
  seizure: 'Seizure',
  questioning: 'Questioning',
  summons: 'Summons',
  other: 'Other action',
};

/** The request title a step needs, as the requester asks for it. */
export const APPROVAL_TITLES: Record<GatedKind, string> = REQUEST_TITLES;

export interface ActionDraft {
  at: string;
  place: string;
  officerIds: string[];
  credentialsShown: string;
  documentsShown: string;
  requestId: string;
  hasRecording: boolean;
  noRecordingReason: string;
}

/**
 * The first thing missing from a draft record, in the words the server uses, or null when it can be sent. The
 * server checks the same (CEL 2023 Art. 24, 31); this only saves a round trip.
 */
export function actionProblem(d: ActionDraft): string | null {
  if (!d.at) return 'Give the date and time of the action.';
  if (!d.place.trim()) return 'Give the place of the action.';
  if (new Set(d.officerIds).size < 2)
    return 'Choose at least two different officers: an enforcement action needs two (Counter-Espionage Law 2023, Art. 31).';
  if (!d.credentialsShown.trim()) return 'Record the credentials the officers showed.';
  if (!d.documentsShown.trim()) return 'Record the legal documents shown.';
  if (!d.requestId) return 'Choose the approval this action rests on.';
  if (!d.hasRecording && !d.noRecordingReason.trim())
    return 'Attach the audio or video recording, or record why there is none.';
  return null;
}

/** A `datetime-local` value (the viewer's local time) as ISO 8601 UTC; '' when empty or invalid. */
export function localToIso(value: string): string {
  if (!value) return '';
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? '' : time.toISOString();
}

/** The approvals of one kind (and, for an original, about one file). */
export function approvalsFor(
  approvals: readonly UsableApproval[],
  kind: GatedKind,
  subject?: string,
): UsableApproval[] {
  return approvals.filter((a) => a.kind === kind && (subject === undefined || a.subject === subject));
}
