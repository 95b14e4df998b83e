/** Replies to the reporter and internal notes. */
import { randomUUID } from 'node:crypto';
import { openJson, seal } from '../../crypto/sodium.ts';
import { insertMessage } from '../../store/case-events.ts';
import { getDisplayName } from '../../store/category-staff.ts';
import { updateReport } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { MessageView } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { fileAd, messageAd } from '../../crypto/case-keys.ts';
import { safeFileName } from '../../files/names.ts';
import type { Viewer } from '../viewer.ts';
import { cleanText } from '../../shared/text.ts';
import type { FileIntake } from '../uploads/intake.ts';
import { type FileMeta, type IncomingFile } from '../uploads/intake.ts';
import { insertFiles } from '../../store/submissions.ts';
import { withCaseUpload } from './staff-upload.ts';

/** A message as staff write it: its files only on a reply to the reporter. */
interface MessageInput {
  body: string;
  visibility: 'reporter' | 'internal';
  kind: 'message' | 'outcome_notice';
  files?: AsyncIterable<IncomingFile> | IncomingFile[] | undefined;
}

/**
 * Adds a reply to the reporter (under the report key) or an internal note (under the case key). A reply may carry
 * files (same bounds as the reporter's uploads): each is cleaned like a reporter's file, and only the cleaned copy is
 * offered to the reporter. A file that cannot be cleaned refuses the whole reply: nothing is stored, no blob kept.
 * @throws DomainError not_found, invalid (outcome_notice_to_reporter, files_on_note, file_not_cleanable, empty_file),
 *   too_large
 */
export async function addCaseMessage(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: MessageInput & { kind?: MessageInput['kind'] | undefined },
): Promise<MessageView> {
  const kind = input.kind ?? 'message';
  return withCaseUpload(deps, viewer, reportId, async (keys, intake) => {
    if (kind === 'outcome_notice' && input.visibility !== 'reporter')
      throw errors.invalid(
        'outcome_notice_to_reporter',
        'An outcome notice is a message to the reporter, not an internal note.',
      );
    return storeMessage(deps, viewer, reportId, { ...input, kind }, keys, intake);
  });
}

async function storeMessage(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: MessageInput,
  keys: { reportKey: Buffer; caseKey: Buffer },
  intake: FileIntake,
): Promise<MessageView> {
  const kind = input.kind;
  const files: { id: string; name: string }[] = [];
  for await (const file of input.files ?? []) {
    if (input.visibility !== 'reporter') {
      file.stream.resume();
      throw errors.invalid(
        'files_on_note',
        'Files can be sent only with a reply to the reporter, not with an internal note. Nothing was saved.',
      );
    }
    if (!(await intake.add(file))) continue;
    const added = intake.prepared[intake.prepared.length - 1]!;
    if (!added.cleaned_blob)
      throw errors.invalid(
        'file_not_cleanable',
        `The file “${safeFileName(file.name)}” could not be cleaned of its metadata (author, location, device), so it cannot be sent to the reporter. The reply was not sent: send the file as PDF, JPEG, PNG or plain text, or send the reply without it.`,
      );
    const meta = openJson<FileMeta>(keys.reportKey, added.sealed_meta, fileAd(reportId, added.id));
    files.push({ id: added.id, name: meta.name });
  }
  const id = randomUUID();
  const at = deps.now().toISOString();
  const key = input.visibility === 'internal' ? keys.caseKey : keys.reportKey;
  // Cleaned here as well as by the request schema, so that what is stored is what the 201 answer holds.
  const body = cleanText(input.body).trim();
  const sealed = seal(key, Buffer.from(body), messageAd(reportId, id));
  const authorName = await getDisplayName(deps.db, viewer.userId);
  await inTransaction(deps.db, async (trx) => {
    await insertMessage(trx, {
      id,
      report_id: reportId,
      author: 'staff',
      author_user_id: viewer.userId,
      visibility: input.visibility,
      kind,
      sealed_body: sealed,
      created_at: at,
    });
    await insertFiles(
      trx,
      intake.prepared.map((f) => ({
        ...f,
        report_id: reportId,
        author: 'staff' as const,
        message_id: id,
        created_at: at,
      })),
    );
    await updateReport(trx, reportId, { updated_at: at });
    await audit(deps, trx, {
      actor: viewer.userId,
      action:
        input.visibility === 'internal'
          ? 'case.note'
          : kind === 'outcome_notice'
            ? 'case.outcome_notice'
            : 'case.reply',
      subject: `report:${reportId}`,
    });
  });
  return {
    id,
    author: 'staff',
    authorName,
    visibility: input.visibility,
    kind,
    body,
    createdAt: at,
    ...(files.length > 0 ? { files } : {}),
  };
}
