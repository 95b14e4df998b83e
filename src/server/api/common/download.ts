/** Sending a decrypted file to staff: always a download, never rendered on the application's origin. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../../files/names.ts';

/**
 * Sends `file` as an attachment (`application/octet-stream`, `nosniff`, not cached), with its length when known.
 * @param file.size bytes; null when unknown (an old file whose stored copy is gone: the stream then fails at once)
 */
export function sendDownload(reply: FastifyReply, file: { name: string; size: number | null; stream: Readable }) {
  reply
    .header('Content-Type', 'application/octet-stream')
    .header('Content-Disposition', contentDisposition(file.name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store');
  if (file.size !== null) reply.header('Content-Length', String(file.size));
  return reply.send(file.stream);
}
