import { useState } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { approvalTitle } from '../lib/actions.ts';
import { exclusionReasonLabel } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  exclusions: CaseAccess['exclusions'];
  onChanged: (access: CaseAccess) => void;
}

/** The staff excluded from the case (they can never be granted it), with why, and a way to lift an exclusion. */
export function ExclusionList({ caseId, exclusions, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [removing, setRemoving] = useState<string | null>(null);
  const { error, notice, run } = useSubmit();

  async function remove(exclusion: CaseAccess['exclusions'][number]) {
    setRemoving(exclusion.userId);
    await run(async () => {
      // Someone named in the report is let back in only under an approval (two-person rule): use mine, if any.
      const approval =
        exclusion.reason === 'named_in_report'
          ? (await api.usableApprovals(caseId)).approvals.find(
              (a) => a.kind === 'lift_exclusion' && a.subject === exclusion.userId,
            )
          : undefined;
      onChanged(await api.removeExclusion(caseId, exclusion.userId, approval?.id));
      return t('exclusionList.lifted', { name: exclusion.displayName });
    }, t('exclusionList.failed'));
    setRemoving(null);
  }

  return (
    <>
      <h3>{t('exclusionList.heading')}</h3>
      {exclusions.length === 0 ? (
        <p className="muted">{t('exclusionList.none')}</p>
      ) : (
        <ul className="access-list">
          {exclusions.map((exclusion) => (
            <li key={exclusion.userId}>
              <span>
                <strong>
                  <bdi>{exclusion.displayName}</bdi>
                </strong>{' '}
                · {exclusionReasonLabel(exclusion.reason)}
                {exclusion.note ? (
                  <>
                    {' '}
                    — <bdi>{exclusion.note}</bdi>
                  </>
                ) : null}{' '}
                · {t('exclusionList.since')} <DateTime iso={exclusion.createdAt} />
                {exclusion.reason === 'named_in_report' ? (
                  <span className="muted">
                    {' '}
                    · {t('exclusionList.howToLift', { title: approvalTitle('lift_exclusion') })}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void remove(exclusion)}
                aria-disabled={removing === exclusion.userId}
              >
                {t('exclusionList.lift')}
                <span className="visually-hidden"> {t('exclusionList.liftOf', { name: exclusion.displayName })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormFeedback error={error} notice={notice} />
    </>
  );
}
