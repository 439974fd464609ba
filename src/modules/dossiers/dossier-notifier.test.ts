import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { startSmtpServer, type SmtpTestServer } from '../../../test/smtp-server.js';
import { addStaff } from '../../../test/staff.js';
import type { Actor } from '../accounts/actor.js';
import { sampleCsv } from '../procedures/sample-csv.js';
import type { ActionInput, IntakeInput } from './dossiers.schemas.js';

/*
 * The citizen hears of their dossier by e-mail (issue #3 item 7; Decree 61/2018 Arts. 17, 19, 20): the dossier
 * change writes the message into the outbox in its own transaction, and the dispatcher sends it to a real SMTP
 * server process on loopback.
 */

let t: TestApp;
let smtp: SmtpTestServer;
let unitId: number;
let officer: Actor;

const action = (
  a: ActionInput['action'],
  version: number,
  extra: Partial<ActionInput> = {},
): ActionInput => ({
  action: a,
  version,
  reason: null,
  assigneeId: null,
  documents: [],
  newDueAt: null,
  returnedVia: null,
  feeVnd: null,
  feeMethod: null,
  ...extra,
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({
    now: '2026-02-10T02:00:00.000Z',
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'UBND xã Hòa Bình <mot-cua@hoabinh.example.gov.vn>',
      PUBLIC_URL: 'https://congxa.example.gov.vn',
    },
  });
  unitId = await t.deps.units.createUnit(null, {
    slug: 'hoa-binh',
    name: 'Xã Hòa Bình',
    fullName: 'Ủy ban nhân dân xã Hòa Bình',
    kind: 'commune',
    parentId: null,
    adminCode: null,
    agencyCode: '000.00.21.H26',
    host: null,
    isDefault: true,
    isDemo: false,
  });
  await t.deps.procedures.service.importCsv(null, unitId, sampleCsv(), 'mau.csv');
  officer = await t.deps.accounts.actorOf(
    await addStaff(t, unitId, 'motcua', ['one_stop_officer', 'leader']),
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('notifications of a dossier', () => {
  it('e-mails the receipt with the code, the due date and the look-up link, then the supplement request', async () => {
    const p = await t.deps.procedures.service.byCode(unitId, '1.004873');
    const input: IntakeInput = {
      procedureCode: p.code,
      channel: 'counter',
      applicant: { name: 'Lê Thị Ánh', idNumber: null, phone: null, email: 'anh@example.com', address: '' },
      requestSummary: '',
      provided: p.documents.filter((d) => d.required).map((d) => d.name),
      sets: 1,
      returnMethod: 'counter',
      idempotencyKey: null,
    };
    const { dossier } = await t.deps.dossiers.service.intake(officer, unitId, input);
    await t.deps.notifications.dispatcher.runOnce();
    await smtp.waitFor(1);
    const receipt = await simpleParser(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['anh@example.com']);
    expect(receipt.text).toContain(dossier.code!);
    expect(receipt.text).toContain('13/02/2026 17:00');
    expect(receipt.text).toContain(
      `https://congxa.example.gov.vn/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code!)}`,
    );

    await t.deps.dossiers.service.act(
      officer,
      unitId,
      dossier.id,
      action('request_supplement', dossier.version, {
        reason: 'Thiếu bản sao CCCD',
        documents: ['Bản sao căn cước'],
      }),
    );
    await t.deps.notifications.dispatcher.runOnce();
    await smtp.waitFor(2);
    const supplement = await simpleParser(smtp.received[1]!.raw);
    expect(supplement.subject).toMatch(/bổ sung/i);
    expect(supplement.text).toContain('Thiếu bản sao CCCD');
    expect(supplement.text).toContain('Bản sao căn cước');
  });

  it('queues nothing for an action the workflow refuses', async () => {
    const before = smtp.received.length;
    const rows = await t.deps.db.selectFrom('notification').select('id').execute();
    const { dossier } = await t.deps.dossiers.service.intake(officer, unitId, {
      procedureCode: '1.004873',
      channel: 'counter',
      applicant: { name: 'Phạm Văn Bình', idNumber: null, phone: '0912345678', email: null, address: '' },
      requestSummary: '',
      provided: (await t.deps.procedures.service.byCode(unitId, '1.004873')).documents
        .filter((d) => d.required)
        .map((d) => d.name),
      sets: 1,
      returnMethod: 'counter',
      idempotencyKey: null,
    });
    await expect(
      t.deps.dossiers.service.act(officer, unitId, dossier.id, action('approve', dossier.version)),
    ).rejects.toThrow();
    const after = await t.deps.db.selectFrom('notification').select('id').execute();
    // The receipt SMS (phone only) is queued; the refused approval queued nothing.
    expect(after.length).toBe(rows.length + 1);
    await t.deps.notifications.dispatcher.runOnce();
    expect(smtp.received.length).toBe(before);
  });
});
