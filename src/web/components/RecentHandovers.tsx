/** An operator's recent handovers: the reports they recorded, by reference, channel and time — nothing more. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentHandovers as Handovers } from '../../shared/intake.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';
import { channelLabel } from '../lib/labels.ts';
import { DateTime } from './DateTime.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Section } from './Section.tsx';

export function RecentHandovers() {
  const { t } = useTranslation();
  const api = useApi();
  const [list, setList] = useState<Handovers['handovers'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.recentHandovers(controller.signal).then(
      (r) => setList(r.handovers),
      (e: unknown) => {
        if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => controller.abort();
  }, [api]);
  return (
    <Section title={t('homeOperator.recent')}>
      <p className="hint">{t('homeOperator.recentHint')}</p>
      <ErrorMessage message={error} />
      {list === null ? null : list.length === 0 ? (
        <p>{t('homeOperator.none')}</p>
      ) : (
        <table className="cases cases--dense">
          <thead>
            <tr>
              <th scope="col">{t('caseTable.reference')}</th>
              <th scope="col">{t('caseFacts.channel')}</th>
              <th scope="col">{t('homeOperator.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((h) => (
              <tr key={h.reference}>
                <th scope="row">{h.reference}</th>
                <td>{channelLabel(h.channel)}</td>
                <td>
                  <DateTime iso={h.recordedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
