/**
 * Checking a transcript from the follow-up page (plain forms: work with JavaScript off): send a correction, or
 * confirm the record. Each post is answered with a redirect to the report page, which says what happened; a
 * refused correction is shown again with what was typed kept and the problem at the field (through a draft).
 * Another report's transcript answers 404, as if it did not exist.
 * @see EU 2019/1937 Art. 18
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { confirmTranscript, correctTranscript } from '../../domain/transcripts/reporter.ts';
import type { RouteContext } from '../core/route-context.ts';
import { STATUS } from '../core/errors.ts';
import { fieldText } from '../plugins/multipart.ts';
import { redirectToReportDraft } from './followup-state.ts';

const schema = { params: z.object({ id: z.string().uuid() }) };

export function transcriptFollowUpRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.post<{ Params: { id: string } }>(
      '/follow-up/transcripts/:id/correct',
      { config: { access: 'reporter' }, schema },
      async (request, reply) => {
        const session = request.reporter!;
        const id = request.params.id;
        const text = fieldText((request.body as Record<string, unknown> | undefined)?.correction);
        try {
          await correctTranscript(deps, session, id, text);
        } catch (error) {
          if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
          const extra = { transcriptForm: { id, text, error: error.message } };
          return redirectToReportDraft(deps, reply, session, STATUS[error.kind], extra, `#transcript-${id}`);
        }
        const done =
          'Your correction has been sent. Staff will see it beside the record. Confirm the record when it is right.';
        return redirectToReportDraft(deps, reply, session, 200, { transcriptDone: done }, '#transcripts');
      },
    );

    app.post<{ Params: { id: string } }>(
      '/follow-up/transcripts/:id/confirm',
      { config: { access: 'reporter' }, schema },
      async (request, reply) => {
        const session = request.reporter!;
        const { recordingDeleted, blobsLeft } = await confirmTranscript(deps, session, request.params.id);
        if (blobsLeft > 0)
          request.log.warn(
            { blobsLeft },
            'recording blobs not deleted after confirmation: the abandoned-blob sweep deletes them',
          );
        const done = `Thank you: you confirmed the record.${recordingDeleted ? ' As the rules for this kind of report say, its recording has now been deleted.' : ''}`;
        return redirectToReportDraft(deps, reply, session, 200, { transcriptDone: done }, '#transcripts');
      },
    );
  };
}
