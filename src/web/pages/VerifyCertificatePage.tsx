import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateVerifyResponse } from '../../shared/certificates.ts';
import { useApi } from '../api/context.ts';
import { BdiText } from '../components/BdiText.tsx';
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
  const { t } = useTranslation();
  useDocumentTitle(t('verifyPage.heading'));
  const api = useApi();
  const id = useId();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ code: string; answer: CertificateVerifyResponse } | null>(null);
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '') return refuse(t('verifyPage.enterCode'));
    setResult(null);
    await run(async () => {
      const answer = await api.verifyCertificate(code.trim());
      setResult({ code: code.trim(), answer });
      return '';
    }, t('verifyPage.failed'));
  }

  return (
    <>
      <PageHeading>{t('verifyPage.heading')}</PageHeading>
      <p>{t('verifyPage.intro')}</p>
      <form className="case-form" onSubmit={handleSubmit} aria-label={t('verifyPage.formLabel')} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('verifyPage.code')}</label>
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
            {t('verifyPage.codeHint')}
          </p>
        </div>
        <FormFeedback error={error} notice={notice} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('verifyPage.check')}
        </button>
      </form>
      <div role="status">
        {result?.answer.valid ? (
          <section aria-labelledby={`${id}-valid`}>
            <h2 id={`${id}-valid`}>{t('verifyPage.valid')}</h2>
            <p>{t('verifyPage.sameValues')}</p>
            <dl className="facts">
              <div>
                <dt>{t('verifyPage.reference')}</dt>
                <dd>{result.answer.reference}</dd>
              </div>
              <div>
                <dt>{t('verifyPage.category')}</dt>
                <dd>{result.answer.category}</dd>
              </div>
              <div>
                <dt>{t('verifyPage.channel')}</dt>
                <dd>{result.answer.channel}</dd>
              </div>
              <div>
                <dt>{t('verifyPage.received')}</dt>
                <dd>
                  <DateTime iso={result.answer.receivedAt} /> ({result.answer.receivedAt})
                </dd>
              </div>
              <div>
                <dt>{t('verifyPage.issued')}</dt>
                <dd>
                  <DateTime iso={result.answer.issuedAt} /> ({result.answer.issuedAt})
                </dd>
              </div>
            </dl>
          </section>
        ) : result ? (
          <section aria-labelledby={`${id}-invalid`}>
            <h2 id={`${id}-invalid`}>{t('verifyPage.invalid')}</h2>
            <p>
              <BdiText k="verifyPage.invalidText" isolated={{ code: result.code }} />
            </p>
          </section>
        ) : null}
      </div>
    </>
  );
}
