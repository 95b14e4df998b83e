import type { TranscriptStatus, TranscriptView } from '../../shared/transcripts.ts';
import { DateTime } from './DateTime.tsx';

const KIND_LABELS = { transcript: 'Transcript of a call', minutes: 'Minutes of a meeting' } as const;

const STATUS_TEXT: Record<TranscriptStatus, string> = {
  awaiting: 'Awaiting the reporter: not yet checked',
  corrected: 'Corrected by the reporter, not yet confirmed',
  confirmed: 'Confirmed by the reporter',
};

/** The recording's state in words: kept (a file of the case), deleted by policy, or none. */
function recordingText(t: TranscriptView) {
  if (t.recordingDeletedAt)
    return (
      <>
        Deleted after the transcript was confirmed (category policy), <DateTime iso={t.recordingDeletedAt} />
      </>
    );
  return t.recording ? 'Made with the person’s consent; kept with the case’s files, sealed as evidence' : 'None';
}

/**
 * The transcripts and minutes of a case, oldest first: the text as written down, whether the reporter confirmed
 * it, corrected it (each correction beside the unchanged text) or has not yet checked it, and the recording.
 */
export function TranscriptList({ transcripts }: { transcripts: TranscriptView[] }) {
  if (transcripts.length === 0) return <p className="muted">No call or meeting has been written down.</p>;
  return (
    <ol className="history">
      {transcripts.map((t) => (
        <li key={t.id} className="history-event">
          <p className="history-line">
            <strong>{KIND_LABELS[t.kind]}</strong> · <DateTime iso={t.createdAt} /> · by {t.authorName ?? 'intake'}
          </p>
          <p className={`transcript-status transcript-${t.status}`}>
            <strong>{STATUS_TEXT[t.status]}</strong>
            {t.confirmedAt ? (
              <>
                {' '}
                on <DateTime iso={t.confirmedAt} />
                {t.corrections.length > 0 ? ', with the corrections below' : ''}
              </>
            ) : null}
          </p>
          <dl className="answers">
            <div>
              <dt>As written down</dt>
              <dd className="answer-text" dir="auto">
                {t.text}
              </dd>
            </div>
            {t.corrections.map((c, i) => (
              <div key={c.id}>
                <dt>
                  Reporter’s correction{t.corrections.length > 1 ? ` ${i + 1}` : ''} (<DateTime iso={c.createdAt} />)
                </dt>
                <dd className="answer-text" dir="auto">
                  {c.text}
                </dd>
              </div>
            ))}
            <div>
              <dt>Recording</dt>
              <dd>{recordingText(t)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
