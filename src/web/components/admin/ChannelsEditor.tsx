/** The channels published on the start page: how to reach the authority besides the web form. */
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/api.ts';
import { emptyText, getIn, textIn } from '../../lib/draft.ts';
import { useDraft } from './draft-context.ts';
import { ItemTools, Select, TextInputs } from './Inputs.tsx';

export function ChannelsEditor() {
  const { t } = useTranslation();
  const { source, languages, set } = useDraft();
  const channels = (getIn(source, ['channels']) as unknown[] | undefined) ?? [];
  const kinds = CHANNELS.map((kind) => [kind, t(`admin.channelKind.${kind}`)] as const);
  return (
    <>
      <p className="hint">{t('admin.channels.intro')}</p>
      {channels.map((_, i) => {
        const name = textIn(getIn(source, ['channels', i, 'label']), languages[0]!, languages[0]!) || `${i + 1}`;
        return (
          <section className="admin-item" key={i} aria-label={name}>
            <h3 dir="auto">{name}</h3>
            <Select path={['channels', i, 'kind']} label={t('admin.channels.kind')} options={kinds} />
            <TextInputs path={['channels', i, 'label']} label={t('admin.channels.label')} />
            <TextInputs
              path={['channels', i, 'value']}
              label={t('admin.channels.value')}
              hint={t('admin.channels.valueHint')}
            />
            <TextInputs path={['channels', i, 'hours']} label={t('admin.channels.hours')} optional />
            <ItemTools path={['channels']} index={i} count={channels.length} name={name} />
          </section>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          set(['channels'], (list: unknown[] | undefined) => [
            ...(list ?? []),
            { kind: 'phone', label: emptyText(languages), value: emptyText(languages) },
          ])
        }
      >
        {t('admin.channels.add')}
      </button>
    </>
  );
}
