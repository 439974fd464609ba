import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from '../../../test/db.js';
import { createDb, type Db } from '../../platform/db.js';
import { ChannelError, type Channel } from './channel.js';
import type { DossierNoticeView } from './notifications.messages.js';
import type { ChannelName, Delivery } from './notifications.model.js';
import { NotificationRepository } from './notifications.repository.js';
import { DEMO_UNIT_ERROR } from './notifications.service.js';
import { outboxFixture, type OutboxFixture } from './outbox.fixture.js';

/*
 * The outbox and its dispatcher on a real database. The channels here are recorders standing in for the mail server
 * and the SMS/Zalo gateways (outside congxa); smtp-channel.test.ts and webhook-channel.test.ts test the real ones.
 */

class Recorder implements Channel {
  readonly sent: Delivery[] = [];
  constructor(
    private readonly delayMs = 0,
    private readonly fail?: (msg: Delivery) => Error | undefined,
  ) {}
  async send(msg: Delivery): Promise<void> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    const err = this.fail?.(msg);
    if (err) {
      throw err;
    }
    this.sent.push(msg);
  }
}

const view: DossierNoticeView = {
  unitName: 'UBND xã Tân Hồng',
  dossierCode: '000.00.13.H12-261126-0002',
  procedureName: 'Đăng ký kết hôn',
  applicantName: 'Trần Văn Đức',
  receivedAt: '2026-11-26T02:30:00.000Z',
  dueAt: '2026-11-30T09:00:00.000Z',
  lookupUrl: 'https://tanhong.vn/tc',
};

const other = (unitId: number, recipient = 'duc@example.vn', channel: ChannelName = 'email') => ({
  unitId,
  channel,
  kind: 'other' as const,
  recipient,
  subject: 'Thử',
  text: 'Nội dung',
});

