import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { LinkKind, LinkView } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { linkKindLabel } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { LinkedCaseList } from './LinkedCaseList.tsx';
import { useTranslation } from 'react-i18next';

type Links = z.output<typeof LinkView>[];
type Kind = z.output<typeof LinkKind>;

interface Props {
  caseId: string;
  links: Links;
  onChanged: (links: Links) => void;
}

/** Links this case to another, by reference, as a duplicate of it or related to it; and removes links. */
export function LinkedCases({ caseId, links, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [reference, setReference] = useState('');
  const [kind, setKind] = useState<Kind>('related');
  const [removing, setRemoving] = useState<string | null>(null);
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const other = reference.trim();
    if (other === '') return refuse(t('linkedCases.enterReference'));
    await run(async () => {
      const result = await api.addLink(caseId, { reference: other, kind });
      setReference('');
      onChanged(result.links);
      return t(`linkedCases.linked.${kind}`, { reference: other });
    }, t('linkedCases.linkFailed'));
  }

  async function unlink(link: Links[number]) {
    setRemoving(link.id);
    await run(async () => {
      const result = await api.removeLink(caseId, link.id);
      onChanged(result.links);
      return t('linkedCases.unlinked', { reference: link.reference });
    }, t('linkedCases.unlinkFailed'));
    setRemoving(null);
  }

  return (
    <>
      <LinkedCaseList links={links} busyId={removing} onUnlink={unlink} />
      <form className="case-form inline-form" onSubmit={handleSubmit} aria-label={t('linkedCases.label')} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reference`}>{t('linkedCases.reference')}</label>
          <input
            id={`${id}-reference`}
            value={reference}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('linkedCases.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(['duplicate', 'related'] as const).map((value) => (
              <option key={value} value={value}>
                {linkKindLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {t('linkedCases.submit')}
        </button>
      </form>
      <FormFeedback error={error} notice={notice} />
    </>
  );
}
