/** The pieces every route on one case shares: who may call it, its path parameter, its not-found answers. */
import { z } from 'zod';
import { ErrorBody } from '../../../shared/api.ts';

/** Roles that may hold case grants. Administrators, operators and custodians never read case content here. */
export const CASE_ROLES = ['supervisor', 'handler', 'oversight'] as const;
/** `/cases/:id`: a report id (UUID). */
export const Params = z.object({ id: z.string().uuid() });
/** A case route answers 401 without a session and 404 without a grant (never 403: a case without a grant does not exist). */
export const notFound = { 401: ErrorBody, 404: ErrorBody };
