import { useTranslation } from 'react-i18next';
import type { TotpState } from '../../shared/accounts.ts';
import type { Language } from '../../i18n/languages.ts';
import { LanguageForm } from '../components/LanguageForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PasswordForm } from '../components/PasswordForm.tsx';
import { Section } from '../components/Section.tsx';
import { TotpSection } from '../components/TotpSection.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

interface Props {
  totp: TotpState;
  /** Tells the app the new state, which unlocks the workspace once TOTP is set up for a role that must use it. */
  onTotpChanged: (totp: TotpState) => void;
  /** The language the person chose; null: none yet (the browser's is shown). */
  language: Language | null;
  /** Tells the app the language now stored. */
  onLanguageChanged: (language: Language) => void;
}

/** The signed-in user's own account: language, two-factor sign-in and password. Everyone has one. */
export function AccountPage({ totp, onTotpChanged, language, onLanguageChanged }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('accountPage.heading'));
  const mustSetUp = totp.required && !totp.enabled;
  return (
    <>
      <PageHeading>{t('accountPage.heading')}</PageHeading>
      {mustSetUp ? <p className="notice notice--info">{t('accountPage.mustSetUp')}</p> : null}
      <Section title={t('accountPage.language')}>
        <LanguageForm language={language} onChanged={onLanguageChanged} />
      </Section>
      <Section title={t('accountPage.twoFactor')}>
        <TotpSection totp={totp} onChanged={onTotpChanged} />
      </Section>
      <Section title={t('accountPage.password')}>
        <PasswordForm />
      </Section>
    </>
  );
}
