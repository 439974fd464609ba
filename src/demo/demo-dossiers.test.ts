import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import type { Actor } from '../modules/accounts/actor.js';
import { DOSSIER_STATUSES } from '../modules/dossiers/dossier-workflow.js';
import { QUEUES } from '../modules/dossiers/dossiers.repository.js';
import { citizenUsername } from '../modules/accounts/citizen-accounts.service.js';
import { localDate } from '../platform/time.js';
import { DEMO_CITIZEN } from './demo-citizens.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { DEMO_COMMUNES } from './demo-units.js';

/*
 * The demo dossiers (issue #3 item 10) on the dialect under test: the demo data loaded twice on two fresh databases
 * with the same clock, Wed 15/04/2026 11:00 in Vietnam.
 */

const NOW = '2026-04-15T04:00:00.000Z';
const YEAR_START = '2025-12-31T17:00:00.000Z'; // 01/01/2026 00:00 in Vietnam

let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await buildTestApp({ demo: true, demoDossiers: true, now: NOW });
  b = await buildTestApp({ demo: true, demoDossiers: true, now: NOW });
}, 240_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const dossiers = (t: TestApp) =>
  t.deps.db
    .selectFrom('dossier')
    .innerJoin('unit', 'unit.id', 'dossier.unitId')
    .select([
      'dossier.id',
      'unit.slug',
      'unit.agencyCode',
      'dossier.code',
      'dossier.procedureCode',
      'dossier.channel',
      'dossier.status',
      'dossier.submittedAt',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.endedAt',
      'dossier.returnedAt',
      'dossier.feePaidAt',
      'dossier.feePaidVnd',
      'dossier.feeMethod',
      'dossier.citizenAccountId',
      'dossier.supplementCount',
      'dossier.apologyCount',
      'dossier.applicantIdNumber',
      'dossier.isDemo',
    ])
    .orderBy('dossier.code')
    .execute();

type Row = Awaited<ReturnType<typeof dossiers>>[number];
let rows: Row[];

const events = (t: TestApp) =>
  t.deps.db
    .selectFrom('dossierEvent')
    .select(['dossierId', 'at', 'action', 'fromStatus', 'toStatus', 'dueAt', 'data'])
    .orderBy('dossierId')
    .orderBy('id')
    .execute();

const ms = (iso: string | null) => (iso === null ? NaN : new Date(iso).getTime());

