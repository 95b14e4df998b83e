import type { Category, Field } from '../../../shared/profile.ts';
import type { z } from 'zod';
import type { CategoryView, FieldView } from '../../../shared/api.ts';

export function presentField(f: Field): z.infer<typeof FieldView> {
  return {
    id: f.id,
    type: f.type,
    label: f.label,
    help: f.help ?? null,
    required: f.required ?? false,
    options: f.options ?? [],
  };
}

export function presentCategory(c: Category): z.infer<typeof CategoryView> {
  return { id: c.id, title: c.title, description: c.description, fields: c.fields.map(presentField) };
}
