import type { CaseIdentity } from '../../shared/requests.ts';
import { useCaseIdentity } from '../hooks/useCaseIdentity.ts';
import { hasAnswers } from '../lib/requests.ts';
import { AnswerList } from './AnswerList.tsx';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * The case's "Reporter's identity" section: the identity if it was disclosed to the viewer (each showing is
 * recorded), or that it was not and how to ask. Whether the reporter gave an identity at all is not shown
 * unless it is disclosed; that the reporter came forward later of their own accord is.
 */
export function IdentitySection({ caseId }: { caseId: string }) {
  const { identity, error } = useCaseIdentity(caseId);
  if (error) return <ErrorMessage message={`The identity section could not be loaded: ${error.message}`} />;
  if (!identity) return <p role="status">Loading…</p>;
  return <IdentityDetails identity={identity} />;
}

export function IdentityDetails({ identity }: { identity: CaseIdentity }) {
  const added = identity.reporterAddedAt ? (
    <p>
      The reporter added identity details on <DateTime iso={identity.reporterAddedAt} />; they are held by identity
      custodians.
    </p>
  ) : null;
  if (!identity.disclosed || !identity.answers)
    return (
      <>
        <p>
          <strong>Not disclosed to you.</strong> To see it, ask for approval below (“Disclose the reporter’s identity”),
          with a reason and the legal basis; an identity custodian decides, and the reporter is told.
        </p>
        {added}
      </>
    );
  return (
    <>
      <p>
        Disclosed to you on {identity.disclosedAt ? <DateTime iso={identity.disclosedAt} /> : 'an earlier date'}. Each
        time it is shown here is recorded. Do not copy it into notes or messages.
      </p>
      <h3>Given with the report</h3>
      {hasAnswers(identity.answers) ? (
        <AnswerList answers={identity.answers} />
      ) : (
        <p className="muted">The reporter gave no identity with the report.</p>
      )}
      {identity.statements && identity.statements.length > 0 ? (
        <>
          <h3>Added later by the reporter</h3>
          {identity.statements.map((s) => (
            <div key={s.addedAt}>
              <p>
                On <DateTime iso={s.addedAt} />:
              </p>
              <AnswerList answers={s.answers} />
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}
