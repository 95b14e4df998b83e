import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/api.ts';
import { isOverdue } from '../lib/format.ts';
import { relativeTime } from '../lib/relative.ts';
import { casePath } from '../router/routes.ts';
import { DateTime } from './DateTime.tsx';
import { Link } from './Link.tsx';
import { StatusText } from './StatusText.tsx';

interface Props {
  items: CaseSummary[];
  /** The table's name for screen readers ("Cases", "Search results"). */
  caption?: string;
  tableRef?: Ref<HTMLTableElement>;
}

type SortKey = 'reference' | 'category' | 'status' | 'holder' | 'activity' | 'due' | 'received';

function sortValue(item: CaseSummary, key: SortKey): string {
  switch (key) {
    case 'reference':
      return item.reference;
    case 'category':
      return item.category.title;
    case 'status':
      return item.status;
    case 'holder':
      return (item.holders ?? []).join(', ');
    case 'activity':
      return item.lastActivityAt ?? item.receivedAt;
    case 'due':
      // No deadline sorts last.
      return item.dueAt ?? '9999';
    case 'received':
      return item.receivedAt;
  }
}

/**
 * The case list, dense: reference with its flags, category, status, who holds it, labels, last activity and the
 * next deadline in relative words. A column heading sorts the rows shown (again: the other way). ArrowDown and
 * ArrowUp (or j and k) move from row to row; Enter opens the case.
 */
export function CaseTable({ items, caption, tableRef }: Props) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const rows = sort
    ? [...items].sort((a, b) => {
        const order = sortValue(a, sort.key).localeCompare(sortValue(b, sort.key), i18n.language);
        return (sort.descending ? -order : order) || a.id.localeCompare(b.id);
      })
    : items;

  function heading(key: SortKey, label: string) {
    const current = sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th scope="col" aria-sort={current}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, descending: sort?.key === key ? !sort.descending : false })}
        >
          {label}
          <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ''}</span>
        </button>
      </th>
    );
  }

  function move(event: KeyboardEvent<HTMLTableElement>) {
    const by = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (!by || !(event.target instanceof HTMLElement) || event.target.closest('thead')) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('tbody a.row-link')];
    const at = links.indexOf(event.target.closest('a.row-link') as HTMLAnchorElement);
    const next = links[at === -1 ? 0 : Math.min(Math.max(at + by, 0), links.length - 1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  const ago = (iso: string | null | undefined) => (iso ? relativeTime(iso, i18n.language) : '—');
  return (
    <div className="table-scroll">
      <table className="cases cases--dense" ref={tableRef} onKeyDown={move}>
        <caption className="visually-hidden">
          {caption ?? t('caseList.title')} {t('caseTable.keys')}
        </caption>
        <thead>
          <tr>
            {heading('reference', t('caseTable.reference'))}
            {heading('category', t('caseFacts.category'))}
            {heading('status', t('caseFacts.status'))}
            {heading('holder', t('caseFacts.heldBy'))}
            <th scope="col">{t('caseFacts.labels')}</th>
            {heading('activity', t('caseTable.lastActivity'))}
            {heading('due', t('caseTable.due'))}
            {heading('received', t('caseFacts.received'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => {
            const pending = item.status !== 'closed';
            const overdue = pending && item.dueAt !== null && isOverdue(item.dueAt);
            const protection = item.protectionPending ?? item.protectionRequestedAt !== null;
            return (
              <tr key={item.id} className={item.urgent ? 'urgent' : undefined}>
                <th scope="row">
                  <Link href={casePath(item.id)} className="row-link">
                    {item.reference}
                  </Link>
                  {item.urgent ? <span className="badge badge--urgent">{t('caseBadges.urgent')}</span> : null}
                  {protection ? (
                    <span className="badge badge--urgent">{t('caseTable.protectionRequested')}</span>
                  ) : null}
                  {item.unread ? (
                    <span className="badge badge--unread" title={t('caseTable.unreadTitle')}>
                      {t('caseTable.unread')}
                    </span>
                  ) : null}
                </th>
                <td>{item.category.title}</td>
                <td>
                  <StatusText status={item.status} outcome={item.outcome} />
                </td>
                <td>{item.holders && item.holders.length > 0 ? <bdi>{item.holders.join(', ')}</bdi> : '—'}</td>
                <td>
                  {(item.labelList ?? []).map((label) => (
                    <span key={label} className="label-chip">
                      <bdi>{label}</bdi>
                    </span>
                  ))}
                </td>
                <td>{ago(item.lastActivityAt ?? item.receivedAt)}</td>
                <td className={overdue ? 'overdue' : undefined}>
                  {item.dueAt === null || !pending ? (
                    '—'
                  ) : overdue ? (
                    <strong>{t('caseTable.overdue', { when: ago(item.dueAt) })}</strong>
                  ) : (
                    ago(item.dueAt)
                  )}
                </td>
                <td className="nowrap">
                  <DateTime iso={item.receivedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
