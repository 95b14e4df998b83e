/** What the reply form sends for each way of writing to the case. */
import type { z } from 'zod';
import type { MessageRequest } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';

/** Reply to the reporter, internal note, or outcome notice (a reply that tells the reporter the result). */
export type MessageMode = 'reporter' | 'internal' | 'outcome_notice';

export const MESSAGE_MODES: readonly MessageMode[] = ['reporter', 'internal', 'outcome_notice'];

/** "Reply to reporter", "Internal note", "Outcome notice", in the workspace's language. */
export function messageModeLabel(mode: MessageMode): string {
  return i18n.t(`messages.mode.${mode}`);
}

/** The request body for a message; an outcome notice always goes to the reporter. */
export function messageRequest(mode: MessageMode, body: string): z.input<typeof MessageRequest> {
  if (mode === 'outcome_notice') return { body, visibility: 'reporter', kind: 'outcome_notice' };
  return { body, visibility: mode, kind: 'message' };
}

/** What the person is told once the message is saved: "Reply sent to the reporter.", … */
export function sentNotice(mode: MessageMode): string {
  return i18n.t(`messages.sent.${mode}`);
}
