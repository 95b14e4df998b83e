import type { IntakeFacts } from '../../shared/intake.ts';
import { DateTime } from './DateTime.tsx';

const CONSENT: Record<string, string> = {
  agreed: 'Agreed to a recording',
  declined: 'Did not agree to a recording',
  not_asked: 'Not asked (no recording made)',
};

/** How an intake operator received the report: the channel facts they recorded (sealed; read by the case's staff). */
export function IntakeFactsView({ facts }: { facts: IntakeFacts }) {
  const rows: [string, React.ReactNode][] = [
    ['Received by the operator', <DateTime key="r" iso={facts.receivedAt} />],
    ['Recorded', <DateTime key="c" iso={facts.recordedAt} />],
  ];
  if (facts.referringAuthority) rows.push(['Passed on by', facts.referringAuthority]);
  if (facts.referralReference) rows.push(['Their reference', facts.referralReference]);
  if (facts.recordingConsent) rows.push(['Recording', CONSENT[facts.recordingConsent] ?? facts.recordingConsent]);
  return (
    <>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {facts.minutes ? (
        <>
          <h3>Minutes or transcript</h3>
          <p className="message-body">{facts.minutes}</p>
        </>
      ) : null}
      {facts.transcription ? (
        <>
          <h3>Transcription of the letter</h3>
          <p className="message-body">{facts.transcription}</p>
        </>
      ) : null}
    </>
  );
}
