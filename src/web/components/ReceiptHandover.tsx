import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { receiptGroups } from '../lib/intake.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

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
      setError(
        failure instanceof ApiError ? failure.message : 'The letter could not be made. Try again before leaving.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Report recorded</h1>
      <p role="status">
        The report was stored, sealed, as <strong>{reference}</strong>. You no longer have access to it.
      </p>
      <h2>Hand the receipt over now</h2>
      <p>
        Read the receipt out one group at a time and ask the person to read it back, or print the letter for a postal
        reply. <strong>This page shows it only once:</strong> it cannot be shown again after you leave.
      </p>
      <ol className="receipt-groups" aria-label="Receipt, in groups of four digits">
        {receiptGroups(receipt).map((group, i) => (
          <li key={i}>{group}</li>
        ))}
      </ol>
      <p>
        Tell the person: at their first sign-in on the follow-up page they get a new receipt, and this one stops
        working. Keep no copy of it yourself.
      </p>
      <p>
        <button type="button" className="button button--secondary" onClick={downloadLetter} aria-disabled={busy}>
          Download the letter (PDF)
        </button>
      </p>
      <ErrorMessage message={error} />
      <p>
        <button type="button" className="button" onClick={onDone}>
          Done: record another report
        </button>
      </p>
    </>
  );
}
