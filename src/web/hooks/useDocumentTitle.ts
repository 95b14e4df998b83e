import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title ("Cases — Confide staff"), which screen readers announce on navigation. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const full = t('app.documentTitle', { title });
  useEffect(() => {
    document.title = full;
  }, [full]);
}
