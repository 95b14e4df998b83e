/** Staff adding files to a case they hold (a reply's files, an action's or a meeting's recording): keys and intake. */
import type { CaseKeys } from '../../crypto/case-keys.ts';
import { getReportEvidencePublicKey } from '../../store/reports.ts';
import type { Deps } from '../deps.ts';
import { FileIntake } from '../uploads/intake.ts';
import type { Viewer } from '../viewer.ts';
import { withCaseKeys } from './access.ts';

/**
 * Runs `work` with the viewer's case keys and a FileIntake for the report; when `work` throws, every blob the
 * intake wrote is deleted before the error goes on.
 * @throws not_found without a grant; whatever `work` throws
 */
export function withCaseUpload<T>(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  work: (keys: CaseKeys, intake: FileIntake) => Promise<T>,
): Promise<T> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const report = await getReportEvidencePublicKey(deps.db, reportId);
    const intake = new FileIntake(
      deps,
      { reportKey: keys.reportKey, evidencePublicKey: report.evidence_public_key },
      reportId,
    );
    try {
      return await work(keys, intake);
    } catch (error) {
      await intake.discard();
      throw error;
    }
  });
}
