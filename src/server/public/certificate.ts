/**
 * The certificate of receipt for the reporter: a PDF, downloaded (`Content-Disposition: attachment`) from a plain
 * form POST, so it works with JavaScript off. The receipt page (shown once) posts the receipt back, which is checked
 * as at sign-in; the follow-up page posts with the reporter's session. See src/domain/reporter/certificates.ts.
 * @see CEL 2023 Art. 55
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  issueCertificate,
  issueCertificateForReceipt,
  type IssuedCertificate,
} from '../../domain/reporter/certificates.ts';
import { contentDisposition } from '../../files/names.ts';
import type { RouteContext } from '../core/route-context.ts';
import { fieldText } from '../plugins/multipart.ts';
import { html, type Html } from './html.ts';
import { localeOf, type Locale } from './locale.ts';

function sendCertificate(reply: FastifyReply, certificate: IssuedCertificate): FastifyReply {
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(certificate.fileName))
    .header('Cache-Control', 'no-store')
    .send(Buffer.from(certificate.pdf));
}

export function certificateDownloadRoutes({ deps }: RouteContext) {
  // The certificate is in the language of the page it is asked from; until pages carry their language, the profile's.
  return async function routes(app: FastifyInstance): Promise<void> {
    app.post('/receipt/certificate', { config: { access: 'public' } }, async (request, reply) => {
      const receipt = fieldText((request.body as Record<string, unknown> | undefined)?.receipt).slice(0, 200);
      return sendCertificate(
        reply,
        await issueCertificateForReceipt(deps, receipt, localeOf(request, deps.profile()).language),
      );
    });

    app.post('/follow-up/certificate', { config: { access: 'reporter' } }, async (request, reply) =>
      sendCertificate(
        reply,
        await issueCertificate(deps, request.reporter!.reportId!, localeOf(request, deps.profile()).language),
      ),
    );
  };
}

/** The receipt page's offer: the receipt goes back in a hidden field, as it is already on the page. */
export function receiptCertificateSection(loc: Locale, receipt: string, selfDisclosure: boolean): Html {
  return certificateSection(
    loc,
    selfDisclosure,
    { action: '/receipt/certificate', name: 'receipt', value: receipt },
    html`\n<p>${loc.t('certificate.later')}</p>`,
  );
}

/** The follow-up page's offer. */
export function followUpCertificateSection(loc: Locale, csrf: string, selfDisclosure: boolean): Html {
  return certificateSection(loc, selfDisclosure, { action: '/follow-up/certificate', name: '_csrf', value: csrf });
}

/**
 * What a certificate is, and a button that posts the hidden field `form.name` to `form.action`; `after` follows.
 * @see CEL 2023 Art. 55 (coming forward promptly)
 */
function certificateSection(
  loc: Locale,
  selfDisclosure: boolean,
  form: { action: string; name: string; value: string },
  after?: Html,
): Html {
  const { t } = loc;
  return html`<section aria-labelledby="certificate">
<h2 id="certificate">${t('certificate.title')}</h2>
<p>${t('certificate.whatItIs')}</p>
<p>${t('certificate.whatItIsNot')}</p>
${selfDisclosure && html`<p>${t('certificate.selfDisclosure')}</p>`}
<form method="post" action="${form.action}" autocomplete="off">
<input type="hidden" name="${form.name}" value="${form.value}">
<button type="submit" class="button button-secondary">${t('certificate.download')}</button>
</form>${after}
</section>`;
}
