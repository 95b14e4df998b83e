/** The texts staff start an outcome notice to the reporter from, per outcome; empty ones use Confide's own. */
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '../../../shared/api.ts';
import { TextInputs } from './Inputs.tsx';

export function NoticesEditor() {
  const { t } = useTranslation();
  return (
    <>
      <p className="hint">{t('admin.notices.intro')}</p>
      {OUTCOMES.map((outcome) => (
        <TextInputs
          key={outcome}
          path={['noticeTemplates', outcome]}
          label={t(`labels.outcome.${outcome}`)}
          optional
          multiline
        />
      ))}
    </>
  );
}
