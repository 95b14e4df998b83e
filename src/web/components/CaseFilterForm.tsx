import { useId, type FormEvent } from 'react';
import { CASE_STATUSES, CHANNELS } from '../../shared/api.ts';
import type { CategoryOption } from '../hooks/useCategories.ts';
import { filtersToSearch, hasFilters, parseFilters, type CaseFilters } from '../lib/filters.ts';
import { channelLabel, orderLabel, statusLabel } from '../lib/labels.ts';
import { LabelFilterField } from './LabelFilterField.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  filters: CaseFilters;
  categories: CategoryOption[];
  onChange: (filters: CaseFilters) => void;
}

/**
 * Order and filters (status, category, channel, label, urgent only, new from the reporter only). Each choice applies at once; the label
 * applies on Enter or on leaving the box. The page keeps them in the URL.
 */
export function CaseFilterForm({ filters, categories, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();

  function set(name: keyof CaseFilters, value: string) {
    const params = new URLSearchParams(filtersToSearch(filters));
    if (value) params.set(name, value);
    else params.delete(name);
    onChange(parseFilters(params.toString()));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const label = String(new FormData(event.currentTarget).get('label') ?? '').trim();
    if (label !== (filters.label ?? '')) set('label', label);
  }

  const knownCategory = !filters.category || categories.some((c) => c.id === filters.category);

  return (
    <form role="search" aria-label={t('caseFilter.label')} className="filters" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-order`}>{t('caseFilter.order')}</label>
        <select id={`${id}-order`} value={filters.order ?? 'queue'} onChange={(e) => set('order', e.target.value)}>
          {(['queue', 'newest'] as const).map((order) => (
            <option key={order} value={order}>
              {orderLabel(order)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('caseFacts.status')}</label>
        <select id={`${id}-status`} value={filters.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('caseFilter.anyStatus')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('caseFacts.category')}</label>
        <select id={`${id}-category`} value={filters.category ?? ''} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('caseFilter.anyCategory')}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.title}
            </option>
          ))}
          {knownCategory ? null : <option value={filters.category}>{filters.category}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('caseFacts.channel')}</label>
        <select id={`${id}-channel`} value={filters.channel ?? ''} onChange={(e) => set('channel', e.target.value)}>
          <option value="">{t('caseFilter.anyChannel')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(channel)}
            </option>
          ))}
        </select>
      </div>
      <LabelFilterField id={`${id}-label`} value={filters.label ?? ''} onApply={(label) => set('label', label)} />
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={filters.urgent === 'true'}
            onChange={(e) => set('urgent', e.target.checked ? 'true' : '')}
          />
          {t('caseFilter.urgentOnly')}
        </label>
      </div>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={filters.unread === 'true'}
            onChange={(e) => set('unread', e.target.checked ? 'true' : '')}
          />
          {t('caseFilter.unreadOnly')}
        </label>
      </div>
      {hasFilters(filters) ? (
        <button type="button" className="button button--secondary" onClick={() => onChange({ order: filters.order })}>
          {t('caseFilter.clear')}
        </button>
      ) : null}
    </form>
  );
}
