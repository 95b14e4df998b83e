import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../shared/audit.ts';
import { auditActionText, auditActorName, auditSubjectText } from '../lib/audit-words.ts';
import { DateTime } from './DateTime.tsx';

/**
 * Entries of the audit log, newest first, one line each: when, who (name and role), what (in words; the action as
 * logged on hover), about what (a case by reference, a person by name; the logged subject on hover), why.
 */
export function AuditTable({ items, tableRef }: { items: AuditEntryView[]; tableRef?: Ref<HTMLTableElement> }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="cases cases--dense audit-log" ref={tableRef}>
        <caption className="visually-hidden">{t('auditTable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auditTable.number')}</th>
            <th scope="col">{t('auditTable.when')}</th>
            <th scope="col">{t('auditTable.who')}</th>
            <th scope="col">{t('auditTable.what')}</th>
            <th scope="col">{t('auditTable.concerning')}</th>
            <th scope="col">{t('auditTable.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => {
            const subjectText = auditSubjectText(entry.subjectText);
            return (
              <tr key={entry.seq} tabIndex={-1}>
                <th scope="row">{entry.seq}</th>
                <td>
                  <DateTime iso={entry.at} />
                </td>
                <td>
                  <bdi>{auditActorName(entry.actor)}</bdi>
                  {entry.actor.role ? <span className="muted"> ({t(`userRoles.${entry.actor.role}`)})</span> : null}
                </td>
                <td title={entry.action}>{auditActionText(entry.action, entry.actionText)}</td>
                <td title={entry.subject ?? undefined}>
                  {subjectText ? (
                    <bdi>{subjectText}</bdi>
                  ) : entry.subject ? (
                    <code className="muted">{entry.subject}</code>
                  ) : null}
                </td>
                <td className="audit-log__reason">{entry.reason ? <bdi>{entry.reason}</bdi> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
