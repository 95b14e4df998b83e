import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_FILTERS } from '../../shared/audit-actions.ts';
import type { AuditActors } from '../../shared/audit.ts';
import { auditFilterProblem, hasAuditFilters, type AuditFilters } from '../lib/audit-filters.ts';
import { auditFilterLabel } from '../lib/audit-words.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  applied: AuditFilters;
  actors: AuditActors['actors'];
  onApply: (filters: AuditFilters) => void;
}

/** Who wrote entries without being a staff member, as the log names them (`auditTable.actors.<id>`). */
const OTHER_ACTORS = [{ id: 'reporter' }, { id: 'system' }, { id: 'cli' }] as const;

/**
 * Dates (UTC days), who acted, the start of an action and what an entry concerns. "Show entries" applies them
 * (the page keeps them in the URL); a problem is named at the field to fix.
 */
export function AuditFilterForm({ applied, actors, onApply }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<AuditFilters>(applied);
  const [problem, setProblem] = useState<ReturnType<typeof auditFilterProblem>>(null);
  const refs = {
    from: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
    action: useRef<HTMLInputElement>(null),
  };
  const { from, to, actor, action, subject } = applied;

  // The filters shown changed (back and forward, or "Clear filters"): the fields follow them.
  useEffect(() => {
    setValues({ from, to, actor, action, subject });
    setProblem(null);
  }, [from, to, actor, action, subject]);

  function set(name: keyof AuditFilters, value: string) {
    setValues((v) => ({ ...v, [name]: value.trim() === '' ? undefined : value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const cleaned: AuditFilters = {
      ...values,
      action: values.action?.trim().toLowerCase() || undefined,
      subject: values.subject?.trim() || undefined,
    };
    const found = auditFilterProblem(cleaned);
    setProblem(found);
    if (found) {
      refs[found.field].current?.focus();
      return;
    }
    onApply(cleaned);
  }

  const errorId = `${id}-error`;
  const invalid = (field: 'from' | 'to' | 'action') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const knownActor = !values.actor || [...actors, ...OTHER_ACTORS].some((a) => a.id === values.actor);

  return (
    <form role="search" aria-label={t('auditFilterForm.label')} className="filters" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('auditFilterForm.from')}</label>
        <input
          ref={refs.from}
          id={`${id}-from`}
          type="date"
          value={values.from ?? ''}
          max={values.to || undefined}
          onChange={(e) => set('from', e.target.value)}
          {...invalid('from')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('auditFilterForm.to')}</label>
        <input
          ref={refs.to}
          id={`${id}-to`}
          type="date"
          value={values.to ?? ''}
          min={values.from || undefined}
          onChange={(e) => set('to', e.target.value)}
          {...invalid('to')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('auditFilterForm.who')}</label>
        <select id={`${id}-actor`} value={values.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
          <option value="">{t('auditFilterForm.anyone')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName} ({t(`userRoles.${a.role}`)})
            </option>
          ))}
          {OTHER_ACTORS.map((a) => (
            <option key={a.id} value={a.id}>
              {t(`auditTable.actors.${a.id}`)}
            </option>
          ))}
          {knownActor ? null : <option value={values.actor}>{values.actor}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('auditFilterForm.action')}</label>
        <input
          ref={refs.action}
          id={`${id}-action`}
          list={`${id}-actions`}
          value={values.action ?? ''}
          placeholder={t('auditFilterForm.actionExample')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('action', e.target.value)}
          {...invalid('action')}
        />
        <datalist id={`${id}-actions`}>
          {ACTION_FILTERS.map((a) => (
            <option key={a.value} value={a.value}>
              {auditFilterLabel(a.value, a.label)}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('auditFilterForm.subject')}</label>
        <input
          id={`${id}-subject`}
          value={values.subject ?? ''}
          placeholder={t('auditFilterForm.subjectExample')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('subject', e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('auditFilterForm.show')}
      </button>
      {hasAuditFilters(applied) ? (
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t('auditFilterForm.clear')}
        </button>
      ) : null}
      <div id={errorId} className="filters-error">
        <ErrorMessage message={problem?.message} />
      </div>
    </form>
  );
}
