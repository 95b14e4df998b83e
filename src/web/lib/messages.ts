/** What the reply form sends for each way of writing to the case. */
import type { z } from 'zod';
import type { MessageRequest } from '../../shared/api.ts';

/** Reply to the reporter, internal note, or outcome notice (a reply that tells the reporter the result). */
export type MessageMode = 'reporter' | 'internal' | 'outcome_notice';

export const MESSAGE_MODES: readonly MessageMode[] = ['reporter', 'internal', 'outcome_notice'];

export const MESSAGE_MODE_LABELS: Record<MessageMode, string> = {
  reporter: 'Reply to reporter',
  internal: 'Internal note',
  outcome_notice: 'Outcome notice',
};

/** The request body for a message; an outcome notice always goes to the reporter. */
export function messageRequest(mode: MessageMode, body: string): z.input<typeof MessageRequest> {
  if (mode === 'outcome_notice') return { body, visibility: 'reporter', kind: 'outcome_notice' };
  return { body, visibility: mode, kind: 'message' };
}

export function sentNotice(mode: MessageMode): string {
  switch (mode) {
    case 'reporter':
      return 'Reply sent to the reporter.';
    case 'internal':
      return 'Internal note added.';
    case 'outcome_notice':
      return 'Outcome notice sent to the reporter.';
  }
}
