import { useId, type FormEvent } from 'react';
import { CASE_STATUSES, CHANNELS } from '../../shared/api.ts';
import type { CategoryOption } from '../hooks/useCategories.ts';
import { filtersToSearch, hasFilters, parseFilters, type CaseFilters } from '../lib/filters.ts';
import { CHANNEL_LABELS, ORDER_LABELS, STATUS_LABELS } from '../lib/labels.ts';
import { LabelFilterField } from './LabelFilterField.tsx';

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
    <form role="search" aria-label="Filter cases" className="filters" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-order`}>Order</label>
        <select id={`${id}-order`} value={filters.order ?? 'queue'} onChange={(e) => set('order', e.target.value)}>
          {(['queue', 'newest'] as const).map((order) => (
            <option key={order} value={order}>
              {ORDER_LABELS[order]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={filters.category ?? ''} onChange={(e) => set('category', e.target.value)}>
          <option value="">Any category</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.title}
            </option>
          ))}
          {knownCategory ? null : <option value={filters.category}>{filters.category}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select id={`${id}-channel`} value={filters.channel ?? ''} onChange={(e) => set('channel', e.target.value)}>
          <option value="">Any channel</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
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
          Urgent only
        </label>
      </div>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={filters.unread === 'true'}
            onChange={(e) => set('unread', e.target.checked ? 'true' : '')}
          />
          New from reporter only
        </label>
      </div>
      {hasFilters(filters) ? (
        <button type="button" className="button button--secondary" onClick={() => onChange({ order: filters.order })}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
