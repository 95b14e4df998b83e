import type { IntakeFacts } from '../../shared/intake.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

const CONSENT = ['agreed', 'declined', 'not_asked'];

/** How an intake operator received the report: the channel facts they recorded (sealed; read by the case's staff). */
export function IntakeFactsView({ facts }: { facts: IntakeFacts }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('intakeView.received'), <DateTime key="r" iso={facts.receivedAt} />],
    [t('intakeView.recorded'), <DateTime key="c" iso={facts.recordedAt} />],
  ];
  if (facts.referringAuthority) rows.push([t('intakeView.passedOnBy'), <bdi key="a">{facts.referringAuthority}</bdi>]);
  if (facts.referralReference)
    rows.push([t('intakeView.theirReference'), <bdi key="n">{facts.referralReference}</bdi>]);
  if (facts.recordingConsent)
    rows.push([
      t('intakeView.recording'),
      CONSENT.includes(facts.recordingConsent)
        ? t(`intakeView.consent.${facts.recordingConsent}`)
        : facts.recordingConsent,
    ]);
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
          <h3>{t('intakeView.minutes')}</h3>
          <p className="message-body" dir="auto">
            {facts.minutes}
          </p>
        </>
      ) : null}
      {facts.transcription ? (
        <>
          <h3>{t('intakeView.transcription')}</h3>
          <p className="message-body" dir="auto">
            {facts.transcription}
          </p>
        </>
      ) : null}
    </>
  );
}
