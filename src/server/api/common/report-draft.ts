/** Receiving a report through the API as one multipart request: files into a ReportDraft, then the text parts. */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../domain/deps.ts';
import { errors } from '../../../domain/errors.ts';
import { ReportDraft } from '../../../domain/reporter/submit.ts';
import { FormReader, type FormFields } from '../../plugins/multipart.ts';

/**
 * Streams every file of the request into a new ReportDraft, then calls `submit` with the draft and the text parts
 * (sent before the files). On any failure the draft's files are deleted and the rest of the body is read and
 * dropped, so nothing of a refused or broken-off report stays and the client gets the answer.
 * @throws DomainError not_multipart, and whatever `submit` or the file intake throws
 */
export async function receiveReport<T>(
  deps: Deps,
  request: FastifyRequest,
  submit: (draft: ReportDraft, fields: FormFields) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw errors.invalid('not_multipart', 'Send the report as multipart/form-data.');
  const draft = new ReportDraft(deps);
  const form = new FormReader(request);
  try {
    for await (const file of form.files()) await draft.addFile(file, file.field);
    return await submit(draft, form.fields);
  } catch (error) {
    await draft.discard();
    await form.drain();
    throw error;
  }
}
