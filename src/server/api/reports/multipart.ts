/**
 * Reads a multipart report submission part by part: text fields are collected, files are handed to the draft as
 * they stream in (so memory stays flat), and a file input left empty by a browser (no name, no bytes) is skipped.
 */
import type { FastifyRequest } from 'fastify';
import type { IncomingFile } from '../../../domain/intake.ts';
import { errors } from '../../../domain/errors.ts';

export async function readMultipart(
  request: FastifyRequest,
  onFile: (file: IncomingFile, field: string) => Promise<void>,
): Promise<Record<string, string | string[]>> {
  if (!request.isMultipart()) throw errors.invalid('not_multipart', 'Send the report as multipart/form-data.');
  const fields: Record<string, string | string[]> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        await onFile({ name: decodeFormFileName(part.filename), type: part.mimetype, stream: part.file }, part.fieldname);
      } else {
        if (part.valueTruncated) throw errors.tooLarge(`The field “${part.fieldname}” is longer than the limit of 1 MiB.`);
        const value = String(part.value ?? '');
        const prev = fields[part.fieldname];
        fields[part.fieldname] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw errors.tooLarge('Too many files in one submission.');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw errors.tooLarge('Too many fields in one submission.');
    if (code === 'FST_PROTO_VIOLATION' || /Unexpected end of (form|multipart)|Malformed part header|boundary/i.test(String((error as Error).message)))
      throw errors.invalid('malformed_multipart', 'The submission could not be read (malformed multipart body). Nothing was stored.');
    throw error;
  }
  return fields;
}

/**
 * Browsers escape `"`, CR and LF in multipart file names as %22, %0D and %0A and nothing else; undo exactly that,
 * so the name is the one the reporter saw (safeFileName then makes it safe).
 * @see WHATWG HTML, "multipart/form-data encoding algorithm"
 */
export function decodeFormFileName(name: string): string {
  return name.replace(/%(22|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Parses a JSON object field. @throws DomainError malformed_json naming the field */
export function jsonField(fields: Record<string, string | string[]>, name: string, required: boolean): Record<string, unknown> {
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
