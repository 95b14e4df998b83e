import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../shared/api.ts';
import type { RequestKind } from '../../shared/requests.ts';
import { ApiError, isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import type { PickerOption } from '../lib/access.ts';
import {
  draftProblems,
  EMPTY_DRAFT,
  needsNotice,
  requestBody,
  requestKindOptions,
  subjectOf,
  type DraftField,
  type RequestDraft,
} from '../lib/requests.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  /** The case's files, for asking to open an original. */
  files: readonly Pick<FileView, 'id' | 'name'>[];
  /** The viewer grants the case (may ask to grant it outside the category's staff). */
  canManageAccess: boolean;
  onCreated: () => void;
}

/**
 * The staff a request names, loaded when such a kind is chosen: for grant_outside, staff who could be granted the
 * case; for lift_exclusion, those excluded from it because the report names them; for exclude_holder, those who
 * hold it.
 */
function useStaffOptions(caseId: string, kind: RequestKind | ''): PickerOption[] {
  const api = useApi();
  const [options, setOptions] = useState<PickerOption[]>([]);
  useEffect(() => {
    if (kind !== 'grant_outside' && kind !== 'lift_exclusion' && kind !== 'exclude_holder') return;
    const controller = new AbortController();
    const people =
      kind === 'lift_exclusion'
        ? api
            .getAccess(caseId, controller.signal)
            .then((access) =>
              access.exclusions
                .filter((x) => x.reason === 'named_in_report')
                .map((x) => ({ id: x.userId, label: x.displayName })),
            )
        : kind === 'exclude_holder'
          ? api
              .getAccess(caseId, controller.signal)
              .then((access) => access.grants.map((g) => ({ id: g.userId, label: g.displayName })))
          : Promise.all([
              api.listStaff('handler', controller.signal),
              api.listStaff('supervisor', controller.signal),
            ]).then((lists) => lists.flatMap((l) => l.staff).map((s) => ({ id: s.id, label: s.displayName })));
    people.then(setOptions, (error: unknown) => {
      if (!isAbortError(error)) setOptions([]);
    });
    return () => controller.abort();
  }, [api, caseId, kind]);
  return options;
}

/**
 * Asks a second person to approve a sensitive action on this case: what, why, on what legal basis, and — for an
 * identity disclosure — what the reporter will be told. Each problem is shown at its field.
 */
export function RequestForm({ caseId, files, canManageAccess, onCreated }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<RequestDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<Partial<Record<DraftField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const subject = subjectOf(draft.kind);
  const staff = useStaffOptions(caseId, subject === 'user' ? draft.kind : '');
  const subjectOptions: PickerOption[] =
    subject === 'file' ? files.map((f) => ({ id: f.id, label: f.name })) : subject === 'user' ? staff : [];

  const set = (field: DraftField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0 || draft.kind === '') {
      setError(t('requestForm.checkFields'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.createRequest(requestBody(caseId, { ...draft, kind: draft.kind }));
      setDraft(EMPTY_DRAFT);
      setNotice(draft.kind === 'identity_disclosure' ? t('requestForm.askedIdentity') : t('requestForm.asked'));
      onCreated();
    } catch (failure) {
      if (failure instanceof ApiError && failure.details) setProblems(failure.details as typeof problems);
      setError(failure instanceof ApiError ? failure.message : t('requestForm.failed'));
    } finally {
      setBusy(false);
    }
  }

  const described = (field: DraftField, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : '', problems[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const problem = (field: DraftField) =>
    problems[field] ? (
      <p id={`${id}-${field}-error`} className="error-message">
        {problems[field]}
      </p>
    ) : null;

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{t('requestForm.heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('requestForm.kind')}</label>
        {problem('kind')}
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as RequestKind | '', subject: '' }))}
          aria-describedby={described('kind', false)}
          aria-invalid={problems.kind ? true : undefined}
        >
          <option value="">{t('requestForm.choose')}</option>
          {requestKindOptions(canManageAccess).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {subject ? (
        <div className="field">
          <label htmlFor={`${id}-subject`}>
            {t(subject === 'file' ? 'requestForm.whichFile' : 'requestForm.whichStaff')}
          </label>
          {problem('subject')}
          <select
            id={`${id}-subject`}
            value={draft.subject}
            onChange={(e) => set('subject')(e.target.value)}
            aria-describedby={described('subject', false)}
            aria-invalid={problems.subject ? true : undefined}
          >
            <option value="">
              {subjectOptions.length === 0
                ? t(subject === 'file' ? 'requestForm.noFiles' : 'requestForm.noOne')
                : t('requestForm.choose')}
            </option>
            {subjectOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('requestForm.reason')}</label>
        {problem('reason')}
        <textarea
          id={`${id}-reason`}
          rows={4}
          maxLength={4_000}
          value={draft.reason}
          onChange={(e) => set('reason')(e.target.value)}
          aria-describedby={described('reason', true)}
          aria-invalid={problems.reason ? true : undefined}
        />
        <p id={`${id}-reason-hint`} className="hint">
          {t('requestForm.reasonHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-legalBasis`}>{t('requestForm.legalBasis')}</label>
        {problem('legalBasis')}
        <input
          id={`${id}-legalBasis`}
          maxLength={4_000}
          value={draft.legalBasis}
          onChange={(e) => set('legalBasis')(e.target.value)}
          aria-describedby={described('legalBasis', true)}
          aria-invalid={problems.legalBasis ? true : undefined}
          autoComplete="off"
        />
        <p id={`${id}-legalBasis-hint`} className="hint">
          {t('requestForm.legalBasisHint')}
        </p>
      </div>
      {needsNotice(draft.kind) ? (
        <div className="field">
          <label htmlFor={`${id}-reporterNotice`}>{t('requestForm.notice')}</label>
          {problem('reporterNotice')}
          <textarea
            id={`${id}-reporterNotice`}
            rows={4}
            maxLength={4_000}
            value={draft.reporterNotice}
            onChange={(e) => set('reporterNotice')(e.target.value)}
            aria-describedby={described('reporterNotice', true)}
            aria-invalid={problems.reporterNotice ? true : undefined}
          />
          <p id={`${id}-reporterNotice-hint`} className="hint hint--reporter">
            {t('requestForm.noticeHint')}
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" aria-disabled={busy}>
        {t('requestForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