describe(`notification outbox on ${TEST_DIALECT}`, () => {
  let testDb: TestDb;
  let fx: OutboxFixture;
  const email = new Recorder();
  const sms = new Recorder();

  beforeAll(async () => {
    testDb = await createTestDb();
    fx = await outboxFixture({ testDb, channels: () => ({ email, sms }) });
  });
  afterAll(async () => {
    await testDb.destroy();
  });

  it('writes nothing when the caller’s transaction rolls back, so nothing is sent', async () => {
    const before = (await fx.rows()).length;
    await expect(
      fx.db.transaction().execute(async (trx) => {
        await fx.notifications.service.notifyDossier(trx, {
          kind: 'receipt',
          unitId: fx.unitId,
          dossierId: 7,
          view,
          to: { email: 'duc@example.vn', phone: '0912 345 678' },
        });
        throw new Error('the dossier change failed');
      }),
    ).rejects.toThrow('the dossier change failed');
    expect(await fx.rows()).toHaveLength(before);
    expect(await fx.notifications.dispatcher.runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    expect(email.sent).toHaveLength(0);
  });

  it('queues a dossier notice on every channel the citizen gave, and sends it once', async () => {
    const ids = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.notifyDossier(trx, {
        kind: 'receipt',
        unitId: fx.unitId,
        dossierId: 8,
        view,
        to: { email: ' duc@example.vn ', phone: '0912 345 678', zalo: null },
      }),
    );
    expect(ids).toHaveLength(2);
    const list = await fx.notifications.service.listForDossier(fx.unitId, 8);
    expect(list.map((r) => [r.channel, r.recipient, r.status])).toEqual([
      ['sms', '0912 345 678', 'pending'],
      ['email', 'duc@example.vn', 'pending'],
    ]);
    expect(await fx.notifications.dispatcher.runOnce()).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    expect(await fx.notifications.dispatcher.runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    expect(email.sent.map((m) => m.subject)).toEqual([
      'Tiếp nhận hồ sơ 000.00.13.H12-261126-0002 và hẹn trả kết quả',
    ]);
    expect(sms.sent.map((m) => m.text)).toEqual([
      'UBND xã Tân Hồng đã tiếp nhận hồ sơ 000.00.13.H12-261126-0002, hẹn trả kết quả 30/11/2026 16:00. Tra cứu: https://tanhong.vn/tc',
    ]);
    expect(sms.sent[0]?.params).toMatchObject({
      dossierCode: '000.00.13.H12-261126-0002',
      dueAt: '30/11/2026 16:00',
    });
  });

  it('stores a refusal (Form 03) with kind other', async () => {
    const [id] = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.notifyDossier(trx, {
        kind: 'refusal',
        unitId: fx.unitId,
        dossierId: 10,
        view: { ...view, reason: 'Không thuộc thẩm quyền' },
        to: { email: 'duc@example.vn' },
      }),
    );
    expect(await fx.row(id!)).toMatchObject({
      kind: 'other',
      subject: 'Từ chối tiếp nhận, giải quyết hồ sơ 000.00.13.H12-261126-0002',
    }); // one contact, one id
    await fx.notifications.dispatcher.runOnce();
  });

  it('leaves the rows of a channel without configuration pending, untouched', async () => {
    const id = await fx.db
      .transaction()
      .execute((trx) => fx.notifications.service.enqueue(trx, other(fx.unitId, '84912345678', 'zalo')));
    await fx.notifications.dispatcher.runOnce();
    expect(await fx.row(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(fx.notifications.dispatcher.configuredChannels()).toEqual(['email', 'sms']);
  });

  it('stores a bad recipient as failed without failing the caller’s transaction', async () => {
    const ids = await fx.db.transaction().execute((trx) =>
      fx.notifications.service.notifyDossier(trx, {
        kind: 'result_ready',
        unitId: fx.unitId,
        dossierId: 9,
        view,
        to: { email: 'not an address', phone: '12345' },
      }),
    );
    const rows = await Promise.all(ids.map((id) => fx.row(id)));
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ['failed', 'invalid e-mail address'],
      ['failed', 'invalid phone number'],
    ]);
  });

  it('sends a file from the storage as an attachment, and gives up at once when the file is gone', async () => {
    const key = await fx.storage.put(Buffer.from('%PDF-1.7 kết quả'), 'pdf');
    const [ok, gone] = await fx.db.transaction().execute(async (trx) => [
      await fx.notifications.service.enqueue(trx, {
        ...other(fx.unitId),
        attachments: [{ fileName: 'Kết quả.pdf', mime: 'application/pdf', storageKey: key }],
      }),
      await fx.notifications.service.enqueue(trx, {
        ...other(fx.unitId),
        attachments: [
          { fileName: 'Mất.pdf', mime: 'application/pdf', storageKey: '2026/11/AAAAAAAAAAAAAAAAAAAA.pdf' },
        ],
      }),
    ]);
    await fx.notifications.dispatcher.runOnce();
    const sent = email.sent.find((m) => m.id === ok);
    expect(sent?.attachments.map((a) => [a.fileName, a.content.toString()])).toEqual([
      ['Kết quả.pdf', '%PDF-1.7 kết quả'],
    ]);
    expect(await fx.row(gone)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await fx.row(gone)).lastError).toContain('is not in the file storage');
  });

  it('refuses attachments that are not storage keys, too big inline, or not on e-mail', async () => {
    await expect(
      fx.db.transaction().execute((trx) =>
        fx.notifications.service.enqueue(trx, {
          ...other(fx.unitId),
          attachments: [{ fileName: 'x', mime: 'text/plain', storageKey: '../../etc/passwd' }],
        }),
      ),
    ).rejects.toThrow(/not a FileStorage key/);
    await expect(
      fx.db.transaction().execute((trx) =>
        fx.notifications.service.enqueue(trx, {
          ...other(fx.unitId),
          attachments: [
            { fileName: 'x', mime: 'application/pdf', base64: Buffer.alloc(3 << 20).toString('base64') },
          ],
        }),
      ),
    ).rejects.toThrow(/too large/);
    await expect(
      fx.db.transaction().execute((trx) =>
        fx.notifications.service.enqueue(trx, {
          ...other(fx.unitId, '0912345678', 'sms'),
          attachments: [{ fileName: 'x', mime: 'application/pdf', base64: 'AA==' }],
        }),
      ),
    ).rejects.toThrow(/e-mail only/);
  });

  it('gives up at once on a permanent error, and after the last attempt on the others', async () => {
    const flaky = new Recorder(0, (m) =>
      m.recipient.startsWith('vinhvien')
        ? new ChannelError('HTTP 422 bad number', true)
        : new Error('ECONNRESET'),
    );
    const f = await outboxFixture({ testDb, channels: () => ({ email: flaky }) });
    const [permanent, transient] = await f.db
      .transaction()
      .execute(async (trx) => [
        await f.notifications.service.enqueue(trx, other(f.unitId, 'vinhvien@example.vn')),
        await f.notifications.service.enqueue(trx, other(f.unitId, 'tamthoi@example.vn')),
      ]);
    const pending = (await f.rows()).filter((r) => r.unitId === f.unitId);
    expect(pending).toHaveLength(2);
    expect(await f.notifications.dispatcher.runOnce()).toMatchObject({ failed: 1, retrying: 1 });
    expect(await f.row(permanent)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 422 bad number',
    });
    f.clock.advance(60_000);
    await f.notifications.dispatcher.runOnce();
    f.clock.advance(120_000);
    expect(await f.notifications.dispatcher.runOnce()).toMatchObject({ failed: 1 });
    expect(await f.row(transient)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'ECONNRESET' });
  });

  it('never sends for a demo unit: rows are stored as skipped', async () => {
    const demoChannel = new Recorder();
    const f = await outboxFixture({ testDb, demo: true, channels: () => ({ email: demoChannel }) });
    const id = await f.db
      .transaction()
      .execute((trx) => f.notifications.service.enqueue(trx, other(f.unitId)));
    expect(await f.row(id)).toMatchObject({ status: 'skipped', lastError: DEMO_UNIT_ERROR });
    await f.notifications.dispatcher.runOnce();
    expect(demoChannel.sent).toHaveLength(0);
  });
});

