/**
 * The audit log, for oversight officers: every access to and change of a case, sign-ins and account changes,
 * newest first, filtered by the URL (`/staff/audit?from=…&to=…&actor=…&action=…&subject=…`). The log of a date
 * range downloads as a file that `npx confide audit verify --file` checks offline; "Check the chain" runs the same
 * check on the server. Looking at the log is itself recorded in it.
 * @see Directive (EU) 2016/680 Art. 25; CJEU C-579/21
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditActors } from '../../shared/audit.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { AuditChainCheck } from '../components/AuditChainCheck.tsx';
import { AuditFilterForm } from '../components/AuditFilterForm.tsx';
import { AuditTable } from '../components/AuditTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Section } from '../components/Section.tsx';
import { useAuditLog } from '../hooks/useAuditLog.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import {
  auditFiltersToSearch,
  hasAuditFilters,
  parseAuditFilters,
  referenceIn,
  type AuditFilters,
} from '../lib/audit-filters.ts';
import { navigate } from '../router/history.ts';
import { auditPath } from '../router/routes.ts';

/** The command that checks an export offline: typed as it is, in any language. */
const VERIFY_COMMAND = 'npx confide audit verify --file <file>';

export function AuditLogPage({ search }: { search: string }) {
  const filters = parseAuditFilters(search);
  const actors = useAuditActors();
  const { t } = useTranslation();
  useDocumentTitle(t('auditLogPage.heading'));

  return (
    <>
      <PageHeading>{t('auditLogPage.heading')}</PageHeading>
      <p className="hint">{t('auditLogPage.intro')}</p>
      <AuditFilterForm
        applied={filters}
        actors={actors.list}
        onApply={(next) => navigate(auditPath(auditFiltersToSearch(next)))}
      />
      {actors.error ? <p className="hint">{t('auditLogPage.actorsFailed', { message: actors.error })}</p> : null}
      <Entries filters={filters} />
      <Downloads filters={filters} />
      <Section title={t('auditLogPage.chainTitle')}>
        <p>{t('auditLogPage.chainIntro')}</p>
        <AuditChainCheck />
      </Section>
    </>
  );
}

function Entries({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const log = useAuditLog(filters);
  const tableRef = useRef<HTMLTableElement>(null);
  // After "Load more", focus moves to the first new row, so keyboard users continue where they were.
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null || log.phase !== 'ready') return;
    tableRef.current?.querySelectorAll<HTMLTableRowElement>('tbody tr')[focusRow]?.focus();
    setFocusRow(null);
  }, [focusRow, log.phase]);

  function loadMore() {
    if (log.phase !== 'ready') return;
    setFocusRow(log.items.length);
    log.loadMore();
  }

  const count = log.items.length;
  const summary =
    log.phase === 'loading'
      ? t('auditLogPage.loading')
      : count === 0
        ? log.error
          ? ''
          : hasAuditFilters(filters)
            ? t('auditLogPage.noMatch')
            : t('auditLogPage.empty')
        : t(log.nextCursor ? 'auditLogPage.showingMore' : 'auditLogPage.showing', { count });

  return (
    <>
      <p role="status" className="list-summary">
        {summary}
      </p>
      <ErrorMessage message={log.error?.message} />
      {count > 0 ? <AuditTable items={log.items} tableRef={tableRef} /> : null}
      {log.nextCursor !== null && log.phase !== 'loading' ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={loadMore}
            aria-disabled={log.phase !== 'ready'}
          >
            {t('auditLogPage.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function Downloads({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const api = useApi();
  const reference = referenceIn(filters.subject);
  const label =
    filters.from || filters.to
      ? t('auditLogPage.download', {
          from: filters.from ?? t('auditLogPage.firstEntry'),
          to: filters.to ?? t('auditLogPage.today'),
        })
      : t('auditLogPage.allOfIt');
  return (
    <Section title={t('auditLogPage.export')}>
      <p>
        <a className="button button--secondary" href={api.auditExportUrl(filters)} download>
          {label}
        </a>
      </p>
      <p className="hint">
        {t('auditLogPage.exportHint')} <code dir="ltr">{VERIFY_COMMAND}</code>.
      </p>
      {reference ? (
        <p>
          <a href={api.accessLogCsvUrl(reference)} download>
            {t('auditLogPage.csv', { reference })}
          </a>
        </p>
      ) : null}
    </Section>
  );
}

/** Staff accounts for the "Who" filter; the page works without them. */
function useAuditActors(): { list: AuditActors['actors']; error: string | null } {
  const api = useApi();
  const [state, setState] = useState<{ list: AuditActors['actors']; error: string | null }>({ list: [], error: null });
  useEffect(() => {
    const controller = new AbortController();
    api.listAuditActors(controller.signal).then(
      (answer) => setState({ list: answer.actors, error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ list: [], error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [api]);
  return state;
}
