import type { Ref } from 'react';
import type { AuditEntryView } from '../../shared/audit.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';

/** Entries of the audit log, newest first: when, who (name and role), what (in words, and as logged), about what, why. */
export function AuditTable({ items, tableRef }: { items: AuditEntryView[]; tableRef?: Ref<HTMLTableElement> }) {
  return (
    <div className="table-scroll">
      <table className="cases audit-log" ref={tableRef}>
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Concerning</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.seq} tabIndex={-1}>
              <th scope="row">{entry.seq}</th>
              <td>
                <DateTime iso={entry.at} />
              </td>
              <td>
                {entry.actor.name}
                {entry.actor.role ? <span className="muted"> ({ROLE_LABELS[entry.actor.role]})</span> : null}
              </td>
              <td>
                {entry.actionText}
                <br />
                <code className="muted">{entry.action}</code>
              </td>
              <td>
                {entry.subjectText ?? null}
                {entry.subjectText && entry.subject ? <br /> : null}
                {entry.subject ? <code className="muted">{entry.subject}</code> : null}
              </td>
              <td>{entry.reason ? <code>{entry.reason}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
