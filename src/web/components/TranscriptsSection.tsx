import type { TranscriptView } from '../../shared/transcripts.ts';
import { useTranscripts } from '../hooks/useTranscripts.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { MinutesForm } from './MinutesForm.tsx';
import { TranscriptList } from './TranscriptList.tsx';
import { useTranslation } from 'react-i18next';

/** Oral reports: transcripts and minutes with the reporter's confirmation, and the form to add minutes. */
export function TranscriptsSection({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { transcripts, error, add } = useTranscripts(caseId);

  function added(transcript: TranscriptView) {
    add(transcript);
    // The recording joins the case's files and the minutes its history.
    onChanged();
  }

  return (
    <>
      <ErrorMessage message={error} />
      {transcripts ? (
        <TranscriptList transcripts={transcripts} />
      ) : error ? null : (
        <p role="status">{t('transcriptsSection.loading')}</p>
      )}
      <h3>{t('minutesForm.label')}</h3>
      <MinutesForm caseId={caseId} onAdded={added} />
    </>
  );
}
