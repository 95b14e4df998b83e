import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ACTION_FILTERS } from '../../shared/audit-actions.ts';
import type { AuditActors } from '../../shared/audit.ts';
import { auditFilterProblem, hasAuditFilters, type AuditFilters } from '../lib/audit-filters.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  applied: AuditFilters;
  actors: AuditActors['actors'];
  onApply: (filters: AuditFilters) => void;
}

/** Who wrote entries without being a staff member, as the log names them. */
const OTHER_ACTORS = [
  { id: 'reporter', label: 'The reporter' },
  { id: 'system', label: 'Confide (automatic)' },
  { id: 'cli', label: 'An administrator on the server (command line)' },
];

/**
 * Dates (UTC days), who acted, the start of an action and what an entry concerns. "Show entries" applies them
 * (the page keeps them in the URL); a problem is named at the field to fix.
 */
export function AuditFilterForm({ applied, actors, onApply }: Props) {
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
    <form role="search" aria-label="Filter the audit log" className="filters" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
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
        <label htmlFor={`${id}-to`}>To</label>
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
        <label htmlFor={`${id}-actor`}>Who</label>
        <select id={`${id}-actor`} value={values.actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName} ({ROLE_LABELS[a.role]})
            </option>
          ))}
          {OTHER_ACTORS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
          {knownActor ? null : <option value={values.actor}>{values.actor}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action starts with</label>
        <input
          ref={refs.action}
          id={`${id}-action`}
          list={`${id}-actions`}
          value={values.action ?? ''}
          placeholder="e.g. case.read"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('action', e.target.value)}
          {...invalid('action')}
        />
        <datalist id={`${id}-actions`}>
          {ACTION_FILTERS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Report reference or subject</label>
        <input
          id={`${id}-subject`}
          value={values.subject ?? ''}
          placeholder="e.g. R-1A2B3C4D"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('subject', e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Show entries
      </button>
      {hasAuditFilters(applied) ? (
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          Clear filters
        </button>
      ) : null}
      <div id={errorId} className="filters-error">
        <ErrorMessage message={problem?.message} />
      </div>
    </form>
  );
}
