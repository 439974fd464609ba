import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../../../test/db.js';
import {
  parseMail,
  selfSignedCertificate,
  startSmtpServer,
  type SmtpTestServer,
} from '../../../test/smtp-server.js';
import { parseMailbox } from './mime.js';
import { receiptNotice, type DossierNoticeView } from './notifications.messages.js';
import { outboxFixture, type OutboxFixture } from './outbox.fixture.js';
import { SmtpChannel } from './smtp-channel.js';
import { smtpOptionsFromUrl, type SmtpOptions } from './smtp-client.js';

/*
 * The SMTP channel against a real SMTP server (the smtp-server package, in its own process on 127.0.0.1), through
 * the outbox and the dispatcher, with what the server received decoded by mailparser.
 */

const FROM = 'UBND xã Tân Hồng <noreply@tanhong.example.gov.vn>';

const view: DossierNoticeView = {
  unitName: 'UBND xã Tân Hồng',
  dossierCode: '000.00.13.H12-261126-0001',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Thị Hường',
  receivedAt: '2026-11-26T02:30:00.000Z',
  dueAt: '2026-11-27T09:00:00.000Z',
  lookupUrl: 'https://tanhong.example.gov.vn/tra-cuu-ho-so?ma=000.00.13.H12-261126-0001',
};

