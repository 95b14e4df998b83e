import type { TranscriptView } from '../../shared/transcripts.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

/** The recording's state in words: kept (a file of the case), deleted by policy, or none. */
function RecordingText({ transcript }: { transcript: TranscriptView }) {
  const { t } = useTranslation();
  if (transcript.recordingDeletedAt)
    return (
      <>
        {t('transcriptList.recordingDeleted')} <DateTime iso={transcript.recordingDeletedAt} />
      </>
    );
  return transcript.recording ? t('transcriptList.recordingKept') : t('caseFacts.none');
}

/**
 * The transcripts and minutes of a case, oldest first: the text as written down, whether the reporter confirmed
 * it, corrected it (each correction beside the unchanged text) or has not yet checked it, and the recording.
 */
export function TranscriptList({ transcripts }: { transcripts: TranscriptView[] }) {
  const { t } = useTranslation();
  if (transcripts.length === 0) return <p className="muted">{t('transcriptList.none')}</p>;
  return (
    <ol className="history">
      {transcripts.map((item) => (
        <li key={item.id} className="history-event">
          <p className="history-line">
            <strong>{t(`transcriptList.kind.${item.kind}`)}</strong> · <DateTime iso={item.createdAt} /> ·{' '}
            {item.authorName ? <bdi>{item.authorName}</bdi> : t('transcriptList.intake')}
          </p>
          <p className={`transcript-status transcript-${item.status}`}>
            <strong>{t(`transcriptList.status.${item.status}`)}</strong>
            {item.confirmedAt ? (
              <>
                {' '}
                {t('transcriptList.on')} <DateTime iso={item.confirmedAt} />
                {item.corrections.length > 0 ? t('transcriptList.withCorrections') : ''}
              </>
            ) : null}
          </p>
          <dl className="answers">
            <div>
              <dt>{t('transcriptList.asWritten')}</dt>
              <dd className="answer-text" dir="auto">
                {item.text}
              </dd>
            </div>
            {item.corrections.map((c, i) => (
              <div key={c.id}>
                <dt>
                  {item.corrections.length > 1
                    ? t('transcriptList.correctionNumbered', { n: i + 1 })
                    : t('transcriptList.correction')}{' '}
                  (<DateTime iso={c.createdAt} />)
                </dt>
                <dd className="answer-text" dir="auto">
                  {c.text}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t('actionList.recording')}</dt>
              <dd>
                <RecordingText transcript={item} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
