/**
 * A multipart form of one JSON part followed by file parts (a record and its recording), as the routes that take
 * one read it: the JSON part must come first; the files are handed on as they stream; the request is drained when
 * the work fails, so that the refusal is answered.
 */
import type { FastifyRequest } from 'fastify';
import { errors } from '../../../domain/errors.ts';
import { FormReader, jsonField, type FormFile } from '../../plugins/multipart.ts';

/**
 * @param input.part the JSON part's name (`action`, `minutes`); input.what what the form is, for the refusal
 * @param input.assertHolds called before refusing a body that is not multipart, so that a case the viewer does not
 *   hold answers 404 whatever the body
 * @throws invalid/not_multipart | invalid/<part>_first | invalid (the part is not a JSON object); whatever `work` throws
 */
export async function readJsonThenFiles<T>(
  request: FastifyRequest,
  input: { part: string; what: string; assertHolds: () => Promise<void> },
  work: (json: Record<string, unknown>, files: AsyncIterable<FormFile>) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) {
    await input.assertHolds();
    throw errors.invalid(
      'not_multipart',
      `Send the ${input.what} as multipart/form-data: the “${input.part}” part first.`,
    );
  }
  const form = new FormReader(request);
  try {
    const files = form.files();
    // Reading up to the first file takes in the JSON part, which comes before it.
    const first = await files.next();
    if (form.fields[input.part] === undefined && !first.done)
      throw errors.invalid(`${input.part}_first`, `Send the “${input.part}” part before the recording.`);
    const json = jsonField(form.fields, input.part, true);
    async function* all(): AsyncGenerator<FormFile> {
      if (first.done) return;
      yield first.value;
      yield* files;
    }
    return await work(json, all());
  } catch (error) {
    await form.drain();
    throw error;
  }
}
