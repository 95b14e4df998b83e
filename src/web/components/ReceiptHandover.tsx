import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { receiptGroups } from '../lib/intake.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  receipt: string;
  reference: string;
  onDone: () => void;
}

/**
 * The receipt of a report just recorded, shown this once: in numbered groups to read out, or as a letter (PDF) for a
 * postal reply. It lives only in this page's memory; leaving the page loses it for good.
 */
export function ReceiptHandover({ receipt, reference, onDone }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function downloadLetter() {
    setBusy(true);
    setError(null);
    try {
      const blob = await api.receiptLetter(receipt);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'receipt-letter.pdf';
      a.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('receiptHandover.letterFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('receiptHandover.title')}</h1>
      <p role="status">
        {t('receiptHandover.storedBefore')} <strong>{reference}</strong>
        {t('receiptHandover.storedAfter')}
      </p>
      <h2>{t('receiptHandover.handOver')}</h2>
      <p>
        {t('receiptHandover.readOut')} <strong>{t('receiptHandover.onlyOnce')}</strong>{' '}
        {t('receiptHandover.cannotShowAgain')}
      </p>
      <ol className="receipt-groups" aria-label={t('receiptHandover.groupsLabel')}>
        {receiptGroups(receipt).map((group, i) => (
          <li key={i}>{group}</li>
        ))}
      </ol>
      <p>{t('receiptHandover.tellPerson')}</p>
      <p>
        <button type="button" className="button button--secondary" onClick={downloadLetter} aria-disabled={busy}>
          {t('receiptHandover.download')}
        </button>
      </p>
      <ErrorMessage message={error} />
      <p>
        <button type="button" className="button" onClick={onDone}>
          {t('receiptHandover.done')}
        </button>
      </p>
    </>
  );
}
