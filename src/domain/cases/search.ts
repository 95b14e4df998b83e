/**
 * Search over content, only inside the cases the searcher holds, after decrypting them in memory for this
 * request: there is no server-side plaintext index, so a copy of the database reveals nothing to search.
 * The newest `limit` granted cases are searched; the answer says when that was not all of them.
 */
import { answersAd, messageAd } from '../../crypto/case-keys.ts';
import { open, openJson } from '../../crypto/sodium.ts';
import type { CaseSummary } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { listMessageBodies } from '../../store/case-events.ts';
import { listGrantedForSearch } from '../../store/queue.ts';
import { inTransaction } from '../../store/transaction.ts';
import { withSealedCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { presentSummary } from './present.ts';

export const SEARCH_LIMIT = 2000;

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

export async function searchCases(
  deps: Pick<Deps, 'db' | 'profile' | 'dialect' | 'now'>,
  viewer: Viewer,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<{ items: CaseSummary[]; searched: number; complete: boolean }> {
  const needle = fold(query.trim());
  const rows = await listGrantedForSearch(deps.db, viewer.userId, limit);
  const searched = rows.slice(0, limit);
  const items: CaseSummary[] = [];
  for (const r of searched) {
    const hit = await withSealedCaseKeys(viewer, r.sealed_key, async (keys) => {
      if (r.reference.toLowerCase() === needle) return true;
      const answers = openJson<Record<string, unknown>>(keys.reportKey, r.sealed_answers, answersAd(r.id));
      if (fold(JSON.stringify(Object.values(answers))).includes(needle)) return true;
      const messages = await listMessageBodies(deps.db, r.id);
      return messages.some((m) =>
        fold(
          open(
            m.visibility === 'internal' ? keys.caseKey : keys.reportKey,
            m.sealed_body,
            messageAd(r.id, m.id),
          ).toString(),
        ).includes(needle),
      );
    });
    if (hit) items.push(presentSummary(deps, r));
  }
  // The query itself may be content: the audit records that a search happened, not what was searched for. A hit
  // tells the searcher something about the case's content, so each case found is recorded against its report.
  await inTransaction(deps.db, async (trx) => {
    await audit(deps, trx, { actor: viewer.userId, action: 'case.search', reason: `${searched.length} cases` });
    for (const item of items)
      await audit(deps, trx, { actor: viewer.userId, action: 'case.search_hit', subject: `report:${item.id}` });
  });
  return { items, searched: searched.length, complete: rows.length <= limit };
}
