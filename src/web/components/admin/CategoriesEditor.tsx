/**
 * The categories a reporter chooses from: a list (open one to edit, add, reorder, remove) and the open
 * category's texts, kind, handling policy and questionnaire.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_KINDS } from '../../../shared/profile.ts';
import { emptyText, getIn, problemsAt, suggestId, textIn } from '../../lib/draft.ts';
import { useDraft } from './draft-context.ts';
import { Checkbox, Group, ItemTools, NumberInput, PlainInput, Select, TextInputs } from './Inputs.tsx';
import { QuestionnaireEditor } from './QuestionnaireEditor.tsx';

interface CategorySource {
  id?: string;
  title?: unknown;
}

export function CategoriesEditor() {
  const { t } = useTranslation();
  const { source, languages, problems, set } = useDraft();
  const categories = (getIn(source, ['categories']) as CategorySource[] | undefined) ?? [];
  const [open, setOpen] = useState<number | null>(null);
  const title = (c: CategorySource) => textIn(c.title, languages[0]!, languages[0]!) || c.id || '—';

  function add() {
    const id = suggestId(
      'new-category',
      '-',
      categories.map((c) => c.id ?? ''),
    );
    set(['categories'], (list: unknown[]) => [
      ...list,
      {
        id,
        title: emptyText(languages),
        description: emptyText(languages),
        kind: 'report',
        policy: {
          acknowledgementDays: 7,
          feedbackDays: 90,
          urgentResponseHours: 24,
          retentionDays: 1095,
          showDueDateToReporter: false,
        },
        fields: [{ id: 'what_happened', type: 'long_text', label: emptyText(languages), required: true }],
      },
    ]);
    setOpen(categories.length);
  }

  if (open !== null && categories[open]) {
    const at = ['categories', open] as const;
    return (
      <div className="admin-category">
        <p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
            {t('admin.categories.back')}
          </button>
        </p>
        <h3 dir="auto">{title(categories[open])}</h3>
        <div className="admin-row">
          <PlainInput path={[...at, 'id']} label={t('admin.categories.id')} hint={t('admin.categories.idHint')} />
          <Select
            path={[...at, 'kind']}
            label={t('admin.categories.kind')}
            options={CATEGORY_KINDS.map((k) => [k, t(`admin.categoryKind.${k}`)] as const)}
          />
        </div>
        <TextInputs path={[...at, 'title']} label={t('admin.categories.title')} />
        <TextInputs path={[...at, 'description']} label={t('admin.categories.description')} multiline />
        <Group title={t('admin.policy.legend')}>
          <div className="admin-row">
            <NumberInput
              path={[...at, 'policy', 'acknowledgementDays']}
              label={t('admin.policy.acknowledgementDays')}
              hint={t('admin.policy.emptyNone')}
              nullable
            />
            <NumberInput
              path={[...at, 'policy', 'feedbackDays']}
              label={t('admin.policy.feedbackDays')}
              hint={t('admin.policy.emptyNone')}
              nullable
            />
            <NumberInput path={[...at, 'policy', 'urgentResponseHours']} label={t('admin.policy.urgentHours')} />
            <NumberInput
              path={[...at, 'policy', 'protectionResponseHours']}
              label={t('admin.policy.protectionHours')}
              hint={t('admin.policy.protectionHint')}
            />
            <NumberInput path={[...at, 'policy', 'retentionDays']} label={t('admin.policy.retentionDays')} />
          </div>
          <Checkbox path={[...at, 'policy', 'showDueDateToReporter']} label={t('admin.policy.showDueDate')} />
          <Select
            path={[...at, 'policy', 'recordingAfterConfirmation']}
            label={t('admin.policy.recording')}
            empty={t('admin.policy.recordingDefault')}
            options={[
              ['keep', t('admin.policy.recordingKeep')],
              ['delete', t('admin.policy.recordingDelete')],
            ]}
          />
        </Group>
        <Group title={t('admin.categories.questions')}>
          <QuestionnaireEditor path={[...at, 'fields']} />
        </Group>
      </div>
    );
  }

  return (
    <>
      <ul className="admin-list">
        {categories.map((c, i) => {
          const issues = problemsAt(problems, ['categories', i]).length;
          return (
            <li key={i} className="admin-item admin-list__item">
              <div>
                <strong dir="auto">{title(c)}</strong> <code>{c.id}</code>
                {issues > 0 ? (
                  <span className="badge badge--overdue">{t('admin.problemCount', { count: issues })}</span>
                ) : null}
              </div>
              <div className="admin-tools">
                <button type="button" className="button" onClick={() => setOpen(i)}>
                  {t('admin.categories.edit')}
                  <span className="visually-hidden">: {title(c)}</span>
                </button>
                <ItemTools path={['categories']} index={i} count={categories.length} name={title(c)} />
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={add}>
        {t('admin.categories.add')}
      </button>
    </>
  );
}
