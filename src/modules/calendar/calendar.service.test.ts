import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit } from '../../../test/staff.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Actor } from '../accounts/actor.js';
import { calendarMessages, noticeMessages } from './calendar.messages.js';
import type { CalendarService, NoticeInput } from './calendar.service.js';
import { CASES_OFFICE_HOURS, DUE_DATE_CASES, localInstant } from './due-date.cases.js';
import type { TimeLimitKind } from './due-date.js';
import { holidaysCoveredBy } from './notices.js';
import { formatVnIso } from './local-time.js';
import { SEED_NOTICE_FILE } from './seed-notices.js';

let t: TestApp;
let svc: CalendarService;
let rootId: number;
let communeId: number;
let rootAdmin: Actor;
let communeAdmin: Actor;
let rootEditor: Actor;

async function actor(unitId: number, username: string): Promise<Actor> {
  const staff = await t.deps.accounts.listStaff(unitId);
  const id = staff.find((s) => s.username === username)?.id;
  if (id === undefined) {
    throw new Error(`no staff ${username}`);
  }
  return t.deps.accounts.actorOf(id);
}

beforeAll(async () => {
  t = await buildTestApp();
  svc = t.deps.calendar.service;
  rootId = await addUnit(t, 'tinh', 'Tỉnh Thử', true);
  communeId = await t.deps.units.createUnit(null, {
    slug: 'xa-con',
    name: 'Xã Con',
    fullName: 'Ủy ban nhân dân xã Con',
    kind: 'commune',
    parentId: rootId,
    adminCode: null,
    agencyCode: null,
    host: null,
    isDefault: false,
    isDemo: false,
  });
  await addStaff(t, rootId, 'qt.tinh', ['admin']);
  await addStaff(t, rootId, 'bt.tinh', ['editor']);
  await addStaff(t, communeId, 'qt.xa', ['admin']);
  rootAdmin = await actor(rootId, 'qt.tinh');
  rootEditor = await actor(rootId, 'bt.tinh');
  communeAdmin = await actor(communeId, 'qt.xa');
});
afterAll(async () => {
  await t.close();
});

const due = async (unitId: number, received: string, kind: TimeLimitKind, amount: number) =>
  svc.dueDate({
    unitId,
    receivedAt: localInstant(received),
    kind,
    amount,
    after15: false,
  });

describe('CalendarService: the seeded notices', () => {
  it('has the 2023–2026 notices of the seed on a fresh database, same days and confidence', async () => {
    expect(await svc.noticeYears()).toEqual([2026, 2025, 2024, 2023]);
    for (const [year, entries] of Object.entries(SEED_NOTICE_FILE.years)) {
      const rows = await svc.noticesOfYear(Number(year));
      expect(
        rows.map((r) => ({
          off: r.offFrom === null ? null : [r.offFrom, r.offTo],
          makeUp: JSON.parse(r.makeUpWorkdays) as unknown,
          confidence: r.confidence,
          covers: holidaysCoveredBy({ name: r.name }),
        })),
        year,
      ).toEqual(
        entries.map((e) => ({
          off: e.off === null ? null : [...e.off],
          makeUp: [...e.makeUpWorkdays],
          confidence: e.confidence,
          covers: holidaysCoveredBy(e),
        })),
      );
    }
  });

  it('computes every published due date (docs/calendar.md) from the stored notices', async () => {
    await svc.setOfficeHours(rootAdmin, rootId, CASES_OFFICE_HOURS);
    for (const c of DUE_DATE_CASES.filter((x) => x.supplementRequested === undefined)) {
      const r = await svc.dueDate({
        unitId: rootId,
        receivedAt: localInstant(c.received),
        kind: c.kind,
        amount: c.amount,
        after15: c.after15,
      });
      expect({ due: formatVnIso(r.dueAt), provisional: r.provisional }, `${c.received} ${c.kind}`).toEqual({
        due: formatVnIso(localInstant(c.due)),
        provisional: c.provisional,
      });
      expect(r.ruleVersion).toBe('nd61-2018.1');
      expect(r.noticeRevision).toMatch(/^[0-9a-f]{12}$/);
    }
  });

  it('refuses a receipt the rules do not cover as a field error, never a crash', async () => {
    await expect(due(rootId, '2010-01-05 09:00', 'working_days', 1)).rejects.toMatchObject({
      field: 'receivedAt',
      message: calendarMessages.api.receivedAtRange,
    });
  });
});

