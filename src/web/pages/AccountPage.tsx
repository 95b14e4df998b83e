import type { TotpState } from '../../shared/accounts.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PasswordForm } from '../components/PasswordForm.tsx';
import { Section } from '../components/Section.tsx';
import { TotpSection } from '../components/TotpSection.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

interface Props {
  totp: TotpState;
  /** Tells the app the new state, which unlocks the workspace once TOTP is set up for a role that must use it. */
  onTotpChanged: (totp: TotpState) => void;
}

/** The signed-in user's own account: two-factor sign-in and password. Everyone has one. */
export function AccountPage({ totp, onTotpChanged }: Props) {
  useDocumentTitle('Your account');
  const mustSetUp = totp.required && !totp.enabled;
  return (
    <>
      <PageHeading>Your account</PageHeading>
      {mustSetUp ? (
        <p className="notice notice--info">
          Your role signs in with a code from an authenticator app as well as your password. Set up two-factor sign-in
          below to continue to your work.
        </p>
      ) : null}
      <Section title="Two-factor sign-in">
        <TotpSection totp={totp} onChanged={onTotpChanged} />
      </Section>
      <Section title="Password">
        <PasswordForm />
      </Section>
    </>
  );
}
