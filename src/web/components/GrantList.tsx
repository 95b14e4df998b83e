import { useState } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  grants: CaseAccess['grants'];
  onChanged: (access: CaseAccess) => void;
}

/** The staff the case is granted to, each with a Revoke button. */
export function GrantList({ caseId, grants, onChanged }: Props) {
  const api = useApi();
  const [revoking, setRevoking] = useState<string | null>(null);
  const { error, notice, run } = useSubmit();

  async function revoke(grant: CaseAccess['grants'][number]) {
    setRevoking(grant.userId);
    await run(async () => {
      onChanged(await api.revoke(caseId, grant.userId));
      return `Access revoked for ${grant.displayName}.`;
    }, 'Access could not be revoked. Try again.');
    setRevoking(null);
  }

  return (
    <>
      <h3>Granted to</h3>
      {grants.length === 0 ? (
        <p className="muted">Not granted to anyone yet.</p>
      ) : (
        <ul className="access-list">
          {grants.map((grant) => (
            <li key={grant.userId}>
              <span>
                <strong>
                  <bdi>{grant.displayName}</bdi>
                </strong>{' '}
                ({ROLE_LABELS[grant.role]}) · since <DateTime iso={grant.grantedAt} />
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void revoke(grant)}
                aria-disabled={revoking === grant.userId}
              >
                Revoke<span className="visually-hidden"> {grant.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormFeedback error={error} notice={notice} />
    </>
  );
}
