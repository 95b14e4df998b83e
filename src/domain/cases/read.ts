/** Reading a case and downloading its cleaned files, decrypted for the viewer and audited. */
import { listHolders, listProtectionPending } from '../../store/case-columns.ts';
import { answersAd, fileAd, intakeAd, messageAd, type CaseKeys } from '../../crypto/case-keys.ts';
import type { IntakeFacts } from '../../shared/intake.ts';
import { open, openJson } from '../../crypto/sodium.ts';
import { listMessageRows } from '../../store/case-events.ts';
import { findCaseFile, listCaseFileRows } from '../../store/case-files.ts';
import { findReport } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { CaseDetail, CaseStatus, MessageView, RiskLevel } from '../../shared/api.ts';
import { feedbackTemplates } from './feedback.ts';
import { labelAnswers } from './answers.ts';
import { listEvents } from './events.ts';
import { canManageAccess } from './manage.ts';
import { listLabels } from './labels.ts';
import { listLinks } from './links.ts';
import { outcomeNoticeMissing } from './status.ts';
import type { Readable } from 'node:stream';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { fileSizes } from '../uploads/blobs.ts';
import { openCleanedCopy } from '../uploads/cleaned-copy.ts';
import { markCaseSeen } from '../../store/case-reads.ts';
import type { FileMeta } from '../uploads/intake.ts';
import { allowedTransitions } from './lifecycle.ts';
import { NOT_FOUND, withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { presentSummary } from './present.ts';
import { categoryOf } from '../categories.ts';

/** One case with its answers, files and messages, decrypted for the viewer. Audited as a read. */
export async function getCase(deps: Deps, viewer: Viewer, reportId: string): Promise<CaseDetail> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const r = await findReport(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const category = categoryOf(deps, r.category);
    const answers = openJson<Record<string, string | string[] | boolean | null>>(
      keys.reportKey,
      r.sealed_answers,
      answersAd(r.id),
    );
    const files = await listCaseFileRows(deps.db, r.id);
    const messages = await listMessageRows(deps.db, r.id);
    await inTransaction(deps.db, async (trx) => {
      await audit(deps, trx, { actor: viewer.userId, action: 'case.read', subject: `report:${r.id}` });
      // What the reporter wrote up to now is read: the case list stops marking it for this viewer.
      await markCaseSeen(trx, viewer.userId, r.id, deps.now().toISOString());
    });
    return {
      ...presentSummary(deps, r),
      holders: (await listHolders(deps.db, [r.id])).get(r.id) ?? [],
      protectionPending: (await listProtectionPending(deps.db, [r.id])).has(r.id),
      categoryKind: category?.kind ?? 'report',
      acknowledgementDueAt: r.acknowledgement_due_at,
      feedbackDueAt: r.feedback_due_at,
      acknowledgedAt: r.acknowledged_at,
      riskLevel: (r.risk_level as RiskLevel | null) ?? null,
      labels: await listLabels(deps, r.id),
      links: await listLinks(deps, viewer, r.id),
      events: await listEvents(deps, r.id, keys.caseKey),
      outcomeNoticeRequired: r.status !== 'closed' && (await outcomeNoticeMissing(deps, r.id, r.category)),
      language: r.language,
      feedbackTemplates: feedbackTemplates(deps.profile(), r.language),
      canManageAccess: canManageAccess(viewer, category),
      intake: r.sealed_intake ? openJson<IntakeFacts>(keys.reportKey, r.sealed_intake, intakeAd(r.id)) : null,
      answers: labelAnswers(category?.fields ?? [], answers),
      files: await Promise.all(
        files.map(async (f) => {
          const meta = openJson<FileMeta>(keys.reportKey, f.sealed_meta, fileAd(r.id, f.id));
          const sizes = await fileSizes(deps, f, meta);
          return {
            id: f.id,
            name: meta.name,
            type: meta.type,
            // What a download gives: the cleaned copy when there is one.
            size: f.cleaned_blob ? sizes.cleaned : sizes.original,
            cleaning: f.cleaning,
            note: meta.note,
            createdAt: f.created_at,
          };
        }),
      ),
      messages: messages.map((m) => presentMessage(r.id, keys, m)),
      allowedTransitions: [...allowedTransitions(r.status as CaseStatus)],
    };
  });
}

function presentMessage(
  reportId: string,
  keys: CaseKeys,
  m: {
    id: string;
    author: 'reporter' | 'staff';
    visibility: 'reporter' | 'internal';
    kind: string;
    sealed_body: Buffer;
    created_at: string;
    display_name: string | null;
  },
): MessageView {
  const key = m.visibility === 'internal' ? keys.caseKey : keys.reportKey;
  return {
    id: m.id,
    author: m.author,
    authorName: m.author === 'staff' ? m.display_name : null,
    visibility: m.visibility,
    kind: m.kind === 'outcome_notice' ? 'outcome_notice' : 'message',
    body: open(key, m.sealed_body, messageAd(reportId, m.id)).toString(),
    createdAt: m.created_at,
  };
}

/**
 * The cleaned copy of a file, decrypted as a stream. Audited as a download.
 * @returns `size` in bytes, null when not known (a file stored before sizes were sealed whose blob is missing)
 * @throws not_found (no grant, no such file, or no cleaned copy: the original opens only under the two-person rule)
 *   | damaged/file_missing | damaged/file_damaged (the blob is not this file's cleaned copy, or was altered)
 */
export async function openCaseFile(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  fileId: string,
): Promise<{ name: string; type: string; size: number | null; stream: Readable }> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const f = await findCaseFile(deps.db, reportId, fileId);
    if (!f) throw errors.notFound('There is no such file in this case.');
    if (!f.cleaned_blob)
      throw errors.notFound(
        'Metadata could not be removed from this file, so there is no cleaned copy; the original opens only with a second person’s approval.',
      );
    return openCleanedCopy(
      deps,
      reportId,
      keys.reportKey,
      { ...f, cleaned_blob: f.cleaned_blob },
      {
        actor: viewer.userId,
        action: 'file.download',
      },
    );
  });
}
