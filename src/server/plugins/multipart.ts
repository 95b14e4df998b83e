/**
 * Reads a multipart form (web pages and the API alike) part by part:
 * - text fields land in `fields` as they arrive, so they survive an error half-way and the form can be shown
 *   again with everything typed kept;
 * - files come out of an async generator, so a domain function can take them as an `AsyncIterable` once the
 *   text fields before them have been read (browsers send parts in the order of the form, so forms put their
 *   text inputs first);
 * - `drain()` reads and discards what is left after an error, so a browser still sending a large upload receives
 *   the page that explains the problem instead of a broken connection.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { IncomingFile } from '../../domain/uploads/intake.ts';
import { errors } from '../../domain/errors.ts';

export type FormFields = Record<string, string | string[]>;
export type FormFile = IncomingFile & { field: string };

export class FormReader {
  readonly fields: FormFields = {};
  private readonly parts: AsyncIterator<Multipart> | null;
  /** The file last handed out, which may not have been read yet. */
  private current: Readable | null = null;

  constructor(private readonly request: FastifyRequest) {
    this.parts = request.isMultipart() ? request.parts()[Symbol.asyncIterator]() : null;
  }

  /**
   * Yields each chosen file with the name of its input; a file input left empty (no name) is skipped. The
   * consumer reads or drains each stream before asking for the next; a stream left unread is drained here.
   * @throws DomainError not_multipart | too_large | malformed_multipart
   */
  async *files(): AsyncGenerator<FormFile, void, undefined> {
    if (!this.parts)
      throw errors.invalid('not_multipart', 'The form was not sent as expected. Please go back and try again.');
    for (;;) {
      const part = await this.next();
      if (!part) return;
      if (part.type === 'file') {
        this.current = part.file;
        try {
          // A browser sends an input with no file chosen as a part with no name and no bytes: the intake skips
          // that one; a nameless part with content is kept (it is named "file").
          yield {
            name: decodeFormFileName(part.filename ?? ''),
            type: part.mimetype,
            stream: part.file,
            field: part.fieldname,
            ...(part.filename ? {} : { skipIfEmpty: true }),
          };
        } finally {
          if (!part.file.readableEnded) part.file.resume();
        }
      } else {
        if (part.valueTruncated)
          throw errors.tooLarge(`A text you entered (field “${part.fieldname}”) is longer than the limit of 1 MiB.`);
        const value = String(part.value ?? '');
        const prev = this.fields[part.fieldname];
        this.fields[part.fieldname] =
          prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    }
  }

  /** Reads every field and file to the end, discarding files (after an error: the first error is the one shown). */
  async drain(): Promise<void> {
    if (this.current && !this.current.readableEnded) this.current.resume();
    try {
      for (let part = await this.next(); part; part = await this.next()) if (part.type === 'file') part.file.resume();
    } catch (error) {
      // A second problem in a form already refused changes nothing for the person; the first is reported.
      this.request.log.debug({ err: error }, 'draining a refused form');
    }
    if (!this.request.raw.readableEnded) this.request.raw.resume();
  }

  private async next(): Promise<Multipart | null> {
    if (!this.parts) return null;
    try {
      const result = await this.parts.next();
      return result.done ? null : result.value;
    } catch (error) {
      throw translate(error);
    }
  }
}

/** Multipart limits and damage, as errors a person can act on. */
function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return errors.tooLarge('Too many files were sent at once.');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return errors.tooLarge('Too many fields were sent at once.');
  if (
    code === 'FST_PROTO_VIOLATION' ||
    /Unexpected end of (form|multipart)|Malformed part header|boundary|terminated early|premature/i.test(
      String((error as Error).message),
    )
  )
    return errors.invalid(
      'malformed_multipart',
      'The form could not be read completely (the connection may have been interrupted). Nothing was stored.',
    );
  return error;
}

/**
 * Browsers escape `"`, CR and LF in multipart file names as %22, %0D and %0A and nothing else; undo exactly that,
 * so the name is the one the reporter saw (safeFileName then makes it safe).
 * @see WHATWG HTML, "multipart/form-data encoding algorithm"
 */
export function decodeFormFileName(name: string): string {
  return name.replace(/%(22|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Parses a JSON object field. @throws DomainError missing_field | duplicate_field | malformed_json naming the field */
export function jsonField(fields: FormFields, name: string, required: boolean): Record<string, unknown> {
  const raw = fields[name];
  if (raw === undefined || raw === '') {
    if (required) throw errors.invalid('missing_field', `The field “${name}” is missing.`);
    return {};
  }
  if (Array.isArray(raw)) throw errors.invalid('duplicate_field', `The field “${name}” was sent more than once.`);
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw errors.invalid('malformed_json', `The field “${name}” must be a JSON object.`);
}

/** The first value of a form field as a string ('' when absent). */
export function fieldText(value: unknown): string {
  if (Array.isArray(value)) return fieldText(value[0]);
  return typeof value === 'string' ? value : '';
}
