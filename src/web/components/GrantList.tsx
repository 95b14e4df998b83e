import { useState } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { roleLabel } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  grants: CaseAccess['grants'];
  onChanged: (access: CaseAccess) => void;
}

/** The staff the case is granted to, each with a Revoke button. */
export function GrantList({ caseId, grants, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [revoking, setRevoking] = useState<string | null>(null);
  const { error, notice, run } = useSubmit();

  async function revoke(grant: CaseAccess['grants'][number]) {
    setRevoking(grant.userId);
    await run(async () => {
      onChanged(await api.revoke(caseId, grant.userId));
      return t('grantList.revoked', { name: grant.displayName });
    }, t('grantList.failed'));
    setRevoking(null);
  }

  return (
    <>
      <h3>{t('grantList.heading')}</h3>
      {grants.length === 0 ? (
        <p className="muted">{t('grantList.none')}</p>
      ) : (
        <ul className="access-list">
          {grants.map((grant) => (
            <li key={grant.userId}>
              <span>
                <strong>
                  <bdi>{grant.displayName}</bdi>
                </strong>{' '}
                {t('grantList.role', { role: roleLabel(grant.role) })} · {t('exclusionList.since')}{' '}
                <DateTime iso={grant.grantedAt} />
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void revoke(grant)}
                aria-disabled={revoking === grant.userId}
              >
                {t('grantList.revoke')}
                <span className="visually-hidden">
                  {' '}
                  <bdi>{grant.displayName}</bdi>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormFeedback error={error} notice={notice} />
    </>
  );
}
