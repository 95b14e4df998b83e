/** Checking a certificate of receipt's verification code in the workspace. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyCertificate } from '../../../domain/reporter/certificates.ts';
import { ErrorBody } from '../../../shared/api.ts';
import { CertificateVerifyRequest, CertificateVerifyResponse } from '../../../shared/certificates.ts';
import type { RouteContext } from '../../core/route-context.ts';

/** Who may check a certificate: the staff a reporter or their lawyer may show one to. */
export const VERIFY_ROLES = ['supervisor', 'handler', 'oversight', 'custodian'] as const;

export function certificateRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/certificates/verify',
      {
        config: { access: 'staff', roles: VERIFY_ROLES },
        schema: {
          tags: ['staff'],
          summary: 'Check a certificate of receipt: valid with its report reference and times, or not valid',
          body: CertificateVerifyRequest,
          response: { 200: CertificateVerifyResponse, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
        },
      },
      async (request) => verifyCertificate(deps, request.viewer!, request.body.code),
    );
  };
}
