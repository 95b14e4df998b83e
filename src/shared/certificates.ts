/** Checking a certificate of receipt in the workspace (POST /certificates/verify). */
import { z } from 'zod';

export const CertificateVerifyRequest = z.object({
  /** As printed: 20 characters of Crockford base32 in groups; spaces, dashes and case do not matter. */
  code: z.string().max(100),
});

export const CertificateVerifyResponse = z.union([
  z.object({
    valid: z.literal(true),
    reference: z.string(),
    /** The category's title, as on the certificate. */
    category: z.string(),
    channel: z.string(),
    receivedAt: z.string(),
    issuedAt: z.string(),
  }),
  z.object({ valid: z.literal(false) }),
]);
export type CertificateVerifyResponse = z.infer<typeof CertificateVerifyResponse>;
