/** The authority's name and the start page's texts. */
import { useTranslation } from 'react-i18next';
import { TextInputs, TextList } from './Inputs.tsx';

export function TextsEditor() {
  const { t } = useTranslation();
  return (
    <>
      <TextInputs path={['authority']} label={t('admin.texts.authority')} hint={t('admin.texts.authorityHint')} />
      <TextInputs path={['name']} label={t('admin.texts.name')} />
      <TextInputs path={['landing', 'intro']} label={t('admin.texts.intro')} multiline />
      <TextList
        path={['landing', 'whatHappens']}
        label={t('admin.texts.whatHappens')}
        itemLabel={t('admin.texts.step')}
      />
      <TextInputs path={['landing', 'falseReportWarning']} label={t('admin.texts.falseReport')} multiline />
      <TextList
        path={['landing', 'safetyAdvice']}
        label={t('admin.texts.safetyAdvice')}
        itemLabel={t('admin.texts.advice')}
      />
    </>
  );
}
