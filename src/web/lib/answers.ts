/** How a questionnaire answer reads on screen. */
import type { z } from 'zod';
import type { AnswerView } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';
import { formatCalendarDate } from './format.ts';

export type Answer = z.output<typeof AnswerView>;

/** One line of text, or several (a multiple choice), for an answer; "Not answered" (translated) for an empty one. */
export function describeAnswer(answer: Answer, locale?: string): string | string[] {
  const { type, value, optionLabels } = answer;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return i18n.t('answers.notAnswered');
  // A choice reads as the option's label, as the reporter saw it, not its stored value.
  if (optionLabels) return type === 'multiple_choice' ? optionLabels : (optionLabels[0] ?? String(value));
  if (typeof value === 'boolean') return value ? i18n.t('answers.yes') : i18n.t('answers.no');
  if (Array.isArray(value)) return value;
  if (type === 'date') return formatCalendarDate(value, locale);
  return value;
}
