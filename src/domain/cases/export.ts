/**
 * Exporting a case outside (to a prosecutor, a court, another authority) under the two-person rule: the viewer's
 * approved 'export' request is used once, and the case goes out as one JSON bundle — answers, messages, history,
 * the file list with each original's SHA-256, and the enforcement action records. The reporter's identity is never
 * part of it (that needs its own disclosure). Audited ('case.export') with a case event.
 * @see CEL 2023 Art. 25–31 (prior approval); EU 2019/1937 Art. 16(1)–(2) (confidentiality when passing reports on)
 */
import { open, openJson } from '../../crypto/sodium.ts';
import { listMessageRows } from '../../store/case-events.ts';
import { listCaseFileRows } from '../../store/case-files.ts';
import { getDisplayName } from '../../store/category-staff.ts';
import { findReport } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { CaseExport } from '../../shared/actions.ts';
import type { CaseStatus, Channel, Outcome } from '../../shared/api.ts';
import { actionViews } from './actions.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { fileSizes } from '../uploads/blobs.ts';
import type { FileMeta } from '../uploads/intake.ts';
import { useApproval } from '../approvals/use.ts';
import { answersAd, fileAd, messageAd } from '../../crypto/case-keys.ts';
import { NOT_FOUND, withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { labelAnswers } from './answers.ts';
import { listEvents, recordEvent } from './events.ts';
import { categoryOf } from '../categories.ts';

type AnswerValue = string | string[] | boolean | null;

/**
 * @returns the bundle and the name of the file it is sent as (`case-R-XXXXXXXX.json`)
 * @throws not_found | conflict/approval_required
 */
export async function exportCase(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  requestId: string | undefined,
): Promise<{ fileName: string; bundle: CaseExport }> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const r = await findReport(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const category = categoryOf(deps, r.category);
    const answers = openJson<Record<string, AnswerValue>>(keys.reportKey, r.sealed_answers, answersAd(r.id));
    const messages = await listMessageRows(deps.db, r.id);
    const files = await listCaseFileRows(deps.db, r.id);
    const exportedBy = await getDisplayName(deps.db, viewer.userId);
    const at = deps.now().toISOString();
    const bundle: CaseExport = {
      format: 'confide-case-export/1',
      exportedAt: at,
      exportedBy,
      requestId: requestId ?? '',
      case: {
        id: r.id,
        reference: r.reference,
        category: { id: r.category, title: category?.title ?? r.category },
        channel: r.channel as Channel,
        status: r.status as CaseStatus,
        outcome: (r.outcome as Outcome | null) ?? null,
        urgent: r.urgent === 1,
        riskLevel: r.risk_level,
        receivedAt: r.received_at,
        acknowledgedAt: r.acknowledged_at,
        closedAt: r.closed_at,
      },
      // Only the questions answered, with their values as given (no option labels).
      answers: labelAnswers(category?.fields ?? [], answers)
        .filter((a) => a.fieldId in answers)
        .map(({ fieldId, label, value }) => ({ fieldId, label, value })),
      messages: messages.map((m) => ({
        author: m.author,
        authorName: m.author === 'staff' ? m.display_name : null,
        visibility: m.visibility,
        kind: m.kind,
        body: open(
          m.visibility === 'internal' ? keys.caseKey : keys.reportKey,
          m.sealed_body,
          messageAd(r.id, m.id),
        ).toString(),
        createdAt: m.created_at,
      })),
      events: [],
      files: await Promise.all(
        files.map(async (f) => {
          const meta = openJson<FileMeta>(keys.reportKey, f.sealed_meta, fileAd(r.id, f.id));
          return {
            id: f.id,
            name: meta.name,
            type: meta.type,
            author: f.author,
            size: (await fileSizes(deps, f, meta)).original,
            sha256: meta.sha256 ?? null,
            cleaning: f.cleaning,
            createdAt: f.created_at,
          };
        }),
      ),
      actions: await actionViews(deps, r.id, keys.caseKey),
    };
    await inTransaction(deps.db, async (trx) => {
      await useApproval(deps, trx, { requestId, reportId, kind: 'export', viewer });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'export',
        summary: 'Case exported (answers, messages, history, file list with SHA-256, action records)',
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.export',
        subject: `report:${reportId}`,
        reason: `request:${requestId}`,
      });
    });
    // The history includes the export itself.
    bundle.events = await listEvents(deps, r.id, keys.caseKey);
    return { fileName: `case-${r.reference}.json`, bundle };
  });
}
