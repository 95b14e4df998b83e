import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { roleLabel } from '../lib/labels.ts';
import type { Role } from '../../shared/api.ts';
import { Link } from '../components/Link.tsx';
import { REQUEST_ROLES, requestsPath } from '../router/routes.ts';
import { useTranslation } from 'react-i18next';

/** The roles without case work whose task has its own sentence (`noCases.task.<role>`): said here rather than an empty list or "Not found". */
const TASK_ROLES: readonly Role[] = ['administrator', 'custodian', 'operator'];

export function NoCasesPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  useDocumentTitle(t('noCases.title'));
  return (
    <>
      <PageHeading>{t('noCases.title')}</PageHeading>
      <p>{t('noCases.signedInAs', { role: roleLabel(role) })}</p>
      <p>{TASK_ROLES.includes(role) ? t(`noCases.task.${role}`) : t('noCases.nothing')}</p>
      {REQUEST_ROLES.includes(role) ? (
        <p>
          <Link href={requestsPath()}>{t('noCases.goToRequests')}</Link> {t('noCases.requestsWaiting')}
        </p>
      ) : null}
    </>
  );
}
