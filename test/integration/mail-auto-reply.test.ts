/**
 * The optional auto-reply to an e-mail report (CONFIDE_MAIL_AUTO_REPLY): the sender gets the reference and receipt
 * with the warning that e-mail is not anonymous and that the receipt is replaced at first use — and automatic mail
 * gets nothing (RFC 3834), so two robots cannot mail each other forever.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportDraft } from '../../src/domain/reporter/submit.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { caseOfReply, startIntake, type RunningIntake } from '../helpers/mail-intake.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts';

describe('auto-reply to an e-mail report', () => {
  let t: TestApp;
  let outgoing: TestSmtpServer;
  let smtp: RunningIntake;
  beforeAll(async () => {
    outgoing = await startSmtpServer();
    t = await buildTestApp({ env: { CONFIDE_SMTP_URL: outgoing.url, CONFIDE_MAIL_FROM: 'confide@confide.test' } });
    smtp = await startIntake(t, { mapping: { autoReply: true } });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
    await outgoing?.close();
  });

  it('sends the sender the reference and receipt, with the warning, and the receipt opens the report', async () => {
    const submit = vi.spyOn(ReportDraft.prototype, 'submit');
    const reply = await smtp.send({ from: 'reporter@sender.example', subject: 'Hello', text: 'A report.' });
    const seen = await caseOfReply(t, reply);
    expect(outgoing.mails).toHaveLength(1);
    const [mail] = outgoing.mails;
    expect(mail!.to).toEqual(['reporter@sender.example']);
    expect(mail!.subject).toBe(`Report ${seen.reference} received`);
    const receipt = /^Your receipt: (.+)$/m.exec(mail!.text)?.[1];
    expect(mail!.text).toContain(
      'E-mail is not anonymous: your address, and this receipt, passed through mail servers that may keep them. So the receipt must be replaced the first time it is used',
    );
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    expect(login.statusCode).toBe(200);
    // The receipt went through mail servers: it is replaced at its first use.
    expect(submit.mock.calls[0]![0].rotateReceipt).toBe(true);
    submit.mockRestore();
  });

  it('answers in the profile’s default language: Chinese under a zh-CN profile', async () => {
    // As with CONFIDE_LANGUAGE unset: the national-security profile's own default is Chinese.
    const profile = t.deps.profile;
    t.deps.profile = () => ({ ...profile(), language: 'zh-CN' });
    try {
      const before = outgoing.mails.length;
      const reply = await smtp.send({ from: 'zh@sender.example', subject: '你好', text: '一份举报。' });
      const seen = await caseOfReply(t, reply);
      expect(outgoing.mails).toHaveLength(before + 1);
      const parsed = await simpleParser(outgoing.mails[before]!.raw);
      expect(parsed.subject).toBe(`举报 ${seen.reference} 已受理`);
      const receipt = /^您的回执码：(.+)$/m.exec(parsed.text ?? '')?.[1];
      expect(parsed.text).toBe(
        [
          `您的举报已受理，编号为 ${seen.reference}。`,
          '',
          `您的回执码：${receipt}`,
          '',
          '凭回执码，您可以在 http://127.0.0.1:8080/follow-up 查看答复、补充信息。请严格保密：任何持有回执码的人都能读取您的举报。',
          '',
          '电子邮件并非匿名：您的邮箱地址和本回执码都经过了邮件服务器，这些服务器可能留存它们。因此，回执码在首次使用时必须更换：您首次登录时会得到一个新的回执码，本回执码随即失效。之后请删除本邮件。',
        ].join('\n'),
      );
    } finally {
      t.deps.profile = profile;
    }
  });

  it('does not answer automatic mail', async () => {
    const before = outgoing.mails.length;
    await smtp.send({
      from: 'robot@sender.example',
      text: 'Out of office.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await smtp.send({ from: 'mailer-daemon@sender.example', text: 'Undeliverable.' });
    expect(outgoing.mails.length).toBe(before);
  });
});
