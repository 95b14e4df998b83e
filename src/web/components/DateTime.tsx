import { formatDateTime } from '../lib/format.ts';

/** An instant, shown in the viewer's time zone. */
export function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
