import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../../../test/db.js';
import type { DossierNoticeView } from './notifications.messages.js';
import { outboxFixture, type OutboxFixture } from './outbox.fixture.js';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WebhookChannel,
  webhookSignature,
  type WebhookPayload,
} from './webhook-channel.js';

/*
 * The SMS and Zalo adapters against a local HTTP server standing in for the gateway (outside congxa). The server
 * checks the signature as a receiver would: HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret.
 */

const SECRET = 'bí-mật-dùng-chung-đủ-dài-0123456789abcdef';

type Received = {
  headers: IncomingMessage['headers'];
  body: string;
  payload: WebhookPayload;
  valid: boolean;
};
type Mode = 'ok' | 'hang' | 'unprocessable' | 'unavailable';

function verify(req: IncomingMessage, body: string): boolean {
  const timestamp = String(req.headers[TIMESTAMP_HEADER] ?? '');
  const given = Buffer.from(String(req.headers[SIGNATURE_HEADER] ?? ''));
  const expected = Buffer.from(webhookSignature(SECRET, timestamp, body));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const view: DossierNoticeView = {
  unitName: 'UBND xã Tân Hồng',
  dossierCode: '000.00.13.H12-261126-0003',
  procedureName: 'Chứng thực bản sao từ bản chính',
  applicantName: 'Lê Thị Ánh',
  receivedAt: '2026-11-26T02:30:00.000Z',
  dueAt: '2026-11-26T09:00:00.000Z',
  lookupUrl: 'https://tanhong.vn/tc',
};

describe(`SMS and Zalo webhooks (${TEST_DIALECT})`, () => {
  let server: Server;
  let url = '';
  let mode: Mode = 'ok';
  const received: Received[] = [];
  let fx: OutboxFixture;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({
          headers: req.headers,
          body,
          payload: JSON.parse(body) as WebhookPayload,
          valid: verify(req, body),
        });
        if (mode === 'hang') {
          return; // never answers
        }
        const status = { ok: 202, unprocessable: 422, unavailable: 503 }[mode];
        res
          .writeHead(status, { 'content-type': 'text/plain' })
          .end(mode === 'ok' ? 'queued' : 'số máy không hợp lệ');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`; // listening on TCP: an AddressInfo
    fx = await outboxFixture({
      channels: (clock) => ({
        sms: new WebhookChannel({ channel: 'sms', url, secret: SECRET, clock, timeoutMs: 300 }),
        zalo: new WebhookChannel({ channel: 'zalo', url, secret: SECRET, clock, timeoutMs: 300 }),
      }),
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fx.destroy();
  });

  it('posts a signed JSON payload that the receiver can verify', async () => {
    mode = 'ok';
    const [smsId, zaloId] = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.notifyDossier(trx, {
        kind: 'result_ready',
        unitId: fx.unitId,
        dossierId: 12,
        view,
        to: { phone: '+84 912.345.678', zalo: '0912345678' },
      }),
    );
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ sent: 2 });
    expect(received).toHaveLength(2);
    const [sms, zalo] = received;
    expect(sms?.valid).toBe(true);
    expect(zalo?.valid).toBe(true);
    expect(sms?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sms?.headers[DELIVERY_HEADER]).toBe(String(smsId));
    expect(sms?.headers[TIMESTAMP_HEADER]).toBe(String(Date.parse('2026-11-26T02:30:00Z') / 1000));
    expect(sms?.payload).toEqual({
      id: smsId,
      channel: 'sms',
      kind: 'result_ready',
      to: '84912345678',
      text: 'UBND xã Tân Hồng: hồ sơ 000.00.13.H12-261126-0003 đã có kết quả. Tra cứu: https://tanhong.vn/tc',
      textUnaccented:
        'UBND xa Tan Hong: ho so 000.00.13.H12-261126-0003 da co ket qua. Tra cuu: https://tanhong.vn/tc',
      params: {
        unitName: 'UBND xã Tân Hồng',
        dossierCode: '000.00.13.H12-261126-0003',
        procedureName: 'Chứng thực bản sao từ bản chính',
        applicantName: 'Lê Thị Ánh',
        receivedAt: '26/11/2026 09:30',
        dueAt: '26/11/2026 16:00',
        lookupUrl: 'https://tanhong.vn/tc',
      },
      unitId: fx.unitId,
      dossierId: 12,
      createdAt: '2026-11-26T02:30:00.000Z',
    });
    expect(zalo?.payload).toMatchObject({ id: zaloId, channel: 'zalo', to: '84912345678' });
    expect(zalo?.payload.text).toContain('Kính gửi Ông/Bà Lê Thị Ánh,');
    // A forged body does not verify.
    expect(
      webhookSignature(SECRET, String(sms?.headers[TIMESTAMP_HEADER]), sms!.body.replace('84912', '84999')),
    ).not.toBe(sms?.headers[SIGNATURE_HEADER]); // sms received above
  });

  it('gives up on a gateway that does not answer within the timeout, and tries again later', async () => {
    mode = 'hang';
    const id = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'sms',
        kind: 'other',
        recipient: '0912345678',
        text: 'Thử',
      }),
    );
    const started = Date.now();
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await fx.row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'sms webhook: no answer within 300 ms',
    });
    mode = 'ok';
    fx.clock.advance(60_000);
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ sent: 1 });
  });

  it('retries a 503, and gives up at once on a 422 (the message itself is refused)', async () => {
    mode = 'unavailable';
    const id = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.enqueue(trx, {
        unitId: fx.unitId,
        channel: 'zalo',
        kind: 'other',
        recipient: '1234567890123',
        text: 'Thử',
      }),
    );
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ retrying: 1 });
    expect((await fx.row(id)).lastError).toBe('zalo webhook: HTTP 503 số máy không hợp lệ');
    mode = 'unprocessable';
    fx.clock.advance(60_000);
    expect(await fx.notifications.dispatcher.runOnce()).toMatchObject({ failed: 1 });
    expect(await fx.row(id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await fx.row(id)).lastError).toBe('zalo webhook: HTTP 422 số máy không hợp lệ');
  });

  it('reports a gateway that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port; // listening on TCP: an AddressInfo
    await new Promise((resolve) => closed.close(resolve));
    const channel = new WebhookChannel({
      channel: 'sms',
      url: `http://127.0.0.1:${port}/hook`,
      secret: SECRET,
      clock: fx.clock,
      timeoutMs: 2000,
    });
    await expect(
      channel.send({
        id: 1,
        unitId: fx.unitId,
        dossierId: null,
        channel: 'sms',
        kind: 'other',
        recipient: '0912345678',
        subject: '',
        text: 'x',
        html: null,
        attachments: [],
        params: null,
        createdAt: '2026-11-26T02:30:00.000Z',
      }),
    ).rejects.toThrow(`sms webhook: connect ECONNREFUSED 127.0.0.1:${port}`);
  });
});
