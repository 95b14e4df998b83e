import { useState } from 'react';
import type { StaffUser } from '../../shared/api.ts';
import { ApiError } from '../api/client.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSignOut();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Signing out failed. Try again.');
      setBusy(false);
    }
  }

  return (
    <header className="app-header">
      <p className="brand">Confide staff</p>
      {user ? (
        <>
          <nav aria-label="Main">
            {user.role === 'administrator' ? (
              <Link href={usersPath()}>Users</Link>
            ) : (
              // An operator's home is the intake form: they read no case.
              <Link href={casesPath()}>{user.role === 'operator' ? 'Record a report' : 'Cases'}</Link>
            )}
            {REQUEST_ROLES.includes(user.role) ? <Link href={requestsPath()}>Requests</Link> : null}
            {STATISTICS_ROLES.includes(user.role) ? <Link href={statisticsPath()}>Statistics</Link> : null}
            {AUDIT_ROLES.includes(user.role) ? <Link href={auditPath()}>Audit log</Link> : null}
            {VERIFY_ROLES.includes(user.role) ? <Link href={verifyPath()}>Check a certificate</Link> : null}
            <Link href={accountPath()}>Account</Link>
          </nav>
          <div className="user">
            <p>
              Signed in as <strong>{user.displayName}</strong> <span className="muted">({ROLE_LABELS[user.role]})</span>
            </p>
            <button type="button" className="button button--secondary" onClick={signOut} aria-disabled={busy}>
              Sign out
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
