import type { TranscriptView } from '../../shared/transcripts.ts';
import { useTranscripts } from '../hooks/useTranscripts.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { MinutesForm } from './MinutesForm.tsx';
import { TranscriptList } from './TranscriptList.tsx';

/** Oral reports: transcripts and minutes with the reporter's confirmation, and the form to add minutes. */
export function TranscriptsSection({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { transcripts, error, add } = useTranscripts(caseId);

  function added(t: TranscriptView) {
    add(t);
    // The recording joins the case's files and the minutes its history.
    onChanged();
  }

  return (
    <>
      <ErrorMessage message={error} />
      {transcripts ? (
        <TranscriptList transcripts={transcripts} />
      ) : error ? null : (
        <p role="status">Loading the transcripts…</p>
      )}
      <h3>Add minutes of a call or meeting</h3>
      <MinutesForm caseId={caseId} onAdded={added} />
    </>
  );
}