describe('CalendarService: editing the notices', () => {
  const quocKhanh: NoticeInput = {
    year: 2026,
    name: 'Quốc khánh',
    offFrom: '2026-09-01',
    offTo: '2026-09-02',
    makeUpWorkdays: [],
    confidence: 'sourced',
    covers: [],
    note: '',
    source: 'Công văn thử 1/VPCP',
  };

  it('lets only an admin of the unit without a parent edit them', async () => {
    expect(svc.canEditNotices(rootAdmin, rootId)).toBe(true);
    expect(svc.canEditNotices(communeAdmin, communeId)).toBe(false);
    expect(svc.canEditNotices(rootEditor, rootId)).toBe(false);
    const row = (await svc.noticesOfYear(2026)).find((r) => r.name === 'Quốc khánh');
    await expect(svc.saveNotice(communeAdmin, communeId, row?.id ?? 0, quocKhanh)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(svc.saveNotice(rootEditor, rootId, null, quocKhanh)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows the problems at the fields and changes nothing', async () => {
    const before = await svc.noticeRevision();
    const bad = await svc.saveNotice(rootAdmin, rootId, null, {
      ...quocKhanh,
      name: 'Tết Nguyên đán',
      offFrom: '2026-02-20',
      offTo: '2026-02-10',
      makeUpWorkdays: ['2026-02-11'],
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        name: noticeMessages.holiday_twice,
        offFrom: noticeMessages.bad_range,
        makeUpWorkdays: noticeMessages.make_up_not_weekend,
      },
    });
    const unknownName = await svc.saveNotice(rootAdmin, rootId, null, { ...quocKhanh, name: 'Ngày hội' });
    expect(unknownName).toEqual({ ok: false, errors: { name: noticeMessages.unknown_holiday } });
    expect(await svc.noticeRevision()).toBe(before);
  });

  it('moves the next due date as soon as a notice entry is saved, with a new revision and an audit row', async () => {
    // No official Quốc khánh 2026 notice: derived 2/9 (Wed) + provisional 3/9; Tue 1/9 is a working day.
    const before = await due(rootId, '2026-08-31 09:00', 'working_days', 1);
    expect(formatVnIso(before.dueAt)).toBe('2026-09-01T17:00:00+07:00');
    const row = (await svc.noticesOfYear(2026)).find((r) => r.name === 'Quốc khánh');
    const saved = await svc.saveNotice(rootAdmin, rootId, row?.id ?? 0, quocKhanh, '203.0.113.5');
    expect(saved).toEqual({ ok: true, id: row?.id });
    const after = await due(rootId, '2026-08-31 09:00', 'working_days', 1);
    expect(formatVnIso(after.dueAt)).toBe('2026-09-03T17:00:00+07:00');
    expect(after.provisional).toBe(false);
    expect(after.noticeRevision).not.toBe(before.noticeRevision);
    const audit = await t.deps.audit.listForUnit(t.deps.db, rootId);
    expect(audit[0]).toMatchObject({
      action: 'calendar_notice.update',
      entity: 'calendar_notice',
      ip: '203.0.113.5',
    });
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({
      year: 2026,
      off: ['2026-09-01', '2026-09-02'],
    });
  });

  it('adds and deletes an entry, and the calendar follows', async () => {
    // 2027 has no notice: Tết Dương lịch Fri 1/1/2027 is derived. A notice adding Mon 4/1 moves a deadline.
    const before = await due(rootId, '2026-12-31 10:00', 'working_days', 1);
    expect(formatVnIso(before.dueAt)).toBe('2027-01-04T17:00:00+07:00');
    const added = await svc.saveNotice(rootAdmin, rootId, null, {
      ...quocKhanh,
      year: 2027,
      name: 'Tết Dương lịch',
      offFrom: '2027-01-01',
      offTo: '2027-01-04',
      makeUpWorkdays: ['2027-01-09'],
    });
    if (!added.ok) {
      throw new Error(JSON.stringify(added.errors));
    }
    expect(await svc.noticeYears()).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(formatVnIso((await due(rootId, '2026-12-31 10:00', 'working_days', 1)).dueAt)).toBe(
      '2027-01-05T17:00:00+07:00',
    );
    await svc.deleteNotice(rootAdmin, rootId, added.id);
    expect(formatVnIso((await due(rootId, '2026-12-31 10:00', 'working_days', 1)).dueAt)).toBe(
      '2027-01-04T17:00:00+07:00',
    );
    const audit = await t.deps.audit.listForUnit(t.deps.db, rootId);
    expect(audit.slice(0, 2).map((a) => a.action)).toEqual([
      'calendar_notice.delete',
      'calendar_notice.create',
    ]);
  });
});

describe('CalendarService: office hours', () => {
  it('uses the default hours until the unit sets its own, then counts working hours with them', async () => {
    expect(await svc.officeHoursOf(communeId, new Date())).toMatchObject({ custom: false });
    const r1 = await due(communeId, '2026-03-10 16:00', 'working_hours', 2);
    expect(formatVnIso(r1.dueAt)).toBe('2026-03-11T08:00:00+07:00');
    await expect(
      svc.setOfficeHours(rootAdmin, communeId, { working: [{ start: 420, end: 690 }], receivingOnly: {} }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await svc.setOfficeHours(communeAdmin, communeId, {
      working: [
        { start: 450, end: 690 },
        { start: 810, end: 1050 },
      ],
      receivingOnly: {},
    });
    expect(await svc.officeHoursOf(communeId, new Date())).toMatchObject({ custom: true });
    // 16:00–17:30 is 1.5 h, then 0.5 h from 07:30 the next day.
    const r2 = await due(communeId, '2026-03-10 16:00', 'working_hours', 2);
    expect(formatVnIso(r2.dueAt)).toBe('2026-03-11T08:00:00+07:00');
    const r3 = await due(communeId, '2026-03-10 10:00', 'working_days', 1);
    expect(formatVnIso(r3.dueAt)).toBe('2026-03-11T17:30:00+07:00');
    const audit = await t.deps.audit.listForUnit(t.deps.db, communeId);
    expect(audit[0]).toMatchObject({ action: 'unit_office_hours.update', actorName: 'Cán bộ qt.xa' });
  });
});
