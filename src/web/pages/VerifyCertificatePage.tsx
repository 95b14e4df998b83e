import { useId, useState, type FormEvent } from 'react';
import type { CertificateVerifyResponse } from '../../shared/certificates.ts';
import { useApi } from '../api/context.ts';
import { DateTime } from '../components/DateTime.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useSubmit } from '../hooks/useSubmit.ts';

/**
 * Checks a certificate of receipt that a reporter (or their lawyer or employer) shows: the verification code
 * printed on it either matches a certificate this office issued — and then the reference and times must match the
 * paper — or it does not. Every check is audited.
 * @see CEL 2023 Art. 55
 */
export function VerifyCertificatePage() {
  useDocumentTitle('Check a certificate of receipt');
  const api = useApi();
  const id = useId();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ code: string; answer: CertificateVerifyResponse } | null>(null);
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '') return refuse('Enter the verification code printed on the certificate.');
    setResult(null);
    await run(async () => {
      const answer = await api.verifyCertificate(code.trim());
      setResult({ code: code.trim(), answer });
      return '';
    }, 'The code could not be checked. Try again.');
  }

  return (
    <>
      <PageHeading>Check a certificate of receipt</PageHeading>
      <p>
        A certificate of receipt proves that a report was made, and when. Enter the verification code printed on it;
        spaces, dashes and capitals do not matter.
      </p>
      <form className="case-form" onSubmit={handleSubmit} aria-label="Check a certificate" noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>Verification code</label>
          <input
            id={`${id}-code`}
            value={code}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={`${id}-code-hint`}
          />
          <p id={`${id}-code-hint`} className="hint">
            Five groups of four letters and digits, for example 7KQ2-M9XD-0HZC-4TRW-B1PE.
          </p>
        </div>
        <FormFeedback error={error} notice={notice} />
        <button type="submit" className="button" aria-disabled={busy}>
          Check
        </button>
      </form>
      <div role="status">
        {result?.answer.valid ? (
          <section aria-labelledby={`${id}-valid`}>
            <h2 id={`${id}-valid`}>Valid: we issued this certificate</h2>
            <p>Check that the certificate shows the same reference and times.</p>
            <dl className="facts">
              <div>
                <dt>Report reference</dt>
                <dd>{result.answer.reference}</dd>
              </div>
              <div>
                <dt>Kind of report</dt>
                <dd>{result.answer.category}</dd>
              </div>
              <div>
                <dt>Channel</dt>
                <dd>{result.answer.channel}</dd>
              </div>
              <div>
                <dt>Received</dt>
                <dd>
                  <DateTime iso={result.answer.receivedAt} /> ({result.answer.receivedAt})
                </dd>
              </div>
              <div>
                <dt>Certificate issued</dt>
                <dd>
                  <DateTime iso={result.answer.issuedAt} /> ({result.answer.issuedAt})
                </dd>
              </div>
            </dl>
          </section>
        ) : result ? (
          <section aria-labelledby={`${id}-invalid`}>
            <h2 id={`${id}-invalid`}>Not valid</h2>
            <p>
              The code “{result.code}” matches no certificate we issued. Check it against the certificate: a mistyped
              character gives this answer too. If it still does not match, the certificate is not ours, or it was
              altered.
            </p>
          </section>
        ) : null}
      </div>
    </>
  );
}