describe(`two dispatchers at once on ${TEST_DIALECT}`, () => {
  let testDb: TestDb;
  let secondDb: Db;

  beforeAll(async () => {
    testDb = await createTestDb();
    // A second connection pool to the same database, as a second server process would have.
    secondDb = createDb(testDb.config);
  });
  afterAll(async () => {
    await secondDb.destroy();
    await testDb.destroy();
  });

  it('claims a row only once for the attempt count it read', async () => {
    const f = await outboxFixture({ testDb });
    const id = await f.db
      .transaction()
      .execute((trx) => f.notifications.service.enqueue(trx, other(f.unitId)));
    const repo = new NotificationRepository();
    const now = f.clock.now().toISOString();
    const later = new Date(f.clock.now().getTime() + 600_000).toISOString();
    const claims = await Promise.all([
      repo.claim(testDb.db, id, 0, now, later),
      repo.claim(secondDb, id, 0, now, later),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('sends each row exactly once when two dispatchers on two connections run together', async () => {
    const a = new Recorder(2);
    const b = new Recorder(2);
    const options = { batchSize: 7 };
    const first = await outboxFixture({ testDb, channels: () => ({ email: a }), options });
    // The second dispatcher: its own module on its own connection, over the same unit's rows.
    const second = await outboxFixture({
      testDb: { ...testDb, db: secondDb },
      channels: () => ({ email: b }),
      options,
    });
    const ids = await first.db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        out.push(await first.notifications.service.enqueue(trx, other(first.unitId, `cd${i}@example.vn`)));
      }
      return out;
    });
    for (let round = 0; round < 10; round++) {
      await Promise.all([
        first.notifications.dispatcher.runOnce(),
        second.notifications.dispatcher.runOnce(),
      ]);
    }
    const delivered = [...a.sent, ...b.sent].map((m) => m.id).filter((id) => ids.includes(id));
    expect(delivered.sort((x, y) => x - y)).toEqual(ids);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    const rows = await first.rows();
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(
      true,
    );
  });
});
