/** The draft being edited in the administration, shared by its editors. */
import { createContext, useContext } from 'react';
import type { ProfileProblemView, ProfileSource } from '../../../shared/administration.ts';
import type { Segment } from '../../lib/draft.ts';

export interface DraftEditor {
  source: ProfileSource;
  /** The languages the draft publishes, its default first. */
  languages: string[];
  problems: ProfileProblemView[];
  /** Replaces the value at `path`; `next` may be a function of the current value (typing stays in order). */
  set(path: readonly Segment[], next: unknown): void;
}

export const DraftContext = createContext<DraftEditor | null>(null);

export function useDraft(): DraftEditor {
  const editor = useContext(DraftContext);
  if (!editor) throw new Error('useDraft outside the administration’s draft');
  return editor;
}
