import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecentHandovers } from '../components/RecentHandovers.tsx';
import type { z } from 'zod';
import type { CategoryList } from '../../shared/api.ts';
import { INTAKE_TEXT_MAX, type IntakeChannel, type IntakeReceipt } from '../../shared/intake.ts';
import { ApiError, isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { IntakeFacts } from '../components/IntakeFacts.tsx';
import { IntakeField } from '../components/IntakeField.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReceiptHandover } from '../components/ReceiptHandover.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { CHANNEL_CHOICES, emptyIntakeForm, intakeFormData, type IntakeForm } from '../lib/intake.ts';

type Categories = z.output<typeof CategoryList>;

/**
 * The intake operator's page: record a report received by phone, letter, walk-in or referral — the channel, the
 * kind of report, the same questions and identity section as the public web form, the channel facts and files —
 * then hand the receipt over. The form lives in this page's memory only and is sent whole in one request: if the
 * connection drops, nothing is stored and what was typed is still here to send again.
 */
export function IntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intakePage.heading'));
  const api = useApi();
  const id = useId();
  const [lists, setLists] = useState<Categories | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<IntakeForm>(() => emptyIntakeForm(new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<IntakeReceipt | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.listCategories(controller.signal).then(setLists, (failure: unknown) => {
      if (!isAbortError(failure)) setLoadError(t('intakePage.listFailed'));
    });
    return () => controller.abort();
  }, [api, t]);

  if (done)
    return (
      <ReceiptHandover
        receipt={done.receipt}
        reference={done.reference}
        onDone={() => {
          setDone(null);
          setForm(emptyIntakeForm(new Date()));
        }}
      />
    );

  const category = lists?.categories.find((c) => c.id === form.categoryId);
  const update = (change: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...change }));
  const setFiles = (field: string, files: File[]) =>
    setForm((f) => ({
      ...f,
      files: [...f.files.filter((x) => x.field !== field), ...files.map((file) => ({ field, file }))],
    }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!form.channel) return setErrors({ channel: t('intakePage.chooseChannel') });
    if (!category) return setErrors({ category: t('intakePage.chooseCategory') });
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      setDone(await api.recordReport(intakeFormData(form)));
    } catch (failure) {
      if (failure instanceof ApiError && failure.details) setErrors(failure.details);
      setError(
        failure instanceof ApiError
          ? t(failure.details ? 'intakePage.fieldsMarked' : 'intakePage.notStored', { message: failure.message })
          : t('intakePage.sendFailed'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('intakePage.heading')}</PageHeading>
      <p>{t('intakePage.intro')}</p>
      {loadError ? <ErrorMessage message={loadError} /> : null}
      <form className="case-form" onSubmit={submit} noValidate aria-label={t('intakePage.label')}>
        <fieldset className="choice choice--column" aria-invalid={errors.channel ? true : undefined}>
          <legend>{t('intakePage.channel')}</legend>
          {CHANNEL_CHOICES.map((c) => (
            <label key={c.value} className="radio">
              <input
                type="radio"
                name={`${id}-channel`}
                value={c.value}
                checked={form.channel === c.value}
                onChange={() => update({ channel: c.value as IntakeChannel })}
              />
              <span>
                {c.label} <span className="muted">— {c.hint}</span>
              </span>
            </label>
          ))}
          {errors.channel ? <p className="field-error">{errors.channel}</p> : null}
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-category`}>{t('intakePage.category')}</label>
          <select
            id={`${id}-category`}
            value={form.categoryId}
            aria-invalid={errors.category ? true : undefined}
            onChange={(e) =>
              update({
                categoryId: e.target.value,
                answers: {},
                files: form.files.filter((f) => !f.field.startsWith('file.')),
              })
            }
          >
            <option value="">{t('intakePage.pickCategory')}</option>
            {(lists?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {category ? <p className="hint">{category.description}</p> : null}
          {errors.category ? <p className="field-error">{errors.category}</p> : null}
        </div>

        {category ? (
          <section className="intake-section" aria-label={t('intakePage.report')}>
            <h2>{t('intakePage.reportHeading')}</h2>
            {category.fields.map((f) => (
              <IntakeField
                key={f.id}
                field={f}
                value={form.answers[f.id]}
                error={errors[f.id] ?? errors[`file.${f.id}`]}
                onChange={(v) => update({ answers: { ...form.answers, [f.id]: v } })}
                onFiles={(files) => setFiles(`file.${f.id}`, files)}
              />
            ))}
          </section>
        ) : null}

        {category && lists ? (
          <section className="intake-section" aria-label={t('intakePage.identity')}>
            <h2>{t('intakePage.identityHeading')}</h2>
            <p className="hint">{t('intakePage.identityHint')}</p>
            {lists.identity.map((f) => (
              <IntakeField
                key={f.id}
                field={f}
                value={form.identity[f.id]}
                error={errors[`identity.${f.id}`]}
                onChange={(v) => update({ identity: { ...form.identity, [f.id]: v } })}
              />
            ))}
          </section>
        ) : null}

        {category && form.channel ? (
          <IntakeFacts
            channel={form.channel}
            facts={form.facts}
            errors={errors}
            maxText={INTAKE_TEXT_MAX}
            onChange={(facts) => update({ facts })}
            onFiles={setFiles}
          />
        ) : null}

        <ErrorMessage message={error} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t(busy ? 'intakePage.sending' : 'intakePage.send')}
        </button>
      </form>
      <RecentHandovers />
    </>
  );
}
