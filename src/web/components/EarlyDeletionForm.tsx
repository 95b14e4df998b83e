import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  caseId: string;
  reference: string;
  /** The viewer's approved early_deletion request. */
  requestId: string;
  /** Called once the case is gone. */
  onDeleted: () => void;
}

/** Destroys the case now under an approved request, after the person confirms what that means. */
export function EarlyDeletionForm({ caseId, reference, requestId, onDeleted }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, notice, run, refuse } = useSubmit();
  const unconfirmed = t('earlyDeletion.unconfirmed');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) return refuse(unconfirmed);
    const done = await run(async () => {
      await api.deleteCase(caseId, requestId);
      return t('earlyDeletion.done', { reference });
    }, t('earlyDeletion.failed'));
    if (done) onDeleted();
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('earlyDeletion.label')} noValidate>
      <p id={`${id}-what`}>{t('earlyDeletion.what')}</p>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-describedby={`${id}-what`}
            aria-invalid={error === unconfirmed ? true : undefined}
          />
          {t('earlyDeletion.confirm', { reference })}
        </label>
      </div>
      <button type="submit" className="button button--danger" aria-disabled={busy}>
        {t('earlyDeletion.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
