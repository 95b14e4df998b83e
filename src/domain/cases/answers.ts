/** A reporter's answers as staff read them: labelled by the questions of the profile. */
import type { z } from 'zod';
import { optionLabels, type Answers } from '../../shared/answers.ts';
import type { AnswerView } from '../../shared/api.ts';
import type { Field } from '../../shared/profile.ts';

/**
 * Answers labelled by the questions they answer, in the questionnaire's order (file questions left out, and
 * unanswered ones given as null), then the answers to questions since removed from the profile, labelled by id.
 */
export function labelAnswers(fields: readonly Field[], answers: Answers): z.infer<typeof AnswerView>[] {
  const known = new Set(fields.map((f) => f.id));
  return [
    ...fields
      .filter((f) => f.type !== 'file')
      .map((f) => ({
        fieldId: f.id,
        label: f.label,
        type: f.type,
        value: answers[f.id] ?? null,
        optionLabels: optionLabels(f, answers[f.id]),
      })),
    ...Object.keys(answers)
      .filter((k) => !known.has(k))
      .map((k) => ({ fieldId: k, label: k, type: 'short_text', value: answers[k] ?? null, optionLabels: null })),
  ];
}
