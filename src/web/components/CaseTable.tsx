import type { Ref } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { CHANNEL_LABELS } from '../lib/labels.ts';
import { casePath } from '../router/routes.ts';
import { DateTime } from './DateTime.tsx';
import { Deadline } from './Deadline.tsx';
import { Link } from './Link.tsx';
import { StatusText } from './StatusText.tsx';

interface Props {
  items: CaseSummary[];
  /** The table's name for screen readers ("Cases", "Search results"). */
  caption?: string;
  tableRef?: Ref<HTMLTableElement>;
}

/** The case list. Each row's reference is its link (the whole row is clickable; Tab moves from row to row). */
export function CaseTable({ items, caption = 'Cases', tableRef }: Props) {
  return (
    <div className="table-scroll">
      <table className="cases" ref={tableRef}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Category</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.urgent ? 'urgent' : undefined}>
              <th scope="row">
                <Link href={casePath(item.id)} className="row-link">
                  {item.reference}
                </Link>
                {item.urgent ? <span className="badge badge--urgent">Urgent</span> : null}
                {item.protectionRequestedAt ? <span className="badge badge--urgent">Protection requested</span> : null}
                {item.unread ? (
                  <span
                    className="badge badge--unread"
                    title="The reporter wrote or sent files since you last opened this case"
                  >
                    New from reporter
                  </span>
                ) : null}
              </th>
              <td>{item.category.title}</td>
              <td>{CHANNEL_LABELS[item.channel]}</td>
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
