/** Replies to the reporter and internal notes. */
import { randomUUID } from 'node:crypto';
import { seal } from '../../crypto/sodium.ts';
import { insertMessage } from '../../store/case-events.ts';
import { getDisplayName } from '../../store/category-staff.ts';
import { updateReport } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { MessageView } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { messageAd } from '../../crypto/case-keys.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { cleanText } from '../../shared/text.ts';

/** Adds a reply to the reporter (under the report key) or an internal note (under the case key). */
export async function addCaseMessage(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { body: string; visibility: 'reporter' | 'internal'; kind?: 'message' | 'outcome_notice' | undefined },
): Promise<MessageView> {
  const kind = input.kind ?? 'message';
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    if (kind === 'outcome_notice' && input.visibility !== 'reporter')
      throw errors.invalid(
        'outcome_notice_to_reporter',
        'An outcome notice is a message to the reporter, not an internal note.',
      );
    const id = randomUUID();
    const at = deps.now().toISOString();
    const key = input.visibility === 'internal' ? keys.caseKey : keys.reportKey;
    // Cleaned here as well as by the request schema, so that what is stored is what the 201 answer holds.
    const body = cleanText(input.body).trim();
    const sealed = seal(key, Buffer.from(body), messageAd(reportId, id));
    const authorName = await getDisplayName(deps.db, viewer.userId);
    await inTransaction(deps.db, async (trx) => {
      await insertMessage(trx, {
        id,
        report_id: reportId,
        author: 'staff',
        author_user_id: viewer.userId,
        visibility: input.visibility,
        kind,
        sealed_body: sealed,
        created_at: at,
      });
      await updateReport(trx, reportId, { updated_at: at });
      await audit(deps, trx, {
        actor: viewer.userId,
        action:
          input.visibility === 'internal'
            ? 'case.note'
            : kind === 'outcome_notice'
              ? 'case.outcome_notice'
              : 'case.reply',
        subject: `report:${reportId}`,
      });
    });
    return {
      id,
      author: 'staff',
      authorName,
      visibility: input.visibility,
      kind,
      body,
      createdAt: at,
    };
  });
}
