import { useId, useState, type FormEvent } from 'react';
import type { CaseAccess } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import type { PickerOption } from '../lib/access.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  options: PickerOption[];
  /** Whom the case is granted to: handlers, or oversight officers for a complaint about an official. */
  noun?: 'handler' | 'oversight';
  onChanged: (access: CaseAccess) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Grants the case to a handler (an oversight officer, for a complaint about an official): the server re-seals the
 * case key to that person. Granting someone excluded from the case is refused, and the refusal says why; granting
 * someone outside the case's category needs the number of an approved request (two-person rule).
 */
export function GrantForm({ caseId, options, noun = 'handler', onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [requestId, setRequestId] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const chosen = options.find((option) => option.id === userId);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return refuse(t('grantForm.chooseWhom'));
    const approval = chosen.outside ? requestId.trim() : '';
    if (chosen.outside && !UUID.test(approval)) return refuse(t('grantForm.needRequest'));
    await run(async () => {
      onChanged(await api.grant(caseId, chosen.id, approval || undefined));
      setUserId('');
      setRequestId('');
      return t('grantForm.done', { name: chosen.label });
    }, t('grantForm.failed'));
  }

  return (
    <form className="case-form inline-form" onSubmit={handleSubmit} aria-label={t('grantForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('grantForm.grantTo')}</label>
        <select id={`${id}-user`} value={chosen ? userId : ''} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{options.length === 0 ? t('grantForm.noOne') : t(`grantForm.choose.${noun}`)}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {chosen?.outside ? (
        <div className="field">
          <label htmlFor={`${id}-request`}>{t('grantForm.request')}</label>
          <input
            id={`${id}-request`}
            type="text"
            value={requestId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setRequestId(e.target.value)}
            aria-describedby={`${id}-request-hint`}
          />
          <p id={`${id}-request-hint`} className="hint">
            {t('grantForm.outsideHint', { name: chosen.label.replace(/\s*[(（].*[)）]$/u, '') })}
          </p>
        </div>
      ) : null}
      <button type="submit" className="button" aria-disabled={busy}>
        {t('grantForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
