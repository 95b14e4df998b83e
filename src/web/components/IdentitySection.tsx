import type { CaseIdentity } from '../../shared/requests.ts';
import { useCaseIdentity } from '../hooks/useCaseIdentity.ts';
import { approvalTitle } from '../lib/actions.ts';
import { hasAnswers } from '../lib/requests.ts';
import { AnswerList } from './AnswerList.tsx';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

/**
 * The case's "Reporter's identity" section: the identity if it was disclosed to the viewer (each showing is
 * recorded), or that it was not and how to ask. Whether the reporter gave an identity at all is not shown
 * unless it is disclosed; that the reporter came forward later of their own accord is.
 */
export function IdentitySection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { identity, error } = useCaseIdentity(caseId);
  if (error) return <ErrorMessage message={t('identity.loadFailed', { message: error.message })} />;
  if (!identity) return <p role="status">{t('identity.loading')}</p>;
  return <IdentityDetails identity={identity} />;
}

export function IdentityDetails({ identity }: { identity: CaseIdentity }) {
  const { t } = useTranslation();
  const added = identity.reporterAddedAt ? (
    <p>
      {t('identity.addedBefore')} <DateTime iso={identity.reporterAddedAt} />
      {t('identity.addedAfter')}
    </p>
  ) : null;
  if (!identity.disclosed || !identity.answers)
    return (
      <>
        <p>
          <strong>{t('identity.notDisclosed')}</strong>{' '}
          {t('identity.howToAsk', { title: approvalTitle('identity_disclosure') })}
        </p>
        {added}
      </>
    );
  return (
    <>
      <p>
        {t('identity.disclosedBefore')}{' '}
        {identity.disclosedAt ? <DateTime iso={identity.disclosedAt} /> : t('identity.earlierDate')}
        {t('identity.disclosedAfter')}
      </p>
      <h3>{t('identity.given')}</h3>
      {hasAnswers(identity.answers) ? (
        <AnswerList answers={identity.answers} />
      ) : (
        <p className="muted">{t('identity.noneGiven')}</p>
      )}
      {identity.statements && identity.statements.length > 0 ? (
        <>
          <h3>{t('identity.addedLater')}</h3>
          {identity.statements.map((s) => (
            <div key={s.addedAt}>
              <p>
                {t('identity.on')} <DateTime iso={s.addedAt} />
                {t('identity.colon')}
              </p>
              <AnswerList answers={s.answers} />
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}
