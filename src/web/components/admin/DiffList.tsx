/** Differences between two profile versions (or a user's values), one line each. */
import { useTranslation } from 'react-i18next';
import type { DiffEntry } from '../../../shared/administration.ts';

const MAX_SHOWN = 50;

function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export function DiffList({ diff }: { diff: readonly DiffEntry[] }) {
  const { t } = useTranslation();
  if (diff.length === 0) return <p className="hint">{t('admin.diff.none')}</p>;
  return (
    <>
      <ul className="admin-diff">
        {diff.slice(0, MAX_SHOWN).map((d, i) => (
          <li key={i} className={`admin-diff__${d.kind}`}>
            <span className="admin-diff__kind">{t(`admin.diff.${d.kind}`)}</span> <code dir="ltr">{d.path}</code>
            {d.kind !== 'added' ? (
              <>
                {' '}
                <del dir="auto">{shown(d.before)}</del>
              </>
            ) : null}
            {d.kind !== 'removed' ? (
              <>
                {' '}
                <ins dir="auto">{shown(d.after)}</ins>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {diff.length > MAX_SHOWN ? (
        <p className="hint">{t('admin.diff.more', { count: diff.length - MAX_SHOWN })}</p>
      ) : null}
    </>
  );
}
