/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) for tests of staff mail: no TLS, any sender, no
 * authentication; it keeps every message it accepts, or refuses them while a test asks it to.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** envelope recipients */
  to: string[];
  /** the message as sent, headers and body */
  raw: string;
  subject: string;
  /** the body, decoded from quoted-printable when it was sent so, with LF line ends */
  text: string;
}

export interface TestSmtpServer {
  /** For CONFIDE_SMTP_URL: plain SMTP on a random port, nodemailer told not to try TLS. */
  url: string;
  mails: ReceivedMail[];
  /** While set, every message is refused with this SMTP reply code (e.g. 451). */
  refuseWith: number | null;
  close(): Promise<void>;
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const qp = /quoted-printable/i.test(header('Content-Transfer-Encoding'));
  const decoded = qp
    ? Buffer.from(
        body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8')
    : body;
  return { to, raw, subject: header('Subject'), text: decoded.replace(/\r\n/g, '\n') };
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: '',
    mails: [],
    refuseWith: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuseWith !== null)
          return callback(Object.assign(new Error('Refused for the test'), { responseCode: state.refuseWith }));
        const to = session.envelope.rcptTo.map((a) => a.address);
        state.mails.push(parse(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
  return state;
}
