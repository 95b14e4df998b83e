import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { casesPath } from '../router/routes.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.heading'));
  return (
    <>
      <PageHeading>{t('notFound.heading')}</PageHeading>
      <p>
        {t('notFound.noPage')} <Link href={casesPath()}>{t('notFound.goToCases')}</Link>
      </p>
    </>
  );
}
