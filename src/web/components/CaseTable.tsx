import type { Ref } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { channelLabel } from '../lib/labels.ts';
import { casePath } from '../router/routes.ts';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { Link } from './Link.tsx';
import { StatusText } from './StatusText.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  items: CaseSummary[];
  /** The table's name for screen readers ("Cases", "Search results"). */
  caption?: string;
  tableRef?: Ref<HTMLTableElement>;
}

/** The case list. Each row's reference is its link (the whole row is clickable; Tab moves from row to row). */
export function CaseTable({ items, caption, tableRef }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="cases" ref={tableRef}>
        <caption className="visually-hidden">{caption ?? t('caseList.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseTable.reference')}</th>
            <th scope="col">{t('caseFacts.category')}</th>
            <th scope="col">{t('caseFacts.channel')}</th>
            <th scope="col">{t('caseFacts.status')}</th>
            <th scope="col">{t('caseFacts.received')}</th>
            <th scope="col">{t('caseTable.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.urgent ? 'urgent' : undefined}>
              <th scope="row">
                <Link href={casePath(item.id)} className="row-link">
                  {item.reference}
                </Link>
                {item.urgent ? <span className="badge badge--urgent">{t('caseBadges.urgent')}</span> : null}
                {item.protectionRequestedAt ? (
                  <span className="badge badge--urgent">{t('caseTable.protectionRequested')}</span>
                ) : null}
                {item.unread ? (
                  <span className="badge badge--unread" title={t('caseTable.unreadTitle')}>
                    {t('caseTable.unread')}
                  </span>
                ) : null}
              </th>
              <td>{item.category.title}</td>
              <td>{channelLabel(item.channel)}</td>
              <td>
                <StatusText status={item.status} outcome={item.outcome} />
              </td>
              <td>
                <DateTime iso={item.receivedAt} />
              </td>
              <td>
                <Deadline dueAt={item.dueAt} pending={item.status !== 'closed'} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