describe('demo dossiers', () => {
  beforeAll(async () => {
    rows = await dossiers(a);
  });

  it('are the same on two fresh databases: codes, statuses and due dates', async () => {
    const pick = (r: Row) => [r.code, r.status, r.dueAt, r.endedAt, r.slug];
    expect(rows.length).toBeGreaterThan(150);
    expect((await dossiers(b)).map(pick)).toEqual(rows.map(pick));
  });

  it('give every demo commune dossiers, flagged as demo data, with fictitious ID numbers', () => {
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(DEMO_COMMUNES.map((c) => c.slug)));
    expect(rows.every((r) => r.isDemo === 1)).toBe(true);
    expect(rows.every((r) => /^000\d{9}$/.test(r.applicantIdNumber ?? ''))).toBe(true);
  });

  it('number each unit’s dossiers in a daily sequence from 0001, in the order they were received', () => {
    const byUnitDay = new Map<string, Row[]>();
    for (const r of rows) {
      const key = `${r.slug} ${localDate(r.submittedAt)}`;
      byUnitDay.set(key, [...(byUnitDay.get(key) ?? []), r]);
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const [key, day] of byUnitDay) {
      day.sort((x, y) => ms(x.submittedAt) - ms(y.submittedAt));
      const yymmdd = localDate(day[0]!.submittedAt).slice(2).replaceAll('-', ''); // groups are non-empty
      expect(
        day.map((r) => r.code),
        key,
      ).toEqual(day.map((r, i) => `${r.agencyCode}-${yymmdd}-${String(i + 1).padStart(4, '0')}`));
    }
  });

  it('hold every status, submitted included (an online dossier waiting for the officer)', () => {
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('end mostly early or on time, some late, some on the new date of an apology issued in time', async () => {
    const ended = rows.filter((r) => r.endedAt !== null && ['done', 'returned'].includes(r.status));
    const late = ended.filter((r) => ms(r.endedAt) > ms(r.dueAt));
    const early = ended.filter((r) => localDate(r.endedAt!) < localDate(r.dueAt!));
    const onTime = ended.length - late.length - early.length;
    expect(early.length).toBeGreaterThan(ended.length / 3);
    expect(onTime).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(ended.length / 8);
    const apologies = (await events(a)).filter((e) => e.action === 'apologise');
    expect(apologies.length).toBeGreaterThan(0);
    for (const e of apologies) {
      const data = JSON.parse(e.data) as { previousDueAt: string; newDueAt: string };
      expect(ms(e.at)).toBeLessThan(ms(data.previousDueAt));
      expect(ms(data.newDueAt)).toBeGreaterThan(ms(data.previousDueAt));
    }
  });

  it('have supplements that restart the clock, refusals, withdrawals and fees', async () => {
    const all = await events(a);
    const restarts = all.filter((e) => e.action === 'complete_supplement');
    expect(restarts.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.supplementCount > 0).length).toBeGreaterThan(restarts.length);
    for (const e of restarts) {
      expect(ms(e.dueAt)).toBeGreaterThan(ms(e.at));
    }
    expect(rows.filter((r) => r.status === 'refused').length).toBeGreaterThan(1);
    expect(rows.filter((r) => r.status === 'withdrawn').length).toBeGreaterThan(1);
    expect(rows.filter((r) => (r.feePaidVnd ?? 0) > 0).length).toBeGreaterThan(5);
  });

  it('return electronically only with a result file, a PDF that says it is demo data', async () => {
    const electronic = await a.deps.db
      .selectFrom('dossier')
      .leftJoin('dossierFile', (j) =>
        j.onRef('dossierFile.dossierId', '=', 'dossier.id').on('dossierFile.kind', '=', 'result'),
      )
      .select(['dossier.code', 'dossierFile.storageKey'])
      .where('dossier.returnedVia', '=', 'electronic')
      .execute();
    expect(electronic.length).toBeGreaterThan(0);
    expect(electronic.every((e) => e.storageKey !== null)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of a.deps.storage.open(electronic[0]!.storageKey!) ?? []) {
      chunks.push(chunk as Buffer);
    }
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain(`Ket qua giai quyet ho so ${electronic[0]!.code}`);
  });

  it('tell their history in events that replay to their status, in time order', async () => {
    const byDossier = new Map<number, Awaited<ReturnType<typeof events>>>();
    for (const e of await events(a)) {
      byDossier.set(e.dossierId, [...(byDossier.get(e.dossierId) ?? []), e]);
    }
    for (const r of rows) {
      const history = byDossier.get(r.id) ?? [];
      expect(history[0]).toMatchObject(
        r.channel === 'online'
          ? { action: 'submit', fromStatus: null, toStatus: 'submitted' }
          : { action: 'intake', fromStatus: null, toStatus: 'received' },
      );
      let status: string | null = null;
      let at = 0;
      for (const e of history) {
        expect(e.fromStatus, `${r.code} ${e.action}`).toBe(status);
        expect(ms(e.at)).toBeGreaterThanOrEqual(at);
        status = e.toStatus;
        at = ms(e.at);
      }
      expect(status, r.code!).toBe(r.status);
      expect(ms(history.at(-1)!.dueAt)).toBe(ms(r.dueAt));
    }
  });

  it('are dated between 1 January and now', async () => {
    const lo = ms(YEAR_START);
    const hi = ms(NOW);
    const instants = [
      ...rows.flatMap((r) => [r.submittedAt, r.receivedAt, r.endedAt, r.returnedAt, r.feePaidAt]),
      ...(await events(a)).map((e) => e.at),
    ].filter((s): s is string => s !== null);
    expect(instants.length).toBeGreaterThan(rows.length * 4);
    expect(instants.every((s) => ms(s) >= lo && ms(s) <= hi)).toBe(true);
  });

  it('send no notification', async () => {
    const n = await a.deps.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('leave work in every queue of Tân Hồng', async () => {
    const unitId = a.deps.directory.getBySlug('tan-hong')!.id;
    const actorOf = async (username: string): Promise<Actor> => {
      const { id } = await a.deps.db
        .selectFrom('account')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return a.deps.accounts.actorOf(id);
    };
    const officer = await a.deps.dossiers.service.list(await actorOf('motcua'), unitId, {
      queue: 'all',
      page: 1,
    });
    const specialist = await a.deps.dossiers.service.list(await actorOf('chuyenvien'), unitId, {
      queue: 'all',
      page: 1,
    });
    for (const queue of QUEUES.filter((q) => q !== 'mine' && q !== 'due_soon')) {
      expect(officer.counts[queue], queue).toBeGreaterThan(0);
    }
    expect(specialist.counts.mine).toBeGreaterThan(0);
  });
});

describe('demo online dossiers', () => {
  const online = () => rows.filter((r) => r.channel === 'online');

  it('are about a fifth of the dossiers, in several procedures, each from a demo citizen’s account', () => {
    const share = online().length / rows.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(new Set(online().map((r) => r.procedureCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(online().map((r) => r.slug)).size).toBeGreaterThan(3);
    expect(online().every((r) => r.citizenAccountId !== null)).toBe(true);
    expect(rows.filter((r) => r.channel !== 'online').every((r) => r.citizenAccountId === null)).toBe(true);
  });

  it('carry a small PDF for each document the citizen attached, a few hundred kilobytes in all', async () => {
    const files = await a.deps.db
      .selectFrom('dossierFile')
      .innerJoin('dossier', 'dossier.id', 'dossierFile.dossierId')
      .select([
        'dossier.id',
        'dossier.channel',
        'dossierFile.mime',
        'dossierFile.size',
        'dossierFile.storageKey',
      ])
      .where('dossierFile.kind', '=', 'document')
      .execute();
    expect(files.every((f) => f.channel === 'online' && f.mime === 'application/pdf')).toBe(true);
    expect(new Set(files.map((f) => f.id))).toEqual(new Set(online().map((r) => r.id)));
    expect(files.reduce((sum, f) => sum + f.size, 0)).toBeLessThan(500_000);
    const chunks: Buffer[] = [];
    for await (const chunk of a.deps.storage.open(files[0]!.storageKey) ?? []) {
      chunks.push(chunk as Buffer);
    }
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('du lieu minh hoa');
  });

  it('are received by the officer (a few refused or withdrawn first), then processed like the others', async () => {
    const ids = new Set(online().map((r) => r.id));
    const officers = new Set(
      (
        await a.deps.db
          .selectFrom('accountRole')
          .select('accountId')
          .where('role', '=', 'one_stop_officer')
          .execute()
      ).map((o) => o.accountId),
    );
    const receipts = await a.deps.db
      .selectFrom('dossierEvent')
      .select(['dossierId', 'actorId', 'fromStatus', 'toStatus'])
      .where('action', '=', 'receive')
      .execute();
    expect(receipts.every((e) => ids.has(e.dossierId))).toBe(true);
    expect(receipts.every((e) => e.fromStatus === 'submitted' && e.toStatus === 'received')).toBe(true);
    expect(receipts.every((e) => e.actorId !== null && officers.has(e.actorId))).toBe(true);
    const notReceived = online().filter((r) => r.receivedAt === null);
    expect(receipts.length).toBe(online().length - notReceived.length);
    expect(notReceived.length).toBeLessThan(online().length / 20);
    expect(notReceived.every((r) => ['submitted', 'refused', 'withdrawn'].includes(r.status))).toBe(true);
    expect(online().filter((r) => r.status === 'returned').length).toBeGreaterThan(online().length / 2);
  });

  it('pay fixed fees online, through the payment gateway', async () => {
    const paid = rows.filter((r) => r.feeMethod === 'online');
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((r) => r.channel === 'online')).toBe(true);
    const payments = await a.deps.db
      .selectFrom('dossierPayment')
      .select(['dossierId', 'status', 'feeRecorded'])
      .execute();
    expect(payments.map((p) => [p.dossierId, p.status, p.feeRecorded]).sort()).toEqual(
      paid.map((r) => [r.id, 'paid', 1]).sort(),
    );
  });

  it('count in the default unit’s results over the year', async () => {
    const unitId = a.deps.directory.getBySlug('tan-hong')!.id;
    const f = await a.deps.stats.service.figures(unitId, { from: '2026-01-01', to: localDate(NOW) });
    expect(f.receivedOnline).toBeGreaterThan(0);
    expect(f.receivedOnline).toBe(
      online().filter((r) => r.slug === 'tan-hong' && r.receivedAt !== null).length,
    );
  });

  it('include the documented demo citizen’s, who signs in and finds them', async () => {
    const signedIn = await a.deps.accounts.signIn(
      citizenUsername(DEMO_CITIZEN.idNumber),
      DEMO_PASSWORD,
      '192.0.2.1',
      'citizen',
    );
    expect(signedIn.ok).toBe(true);
    const actor = signedIn.ok ? signedIn.actor : null;
    expect(actor?.name).toBe(DEMO_CITIZEN.fullName);
    const unitId = a.deps.directory.getBySlug('tan-hong')!.id;
    expect((await a.deps.dossiers.online.dossiers(actor!, unitId)).length).toBeGreaterThan(0);
  });
});
