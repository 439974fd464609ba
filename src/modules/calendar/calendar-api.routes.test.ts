import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addUnit } from '../../../test/staff.js';
import { calendarMessages } from './calendar.messages.js';
import { DUE_DATE_CASES, localInstant } from './due-date.cases.js';
import { formatVnIso } from './local-time.js';

let t: TestApp;
const m = calendarMessages.api;

beforeAll(async () => {
  t = await buildTestApp();
  await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const dueDate = (params: Record<string, string>) =>
  get(`/api/v1/calendar/due-date?${new URLSearchParams(params).toString()}`);

describe('GET /api/v1/calendar/due-date', () => {
  it('answers the example of docs/calendar.md', async () => {
    const res = await dueDate({ receivedAt: '2026-02-10T09:00:00+07:00', amount: '3', kind: 'working_days' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({
      dueAt: '2026-02-13T17:00:00+07:00',
      dueAtUtc: '2026-02-13T10:00:00.000Z',
      receivedAt: '2026-02-10T09:00:00+07:00',
      countedFrom: '2026-02-10T09:00:00+07:00',
      countedFromDate: '2026-02-10',
      kind: 'working_days',
      amount: 3,
      after15: false,
      provisional: false,
      ruleVersion: 'nd61-2018.1',
      noticeRevision: expect.stringMatching(/^[0-9a-f]{12}$/),
      unit: 'tan-hong',
    });
  });

  it('reads an unescaped + (a space) and a UTC instant alike', async () => {
    const plus = await get(
      '/api/v1/calendar/due-date?receivedAt=2026-02-10T09:00:00+07:00&amount=3&kind=working_days',
    );
    expect(plus.json()).toMatchObject({ dueAt: '2026-02-13T17:00:00+07:00' });
    const utc = await dueDate({ receivedAt: '2026-02-10T02:00:00Z', amount: '3', kind: 'working_days' });
    expect(utc.json()).toMatchObject({
      dueAt: '2026-02-13T17:00:00+07:00',
      receivedAt: '2026-02-10T09:00:00+07:00',
    });
  });

  it('gives every published due date of docs/calendar.md', async () => {
    for (const c of DUE_DATE_CASES.filter((x) => x.supplementRequested === undefined)) {
      const res = await dueDate({
        receivedAt: formatVnIso(localInstant(c.received)),
        amount: String(c.amount),
        kind: c.kind,
        after15: String(c.after15),
      });
      expect(res.json(), `${c.received} ${c.kind} ${c.amount}`).toMatchObject({
        dueAt: formatVnIso(localInstant(c.due)),
        provisional: c.provisional,
      });
    }
  });

  it('applies the 15:00 rule when asked, and same_day needs no amount', async () => {
    const late = { receivedAt: '2026-03-10T15:30:00+07:00', amount: '2', kind: 'working_days' };
    expect((await dueDate(late)).json()).toMatchObject({
      dueAt: '2026-03-12T17:00:00+07:00',
      after15: false,
    });
    expect((await dueDate({ ...late, after15: 'true' })).json()).toMatchObject({
      dueAt: '2026-03-13T17:00:00+07:00',
      after15: true,
      countedFromDate: '2026-03-11',
    });
    const same = await dueDate({ receivedAt: '2026-03-10T15:01:00+07:00', kind: 'same_day' });
    expect(same.json()).toMatchObject({ dueAt: '2026-03-11T17:00:00+07:00', amount: 0, after15: true });
  });

  it('counts with the unit named, and answers 404 for a unit that does not exist', async () => {
    const q = { receivedAt: '2026-02-10T09:00:00+07:00', amount: '3', kind: 'working_days' };
    expect((await dueDate({ ...q, unit: 'thai-hoc' })).json()).toMatchObject({ unit: 'thai-hoc' });
    const missing = await dueDate({ ...q, unit: 'khong-co' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'unit_not_found', message: m.unitNotFound('khong-co') });
  });

  it.each([
    [{ amount: '99999' }, 'amount', m.amountInvalid],
    [{ amount: '-1' }, 'amount', m.amountInvalid],
    [{ amount: '1.5' }, 'amount', m.amountInvalid],
    [{ amount: '1e3' }, 'amount', m.amountInvalid],
    [{ amount: '' }, 'amount', m.amountInvalid],
    [{ receivedAt: 'abc' }, 'receivedAt', m.receivedAtInvalid],
    [{ receivedAt: '' }, 'receivedAt', m.receivedAtRequired],
    [{ receivedAt: '2026-02-30T09:00:00+07:00' }, 'receivedAt', m.receivedAtInvalid],
    [{ receivedAt: '1900-01-02T09:00:00+07:00' }, 'receivedAt', m.receivedAtRange],
    [{ receivedAt: '2300-01-02T09:00:00+07:00' }, 'receivedAt', m.receivedAtRange],
    [{ receivedAt: '2018-06-20T09:00:00+07:00' }, 'receivedAt', m.receivedAtRange],
    [{ kind: '' }, 'kind', m.kindInvalid],
    [{ kind: 'weeks' }, 'kind', m.kindInvalid],
    [{ after15: 'maybe' }, 'after15', m.after15Invalid],
  ])('refuses %j with a 400 naming %s', async (override, field, message) => {
    const q = { receivedAt: '2026-02-10T09:00:00+07:00', amount: '3', kind: 'working_days', ...override };
    const res = await dueDate(q);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'invalid_request',
      message: m.invalidRequest,
      fields: { [field]: message },
    });
  });

  it('refuses missing and repeated parameters without a 500', async () => {
    const none = await get('/api/v1/calendar/due-date');
    expect(none.statusCode).toBe(400);
    expect(Object.keys(none.json<{ fields: object }>().fields).sort()).toEqual([
      'amount',
      'kind',
      'receivedAt',
    ]);
    const twice = await get(
      '/api/v1/calendar/due-date?receivedAt=2026-02-10T09:00:00Z&receivedAt=x&kind=working_days&amount=1',
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ fields: { receivedAt: m.receivedAtRequired } });
  });

  it('counts 520 working days from the last supported year without failing', async () => {
    const res = await dueDate({
      receivedAt: '2195-12-31T16:00:00+07:00',
      amount: '520',
      kind: 'working_days',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dueAt: expect.stringMatching(/^2198-/) });
  });
});

describe('GET /api/v1/calendar/days-off', () => {
  it('lists the days off and make-up days of a year with their source and confidence', async () => {
    const res = await get('/api/v1/calendar/days-off?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      year: number;
      hasNotice: boolean;
      daysOff: { date: string; origin: string; source: string; provisional: boolean }[];
      makeUpWorkdays: { date: string; source: string }[];
      officeHours: unknown;
    }>();
    expect(body).toMatchObject({ year: 2026, unit: 'tan-hong', hasNotice: true });
    expect(body.daysOff.find((d) => d.date === '2026-02-17')).toMatchObject({
      name: 'Tết Nguyên đán',
      origin: 'notice',
      confidence: 'sourced',
      provisional: false,
    });
    // Quốc khánh 2026: no notice yet; 2/9 by law, 3/9 a provisional default.
    expect(body.daysOff.find((d) => d.date === '2026-09-02')).toMatchObject({
      origin: 'derived',
      provisional: false,
    });
    expect(body.daysOff.find((d) => d.date === '2026-09-03')).toMatchObject({
      origin: 'derived',
      provisional: true,
      confidence: 'unknown',
      source: expect.stringContaining('Bộ luật Lao động 2019, Điều 112'),
    });
    expect(body.makeUpWorkdays).toEqual([
      expect.objectContaining({ date: '2026-01-10', source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025' }),
    ]);
    expect(body.officeHours).toEqual({
      working: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      receivingOnly: {},
    });
  });

  it('derives a year without a notice, and refuses a year it cannot count', async () => {
    const res = await get('/api/v1/calendar/days-off?year=2027&unit=thai-hoc');
    expect(res.json()).toMatchObject({ year: 2027, unit: 'thai-hoc', hasNotice: false });
    for (const year of ['abc', '1900', '2300', '20261']) {
      const bad = await get(`/api/v1/calendar/days-off?year=${year}`);
      expect(bad.statusCode, year).toBe(400);
      expect(bad.json()).toMatchObject({ error: 'invalid_request', fields: { year: m.yearInvalid } });
    }
    expect((await get('/api/v1/calendar/days-off?year=2026&unit=khong-co')).statusCode).toBe(404);
  });
});
