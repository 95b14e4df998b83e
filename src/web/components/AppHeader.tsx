import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../shared/api.ts';
import { ApiError } from '../api/client.ts';
import {
  accountPath,
  AUDIT_ROLES,
  auditPath,
  casesPath,
  REQUEST_ROLES,
  requestsPath,
  STATISTICS_ROLES,
  statisticsPath,
  usersPath,
  adminPath,
  verifyPath,
  VERIFY_ROLES,
} from '../router/routes.ts';
import { Link } from './Link.tsx';

interface Props {
  user: StaffUser | null;
  onSignOut: () => Promise<void>;
}

/** The banner: product name, navigation, who is signed in, and Sign out. */
export function AppHeader({ user, onSignOut }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSignOut();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('appHeader.signOutFailed'));
      setBusy(false);
    }
  }

  return (
    <header className="app-header">
      <p className="brand">{t('app.brand')}</p>
      {user ? (
        <>
          <nav aria-label={t('appHeader.mainNav')}>
            {user.role === 'administrator' ? (
              <>
                <Link href={casesPath()}>{t('appHeader.home')}</Link>
                <Link href={adminPath()}>{t('appHeader.administration')}</Link>
                <Link href={usersPath()}>{t('appHeader.users')}</Link>
              </>
            ) : (
              // An operator's home is the intake form: they read no case.
              <Link href={casesPath()}>
                {user.role === 'operator' ? t('appHeader.recordReport') : t('appHeader.cases')}
              </Link>
            )}
            {REQUEST_ROLES.includes(user.role) ? <Link href={requestsPath()}>{t('appHeader.requests')}</Link> : null}
            {STATISTICS_ROLES.includes(user.role) ? (
              <Link href={statisticsPath()}>{t('appHeader.statistics')}</Link>
            ) : null}
            {AUDIT_ROLES.includes(user.role) ? <Link href={auditPath()}>{t('appHeader.audit')}</Link> : null}
            {VERIFY_ROLES.includes(user.role) ? <Link href={verifyPath()}>{t('appHeader.verify')}</Link> : null}
            <Link href={accountPath()}>{t('appHeader.account')}</Link>
          </nav>
          <div className="user">
            <p>
              {t('appHeader.signedInAs')}{' '}
              <strong>
                <bdi>{user.displayName}</bdi>
              </strong>{' '}
              <span className="muted">({t(`userRoles.${user.role}`)})</span>
            </p>
            <button type="button" className="button button--secondary" onClick={signOut} aria-disabled={busy}>
              {t('appHeader.signOut')}
            </button>
            {error ? (
              <p role="alert" className="error-message">
                {error}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </header>
  );
}
