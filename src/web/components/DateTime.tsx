import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format.ts';

/** An instant, shown in the viewer's time zone and the workspace's language. */
export function DateTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{formatDateTime(iso, { locale: i18n.language })}</time>;
}
