/**
 * Saved filters of the case list: name the filters in force, apply a saved set with one click, delete one. Kept in
 * this browser's local storage (filter settings only, never case content), so they survive a reload.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesPath } from '../router/routes.ts';
import { Link } from './Link.tsx';

const KEY = 'confide.savedFilters';
/** Most saved filter sets kept. */
const MAX_SAVED = 20;

interface Saved {
  name: string;
  search: string;
}

function load(): Saved[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((s): s is Saved => typeof s?.name === 'string' && typeof s?.search === 'string')
      : [];
  } catch (error) {
    console.warn('saved filters unreadable; starting empty', error);
    return [];
  }
}

export function SavedFilters({ search }: { search: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [saved, setSaved] = useState<Saved[]>(load);
  const [name, setName] = useState('');

  function store(next: Saved[]) {
    setSaved(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  }

  return (
    <section className="saved-filters" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('savedFilters.heading')}
      </h2>
      {saved.length > 0 ? (
        <ul className="saved-filters__list">
          {saved.map((s) => (
            <li key={s.name}>
              <Link href={casesPath(s.search)} aria-current={s.search === search ? 'true' : undefined}>
                <bdi>{s.name}</bdi>
              </Link>
              <button
                type="button"
                className="link-button"
                onClick={() => store(saved.filter((x) => x.name !== s.name))}
              >
                {t('savedFilters.delete', { name: s.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="saved-filters__form"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          store([...saved.filter((x) => x.name !== trimmed), { name: trimmed, search }].slice(-MAX_SAVED));
          setName('');
        }}
      >
        <label htmlFor={`${id}-name`}>{t('savedFilters.name')}</label>
        <input id={`${id}-name`} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {t('savedFilters.save')}
        </button>
      </form>
    </section>
  );
}
