import type { Category } from '../../../shared/profile.ts';
import type { z } from 'zod';
import type { CategoryView } from '../../../shared/api.ts';

export function presentCategory(c: Category): z.infer<typeof CategoryView> {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    fields: c.fields.map((f) => ({
      id: f.id,
      type: f.type,
      label: f.label,
      help: f.help ?? null,
      required: f.required ?? false,
      options: f.options ?? [],
    })),
  };
}
