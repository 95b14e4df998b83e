/**
 * The staff workspace: checks the session, shows sign-in when there is none (or when any request answers 401),
 * and otherwise the page the URL names.
 */
import type { Role } from '../shared/api.ts';
import { NoCasesPage } from './pages/NoCasesPage.tsx';
import { IntakePage } from './pages/IntakePage.tsx';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession, TotpState } from '../shared/accounts.ts';
import type { Language } from '../i18n/languages.ts';
import { ApiError, createApiClient, isAbortError, isSessionEnd } from './api/client.ts';
import { ApiContext } from './api/context.ts';
import { createStaffApi } from './api/staff.ts';
import { applyLanguage, browserLanguage, i18n } from './i18n/language.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AuditLogPage } from './pages/AuditLogPage.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { CaseViewPage } from './pages/CaseViewPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RequestsPage } from './pages/RequestsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { AdminHomePage } from './pages/AdminHomePage.tsx';
import { CustodianHomePage } from './pages/CustodianHomePage.tsx';
import { OversightHomePage } from './pages/OversightHomePage.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { VerifyCertificatePage } from './pages/VerifyCertificatePage.tsx';
import { navigate, useLocation } from './router/history.ts';
import { AUDIT_ROLES, casesPath, matchRoute, REQUEST_ROLES, STATISTICS_ROLES, VERIFY_ROLES } from './router/routes.ts';

// Loaded when first opened: the chart library stays out of the bundle everyone else downloads.
const StatisticsPage = lazy(() => import('./pages/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })));

/** undefined: still asking the server; null: signed out. */
type SessionState = StaffSession | null | undefined;

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionState>(undefined);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Set when a request found the session gone (idle, at its cap, or ended elsewhere): why, for the sign-in page.
  const [expired, setExpired] = useState<string | null>(null);
  const [api] = useState(() =>
    createStaffApi(
      createApiClient({
        onUnauthorized: (error) => {
          setSession(null);
          // Of several requests refused at once, the one that found the session ran out says why: keep that.
          setExpired((known) => (isSessionEnd(error) ? error.message : (known ?? i18n.t('app.sessionEnded'))));
        },
      }),
    ),
  );
  const location = useLocation();

  // The person's own language once signed in (Account page), else the browser's.
  const chosenLanguage = session?.language;
  useEffect(() => {
    if (session !== undefined) applyLanguage(chosenLanguage ?? browserLanguage());
  }, [session, chosenLanguage]);

  useEffect(() => {
    const controller = new AbortController();
    api.getSession(controller.signal, setExpired).then(
      (current) => setSession(current),
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setSessionError(failure instanceof ApiError ? failure.message : i18n.t('app.startFailed'));
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const signOut = useCallback(async () => {
    await api.signOut();
    setSession(null);
    setExpired(null);
    navigate(casesPath());
  }, [api]);

  function retry() {
    setSessionError(null);
    setAttempt((n) => n + 1);
  }

  return (
    <ApiContext value={api}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader user={session?.user ?? null} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        {session === undefined ? (
          sessionError ? (
            <>
              <h1>{t('app.brand')}</h1>
              <ErrorMessage message={sessionError} />
              <button type="button" className="button" onClick={retry}>
                {t('app.tryAgain')}
              </button>
            </>
          ) : (
            <p role="status">{t('app.loading')}</p>
          )
        ) : session === null ? (
          <SignInPage
            expired={expired}
            onSignedIn={(current) => {
              setExpired(null);
              setSession(current);
            }}
          />
        ) : (
          <Page
            pathname={location.pathname}
            search={location.search}
            role={session.user.role}
            totp={session.totp}
            onTotpChanged={(totp) => setSession((s) => (s ? { ...s, totp } : s))}
            language={session.language}
            onLanguageChanged={(language) => setSession((s) => (s ? { ...s, language } : s))}
          />
        )}
      </main>
    </ApiContext>
  );
}

/** Roles that work on cases in this workspace; the others have their own tasks elsewhere. */
const CASE_ROLES: readonly Role[] = ['supervisor', 'handler', 'oversight'];

interface PageProps {
  pathname: string;
  search: string;
  role: Role;
  totp: TotpState;
  onTotpChanged: (totp: TotpState) => void;
  language: Language | null;
  onLanguageChanged: (language: Language) => void;
}

function Page({ pathname, search, role, totp, onTotpChanged, language, onLanguageChanged }: PageProps) {
  const { t } = useTranslation();
  const route = matchRoute(pathname);
  // A role that must use two-factor sign-in works only once it is set up; until then the account page is all there is.
  if (route.name === 'account' || (totp.required && !totp.enabled))
    return (
      <AccountPage
        totp={totp}
        onTotpChanged={onTotpChanged}
        language={language}
        onLanguageChanged={onLanguageChanged}
      />
    );
  // Administrators have no cases: their workspace opens on what waits for them.
  if (route.name === 'users') return role === 'administrator' ? <UsersPage /> : <NotFoundPage />;
  if (route.name === 'admin') return role === 'administrator' ? <AdminPage /> : <NotFoundPage />;
  if (role === 'administrator') return route.name === 'cases' ? <AdminHomePage /> : <NotFoundPage />;
  if (route.name === 'statistics')
    return STATISTICS_ROLES.includes(role) ? (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <StatisticsPage search={search} />
      </Suspense>
    ) : (
      <NotFoundPage />
    );
  if (route.name === 'audit') return AUDIT_ROLES.includes(role) ? <AuditLogPage search={search} /> : <NotFoundPage />;
  if (route.name === 'verify') return VERIFY_ROLES.includes(role) ? <VerifyCertificatePage /> : <NotFoundPage />;
  if (route.name === 'requests') return REQUEST_ROLES.includes(role) ? <RequestsPage role={role} /> : <NotFoundPage />;
  // Intake operators record reports and read none: their workspace opens on the intake form.
  if (role === 'operator') return route.name === 'cases' ? <IntakePage /> : <NotFoundPage />;
  if (role === 'custodian' && route.name === 'cases') return <CustodianHomePage />;
  if (!CASE_ROLES.includes(role)) return <NoCasesPage role={role} />;
  if (role === 'oversight' && route.name === 'cases') return <OversightHomePage search={search} />;
  switch (route.name) {
    case 'cases':
      return <CaseListPage search={search} />;
    case 'case':
      return <CaseViewPage key={route.id} id={route.id} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
