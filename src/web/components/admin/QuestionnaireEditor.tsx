/**
 * A category's questions: type, id, label and help in each language, required, options of a choice, the
 * answer's length, whether it could identify the reporter, which options make a report urgent, and whether it
 * may name staff (who are then kept off the case).
 */
import { useTranslation } from 'react-i18next';
import { FieldType } from '../../../shared/api.ts';
import { emptyText, getIn, suggestId, textIn, type Segment } from '../../lib/draft.ts';
import { useDraft } from './draft-context.ts';
import { Checkbox, ItemTools, NumberInput, PlainInput, Select, TextInputs } from './Inputs.tsx';

const CHOICE = new Set(['single_choice', 'multiple_choice']);
const TEXT = new Set(['short_text', 'long_text']);

interface FieldSource {
  id?: string;
  type?: string;
  label?: unknown;
  options?: { value?: string; label?: unknown }[];
  urgentWhen?: string[];
}

export function QuestionnaireEditor({ path }: { path: readonly Segment[] }) {
  const { t } = useTranslation();
  const { source, languages, set } = useDraft();
  const fields = (getIn(source, path) as FieldSource[] | undefined) ?? [];
  const types = FieldType.options.map((type) => [type, t(`admin.fieldType.${type}`)] as const);

  function addQuestion() {
    set(path, (list: FieldSource[] | undefined) => {
      const current = list ?? [];
      const id = suggestId(
        'question',
        '_',
        current.map((f) => f.id ?? ''),
      );
      return [...current, { id, type: 'long_text', label: emptyText(languages), required: false }];
    });
  }

  return (
    <div className="admin-questions">
      {fields.map((field, i) => {
        const at = [...path, i];
        const label = textIn(field.label, languages[0]!, languages[0]!) || t('admin.question.untitled');
        const name = t('admin.question.numbered', { n: i + 1, label });
        return (
          <section className="admin-item admin-question" key={i} aria-label={name}>
            <h4 dir="auto">{name}</h4>
            <div className="admin-row">
              <Select path={[...at, 'type']} label={t('admin.question.type')} options={types} />
              <PlainInput path={[...at, 'id']} label={t('admin.question.id')} hint={t('admin.question.idHint')} />
            </div>
            <TextInputs path={[...at, 'label']} label={t('admin.question.label')} />
            <TextInputs path={[...at, 'help']} label={t('admin.question.help')} multiline optional />
            <Checkbox path={[...at, 'required']} label={t('admin.question.required')} />
            {CHOICE.has(field.type ?? '') ? <OptionsEditor path={[...at, 'options']} /> : null}
            {TEXT.has(field.type ?? '') ? (
              <>
                <NumberInput path={[...at, 'maxLength']} label={t('admin.question.maxLength')} />
                <Checkbox path={[...at, 'namesStaff']} label={t('admin.question.namesStaff')} />
              </>
            ) : null}
            <Checkbox path={[...at, 'identifying']} label={t('admin.question.identifying')} />
            {CHOICE.has(field.type ?? '') && (field.options?.length ?? 0) > 0 ? (
              <UrgentWhen path={[...at, 'urgentWhen']} field={field} />
            ) : null}
            <ItemTools path={path} index={i} count={fields.length} name={name} />
          </section>
        );
      })}
      <button type="button" className="button button--secondary" onClick={addQuestion}>
        {t('admin.question.add')}
      </button>
    </div>
  );
}

function OptionsEditor({ path }: { path: readonly Segment[] }) {
  const { t } = useTranslation();
  const { source, languages, set } = useDraft();
  const options = (getIn(source, path) as { value?: string; label?: unknown }[] | undefined) ?? [];
  return (
    <fieldset className="admin-group">
      <legend>{t('admin.option.legend')}</legend>
      {options.map((option, i) => {
        const name = t('admin.option.numbered', { n: i + 1 });
        return (
          <div className="admin-item admin-option" key={i}>
            <PlainInput
              path={[...path, i, 'value']}
              label={t('admin.option.value')}
              hint={t('admin.option.valueHint')}
            />
            <TextInputs path={[...path, i, 'label']} label={name} />
            <ItemTools path={path} index={i} count={options.length} name={name} />
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          set(path, (list: { value?: string }[] | undefined) => {
            const current = list ?? [];
            const value = suggestId(
              'option',
              '_',
              current.map((o) => o.value ?? ''),
            );
            return [...current, { value, label: emptyText(languages) }];
          })
        }
      >
        {t('admin.option.add')}
      </button>
    </fieldset>
  );
}

function UrgentWhen({ path, field }: { path: readonly Segment[]; field: FieldSource }) {
  const { t } = useTranslation();
  const { languages, set } = useDraft();
  const chosen = new Set(field.urgentWhen ?? []);
  return (
    <fieldset className="choice">
      <legend>{t('admin.question.urgentWhen')}</legend>
      {(field.options ?? []).map((option) => (
        <label className="radio" key={option.value}>
          <input
            type="checkbox"
            checked={chosen.has(option.value ?? '')}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(option.value ?? '');
              else next.delete(option.value ?? '');
              set(path, next.size === 0 ? undefined : [...next]);
            }}
          />
          <span dir="auto">{textIn(option.label, languages[0]!, languages[0]!) || option.value}</span>
        </label>
      ))}
    </fieldset>
  );
}
