/**
 * The audit log in the workspace's language: what an action means (`auditAction.<action>` with dots as
 * underscores, else the meaning of its first part, `auditActionPrefix.<part>`), who acted when it was no staff
 * member, and what an entry concerns. The English texts are those of src/shared/audit-actions.ts, which the server,
 * the CLI and the exported log keep using.
 */
import type { AuditEntryView } from '../../shared/audit.ts';
import { i18n } from '../i18n/language.ts';

const keyOf = (action: string) => action.replace(/\./g, '_').replace(/_$/, '');

/**
 * @param action as logged, e.g. `case.read`
 * @param fallback what to show for an action no catalogue knows (the server's text, or the action itself)
 */
export function auditActionText(action: string, fallback: string = action): string {
  const exact = `auditAction.${keyOf(action)}`;
  if (i18n.exists(exact)) return i18n.t(exact);
  const prefix = `auditActionPrefix.${keyOf(action.split('.')[0] ?? '')}`;
  return i18n.exists(prefix) ? i18n.t(prefix) : fallback;
}

/** The label of a filter offered for the "Action starts with" field (`case.`, `case.read`). */
export function auditFilterLabel(value: string, fallback: string): string {
  const key = `auditFilter.${keyOf(value)}`;
  return i18n.exists(key) ? i18n.t(key) : fallback;
}

/** Who acted, for entries written by no staff member; a staff member's own name is shown as it is. */
export function auditActorName(actor: AuditEntryView['actor']): string {
  if (actor.kind === 'staff') return actor.name;
  if (actor.kind === 'unknown') return i18n.t(actor.id === null ? 'auditTable.noOne' : 'auditTable.unknownAccount');
  return i18n.t(`auditTable.actors.${actor.kind}`);
}

/** "Report R-1A2B3C4D" / "A report that no longer exists" from the server's words, in the workspace's language. */
export function auditSubjectText(subjectText: string | null): string | null {
  if (subjectText === null) return null;
  const reference = /^Report (R-[0-9A-F]{8})$/.exec(subjectText)?.[1];
  if (reference) return i18n.t('auditTable.report', { reference });
  if (subjectText === 'A report that no longer exists') return i18n.t('auditTable.reportGone');
  if (subjectText === 'A former staff member') return i18n.t('auditTable.formerStaff');
  const version = /^Profile version (\d+)$/.exec(subjectText)?.[1];
  if (version) return i18n.t('auditTable.profileVersion', { number: Number(version) });
  return subjectText;
}
