/** The administration's inputs: a translated text (one box per published language), numbers, choices, lists. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES } from '../../../i18n/languages.ts';
import { emptyText, fieldDomId, getIn, problemsAt, textIn, withText, type Segment } from '../../lib/draft.ts';
import { useDraft } from './draft-context.ts';

function Problems({ path }: { path: readonly Segment[] }) {
  const { problems } = useDraft();
  const found = problemsAt(problems, path);
  if (found.length === 0) return null;
  return (
    <ul className="admin-problems">
      {found.map((p) => (
        <li key={`${p.path}:${p.message}`} className="error-message">
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** A text the reporter reads, in each language the profile publishes. */
export function TextInputs({
  path,
  label,
  multiline = false,
  hint,
  optional = false,
}: {
  path: readonly Segment[];
  label: string;
  multiline?: boolean;
  hint?: string;
  /** Empty in every language removes the text (help, hours, notice templates). */
  optional?: boolean;
}) {
  const { source, languages, set } = useDraft();
  const value = getIn(source, path);
  const id = useId();
  return (
    <fieldset className="admin-text" id={fieldDomId(path)}>
      <legend>{label}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="admin-text__langs">
        {languages.map((language) => {
          const name = isLanguage(language) ? LANGUAGE_NAMES[language] : language;
          const props = {
            id: `${id}-${language}`,
            lang: language,
            dir: 'auto' as const,
            value: textIn(value, language, languages[0]!),
            onChange: (e: { target: { value: string } }) =>
              set(path, (current: unknown) => {
                const next = withText(current, language, e.target.value, languages);
                return optional && isBlank(next) ? undefined : next;
              }),
          };
          return (
            <div className="field admin-text__lang" key={language}>
              <label htmlFor={props.id} lang={language}>
                {name}
              </label>
              {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
            </div>
          );
        })}
      </div>
      <Problems path={path} />
    </fieldset>
  );
}

/** A whole number, or empty for null when `nullable`. */
export function NumberInput({
  path,
  label,
  hint,
  nullable = false,
}: {
  path: readonly Segment[];
  label: string;
  hint?: string;
  nullable?: boolean;
}) {
  const { source, set } = useDraft();
  const id = useId();
  const value = getIn(source, path);
  return (
    <div className="field" id={fieldDomId(path)}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) =>
          set(path, e.target.value === '' ? (nullable ? null : undefined) : Math.trunc(Number(e.target.value)))
        }
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <Problems path={path} />
    </div>
  );
}

export function Checkbox({ path, label }: { path: readonly Segment[]; label: string }) {
  const { source, set } = useDraft();
  const id = useId();
  return (
    <div className="field field--checkbox" id={fieldDomId(path)}>
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={getIn(source, path) === true}
          onChange={(e) => set(path, e.target.checked)}
        />{' '}
        {label}
      </label>
      <Problems path={path} />
    </div>
  );
}

/** A choice among `options` (value → label); `empty` offers removing the value. */
export function Select({
  path,
  label,
  options,
  empty,
}: {
  path: readonly Segment[];
  label: string;
  options: readonly (readonly [string, string])[];
  empty?: string;
}) {
  const { source, set } = useDraft();
  const id = useId();
  const value = getIn(source, path);
  return (
    <div className="field" id={fieldDomId(path)}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <Problems path={path} />
    </div>
  );
}

/** A plain value (an id, an address) that is not translated. */
export function PlainInput({ path, label, hint }: { path: readonly Segment[]; label: string; hint?: string }) {
  const { source, set } = useDraft();
  const id = useId();
  const value = getIn(source, path);
  return (
    <div className="field" id={fieldDomId(path)}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        dir="auto"
        spellCheck={false}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(path, e.target.value)}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <Problems path={path} />
    </div>
  );
}

/** Move up, move down and remove buttons for item `index` of the list at `path`. */
export function ItemTools({
  path,
  index,
  count,
  name,
}: {
  path: readonly Segment[];
  index: number;
  count: number;
  name: string;
}) {
  const { t } = useTranslation();
  const { set } = useDraft();
  const move = (by: -1 | 1) =>
    set(path, (list: unknown[]) => {
      const copy = [...list];
      const to = index + by;
      if (to < 0 || to >= copy.length) return copy;
      [copy[index], copy[to]] = [copy[to], copy[index]];
      return copy;
    });
  return (
    <div className="admin-tools">
      <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => move(-1)}>
        {t('admin.moveUp')}
        <span className="visually-hidden">: {name}</span>
      </button>
      <button type="button" className="button button--secondary" disabled={index === count - 1} onClick={() => move(1)}>
        {t('admin.moveDown')}
        <span className="visually-hidden">: {name}</span>
      </button>
      <button
        type="button"
        className="button button--danger"
        onClick={() => set(path, (list: unknown[]) => list.filter((_, i) => i !== index))}
      >
        {t('admin.remove')}
        <span className="visually-hidden">: {name}</span>
      </button>
    </div>
  );
}

/** A list of translated texts (paragraphs, advice), each editable, movable and removable. */
export function TextList({ path, label, itemLabel }: { path: readonly Segment[]; label: string; itemLabel: string }) {
  const { t } = useTranslation();
  const { source, languages, set } = useDraft();
  const list = (getIn(source, path) as unknown[] | undefined) ?? [];
  return (
    <fieldset className="admin-group" id={fieldDomId(path)}>
      <legend>{label}</legend>
      {list.map((_, i) => (
        <div className="admin-item" key={i}>
          <TextInputs path={[...path, i]} label={`${itemLabel} ${i + 1}`} multiline />
          <ItemTools path={path} index={i} count={list.length} name={`${itemLabel} ${i + 1}`} />
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => set(path, (current: unknown[] | undefined) => [...(current ?? []), emptyText(languages)])}
      >
        {t('admin.addItem', { item: itemLabel })}
      </button>
      <Problems path={path} />
    </fieldset>
  );
}

/** A titled group of inputs. */
export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="admin-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

const isBlank = (text: unknown) =>
  typeof text === 'string' ? text === '' : Object.values(text as Record<string, string>).every((v) => v === '');