/** A PDF-looking file with every byte value in it, so any 8-bit damage shows. */
const pdf = Buffer.concat([
  Buffer.from('%PDF-1.4\n%âãÏÓ\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  randomBytes(4000),
  Buffer.from('\n%%EOF\n'),
]);

async function fixtureFor(smtp: () => SmtpOptions): Promise<OutboxFixture> {
  return outboxFixture({
    channels: (clock) => ({ email: new SmtpChannel({ smtp: smtp(), from: parseMailbox(FROM), clock }) }),
  });
}

describe(`SMTP channel with a real SMTP server (${TEST_DIALECT})`, () => {
  let server: SmtpTestServer;
  let fx: OutboxFixture;
  let port = 0;

  beforeAll(async () => {
    server = await startSmtpServer();
    port = server.port;
    fx = await fixtureFor(() => smtpOptionsFromUrl(`smtp://127.0.0.1:${port}`, { timeoutMs: 5000 }));
  });
  afterAll(async () => {
    await server.stop();
    await fx.destroy();
  });
  afterEach(async () => {
    await server.refuse(null);
  });

  it('delivers a receipt with a Vietnamese subject, body and a PDF attachment, byte for byte', async () => {
    const expected = receiptNotice(view, true);
    const [id] = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.notifyDossier(trx, {
        kind: 'receipt',
        unitId: fx.unitId,
        dossierId: 41,
        view,
        to: { email: 'huong@example.vn' },
        attachments: [
          {
            fileName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả.pdf',
            mime: 'application/pdf',
            base64: pdf.toString('base64'),
          },
        ],
      }),
    );
    expect(await fx.notifications.dispatcher.runOnce()).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });

    expect(server.received).toHaveLength(1);
    const got = server.received[0]!; // length checked above
    expect(got.from).toBe('noreply@tanhong.example.gov.vn');
    expect(got.to).toEqual(['huong@example.vn']);
    const mail = await parseMail(got.raw);
    expect(mail.subject).toBe('Tiếp nhận hồ sơ 000.00.13.H12-261126-0001 và hẹn trả kết quả');
    expect(mail.text?.trimEnd()).toBe(expected.text);
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hường,');
    expect(mail.from?.value).toEqual([
      { name: 'UBND xã Tân Hồng', address: 'noreply@tanhong.example.gov.vn' },
    ]);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả.pdf');
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0); // one attachment, checked above

    const row = await fx.row(id!); // notifyDossier returned one id for one contact
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      channel: 'email',
      kind: 'receipt',
    });
    expect(new Date(row.sentAt!).toISOString()).toBe('2026-11-26T02:30:00.000Z'); // sent: sentAt is set
  });

  it('keeps lines that start with a dot (dot-stuffing) and long lines intact', async () => {
    const text = ['.', '..', '.Kết thúc bằng dấu chấm.', `${'Ủy ban nhân dân '.repeat(12)}.`, '.'].join('\n');
    await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'huong@example.vn',
        subject: '.Thử',
        text,
      }),
    );
    const before = server.received.length;
    expect((await fx.notifications.dispatcher.runOnce()).sent).toBe(1);
    const mail = await parseMail(server.received[before]!.raw); // runOnce sent one
    expect(mail.text?.trimEnd()).toBe(text);
    expect(mail.subject).toBe('.Thử');
  });

  it('retries a refused message with a doubling delay, then marks it failed with the reply kept', async () => {
    await server.refuse({ code: 550, message: 'Mailbox unavailable' });
    const before = server.received.length;
    const id = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'khongton@example.vn',
        subject: 'Thử',
        text: 'Nội dung',
      }),
    );
    const start = fx.clock.now().getTime();
    expect((await fx.notifications.dispatcher.runOnce()).retrying).toBe(1);
    let row = await fx.row(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('550 Mailbox unavailable');
    expect(new Date(row.nextAttemptAt).getTime()).toBe(start + 60_000);

    // Not due yet: nothing is tried.
    expect(await fx.notifications.dispatcher.runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    fx.clock.advance(60_000);
    expect((await fx.notifications.dispatcher.runOnce()).retrying).toBe(1);
    row = await fx.row(id);
    expect(row.attempts).toBe(2);
    expect(new Date(row.nextAttemptAt).getTime()).toBe(start + 60_000 + 120_000);

    fx.clock.advance(120_000);
    expect((await fx.notifications.dispatcher.runOnce()).failed).toBe(1);
    row = await fx.row(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    expect(row.lastError).toMatch(/^SMTP 127\.0\.0\.1:\d+: (MAIL|RCPT): 550 Mailbox unavailable$/);
    fx.clock.advance(3_600_000);
    expect((await fx.notifications.dispatcher.runOnce()).failed).toBe(0);
    expect(server.received.length).toBe(before);
  });

  it('keeps a message while the server is down and delivers it once the server is back', async () => {
    await server.stop();
    const id = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'email',
        kind: 'result_ready',
        recipient: 'huong@example.vn',
        subject: 'Hồ sơ đã có kết quả',
        text: 'Hồ sơ của Ông/Bà đã có kết quả.',
      }),
    );
    expect((await fx.notifications.dispatcher.runOnce()).retrying).toBe(1);
    const row = await fx.row(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/cannot connect to 127\.0\.0\.1:\d+: connect ECONNREFUSED/);

    server = await startSmtpServer({ port });
    fx.clock.advance(60_000);
    expect((await fx.notifications.dispatcher.runOnce()).sent).toBe(1);
    expect(server.received).toHaveLength(1);
    const mail = await parseMail(server.received[0]!.raw); // length checked above
    expect(mail.subject).toBe('Hồ sơ đã có kết quả');
    expect(mail.text?.trimEnd()).toBe('Hồ sơ của Ông/Bà đã có kết quả.');
    expect(await fx.row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('SMTP channel with STARTTLS and AUTH PLAIN', () => {
  const cert = selfSignedCertificate();
  let server: SmtpTestServer;
  let fx: OutboxFixture;
  let password = 'mật-khẩu đúng';

  beforeAll(async () => {
    server = await startSmtpServer({ tls: cert, auth: { user: 'congxa', pass: 'mật-khẩu đúng' } });
    fx = await fixtureFor(() => ({
      ...smtpOptionsFromUrl(`smtp://127.0.0.1:${server.port}?starttls=required`, { timeoutMs: 5000 }),
      auth: { user: 'congxa', pass: password },
      tls: { ca: cert.cert },
    }));
  });
  afterAll(async () => {
    await server.stop();
    await fx.destroy();
  });

  it('upgrades the connection, signs in and delivers', async () => {
    await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'huong@example.vn',
        subject: 'Qua TLS',
        text: 'Bảo mật',
      }),
    );
    expect((await fx.notifications.dispatcher.runOnce()).sent).toBe(1);
    expect(server.received.map((m) => ({ user: m.user, secure: m.secure }))).toEqual([
      { user: 'congxa', secure: true },
    ]);
  });

  it('keeps the 535 reply when the password is wrong', async () => {
    password = 'sai';
    const fx2 = await fixtureFor(() => ({
      ...smtpOptionsFromUrl(`smtp://127.0.0.1:${server.port}?starttls=required`, { timeoutMs: 5000 }),
      auth: { user: 'congxa', pass: password },
      tls: { ca: cert.cert },
    }));
    const id = await fx2.db.transaction().execute((trx) =>
      fx2.notifications.service.enqueue(trx, {
        unitId: fx2.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'huong@example.vn',
        subject: 'x',
        text: 'y',
      }),
    );
    expect((await fx2.notifications.dispatcher.runOnce()).retrying).toBe(1);
    expect((await fx2.row(id)).lastError).toMatch(/AUTH PLAIN: 535/);
    await fx2.destroy();
  });

  it('refuses to go on without TLS when starttls=required and the server does not offer it', async () => {
    const plain = await startSmtpServer();
    const fx3 = await fixtureFor(() =>
      smtpOptionsFromUrl(`smtp://127.0.0.1:${plain.port}?starttls=required`, { timeoutMs: 5000 }),
    );
    const id = await fx3.db.transaction().execute((trx) =>
      fx3.notifications.service.enqueue(trx, {
        unitId: fx3.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'huong@example.vn',
        subject: 'x',
        text: 'y',
      }),
    );
    await fx3.notifications.dispatcher.runOnce();
    expect((await fx3.row(id)).lastError).toContain('does not offer STARTTLS');
    expect(plain.received).toHaveLength(0);
    await plain.stop();
    await fx3.destroy();
  });
});

describe('SMTP channel with a server that never answers', () => {
  it('gives up on the connection after the timeout and tries again later', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts, never greets
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port; // listening on TCP: an AddressInfo
    const fx = await fixtureFor(() => smtpOptionsFromUrl(`smtp://127.0.0.1:${port}`, { timeoutMs: 300 }));
    const id = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'email',
        kind: 'other',
        recipient: 'huong@example.vn',
        subject: 'x',
        text: 'y',
      }),
    );
    const started = Date.now();
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await fx.row(id)).lastError).toBe(
      `SMTP 127.0.0.1:${port}: no reply from 127.0.0.1 within 300 ms`,
    );
    for (const s of sockets) {
      s.destroy();
    }
    await new Promise((resolve) => silent.close(resolve));
    await fx.destroy();
  });
});
