import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../shared/audit.ts';
import { ApiError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * "Check the chain": the server reads the whole log and checks that each entry carries the hash of the one before
 * and of its own content (as `npx confide audit verify`). A broken chain is announced at once, naming the entry.
 */
export function AuditChainCheck() {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.verifyAudit());
    } catch (failure) {
      setResult(null);
      setError(failure instanceof ApiError ? failure.message : t('auditChainCheck.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        <button type="button" className="button button--secondary" onClick={check} aria-disabled={busy}>
          {t(busy ? 'auditChainCheck.checking' : 'auditChainCheck.check')}
        </button>
      </p>
      <ErrorMessage message={error ?? (result && !result.ok ? result.message : null)} />
      <p role="status" className="notice">
        {result?.ok ? result.message : null}
      </p>
      {result ? (
        <p className="hint">
          {t('auditChainCheck.checked')} <DateTime iso={result.checkedAt} />
        </p>
      ) : null}
    </>
  );
}
