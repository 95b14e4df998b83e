/** Words and checks for enforcement action records and approvals in the workspace. */
import type { ActionKind, GatedKind, UsableApproval } from '../../shared/actions.ts';
import type { RequestKind } from '../../shared/requests.ts';
import { i18n } from '../i18n/instance.ts';

/** "Inspection", "Search", …, "Other action", in the workspace's language. */
export function actionKindLabel(kind: ActionKind): string {
  return i18n.t(`actions.kind.${kind}`);
}

/** The title of a request of this kind ("Close the case"), in the workspace's language. */
export function approvalTitle(kind: RequestKind): string {
  return i18n.t(`actions.approvalTitle.${kind}`);
}

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
  if (!d.at) return i18n.t('actions.problem.at');
  if (!d.place.trim()) return i18n.t('actions.problem.place');
  if (new Set(d.officerIds).size < 2) return i18n.t('actions.problem.officers');
  if (!d.credentialsShown.trim()) return i18n.t('actions.problem.credentials');
  if (!d.documentsShown.trim()) return i18n.t('actions.problem.documents');
  if (!d.requestId) return i18n.t('actions.problem.approval');
  if (!d.hasRecording && !d.noRecordingReason.trim()) return i18n.t('actions.problem.recording');
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
