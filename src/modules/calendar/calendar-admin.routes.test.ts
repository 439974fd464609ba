import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser } from '../../../test/staff.js';
import { calendarMessages, noticeMessages } from './calendar.messages.js';

let t: TestApp;
let rootId: number;
const a = calendarMessages.admin;

beforeAll(async () => {
  t = await buildTestApp();
  rootId = await addUnit(t, 'tinh', 'Tỉnh Thử', true);
  const communeId = await t.deps.units.createUnit(null, {
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
});
afterAll(async () => {
  await t.close();
});

const dueOn31Aug = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/due-date?receivedAt=2026-08-31T09:00:00%2B07:00&amount=1&kind=working_days',
    })
  ).json<{ dueAt: string; provisional: boolean }>();

describe('holiday notices (/quan-tri/lich-nghi)', () => {
  it('sends a visitor to sign in, and gives an editor the 403 page', async () => {
    const anon = await new Browser(t).get('/quan-tri/lich-nghi');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/quan-tri/dang-nhap');
    const editor = new Browser(t);
    await editor.signIn('', 'bt.tinh');
    expect((await editor.get('/quan-tri/lich-nghi')).statusCode).toBe(403);
  });

  it('shows a commune admin the notices read-only, and refuses their edits', async () => {
    const b = new Browser(t);
    await b.signIn('/xa-con', 'qt.xa');
    const list = await b.get('/xa-con/quan-tri/lich-nghi?nam=2026');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Tết Nguyên đán');
    expect(list.body).toContain(a.readOnlyNote('Tỉnh Thử'));
    expect(list.body).not.toContain('/xa-con/quan-tri/lich-nghi/moi');
    expect(list.body).toContain('href="/xa-con/quan-tri/gio-lam-viec"');
    expect((await b.get('/xa-con/quan-tri/lich-nghi/moi')).statusCode).toBe(403);
  });

  it('lets the root admin correct an entry: 422 at the field with the input kept, then 303 and a new due date', async () => {
    expect(await dueOn31Aug()).toMatchObject({ dueAt: '2026-09-01T17:00:00+07:00' });
    const b = new Browser(t);
    await b.signIn('', 'qt.tinh');
    const list = await b.get('/quan-tri/lich-nghi?nam=2026');
    expect(list.body).toContain('Lịch nghỉ lễ');
    const id = /href="\/quan-tri\/lich-nghi\/(\d+)">Quốc khánh</.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const url = `/quan-tri/lich-nghi/${id}`;
    const edit = await b.get(url);
    expect(edit.body).toContain('value="Quốc khánh"');

    const bad = await b.submit(url, {
      year: '2026',
      name: 'Quốc khánh',
      offFrom: '2026-09-02',
      offTo: '',
      makeUpWorkdays: '32/13/2026',
      confidence: 'sourced',
      source: 'Công văn giữ lại',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(a.makeUpInvalid);
    expect(bad.body).toContain('value="Công văn giữ lại"');
    expect(bad.body).toContain('value="32/13/2026"');
    const half = await b.submit(url, {
      year: '2026',
      name: 'Quốc khánh',
      offFrom: '2026-09-02',
      confidence: 'sourced',
    });
    expect(half.statusCode).toBe(422);
    expect(half.body).toContain(a.offBoth);

    const weekday = await b.submit(url, {
      year: '2026',
      name: 'Quốc khánh',
      offFrom: '2026-09-01',
      offTo: '2026-09-02',
      makeUpWorkdays: '09/09/2026',
      confidence: 'sourced',
    });
    expect(weekday.statusCode).toBe(422);
    expect(weekday.body).toContain(noticeMessages.make_up_not_weekend);

    const ok = await b.submit(url, {
      year: '2026',
      name: 'Quốc khánh',
      offFrom: '01/09/2026',
      offTo: '2026-09-02',
      makeUpWorkdays: '',
      confidence: 'sourced',
      source: 'Công văn thử 99/VPCP',
      covers: 'national_day',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/quan-tri/lich-nghi?nam=2026');
    expect(await dueOn31Aug()).toMatchObject({ dueAt: '2026-09-03T17:00:00+07:00', provisional: false });
    const page = await t.app.inject({ method: 'GET', url: '/ngay-nghi?nam=2026' });
    expect(page.body).toContain('Nguồn: Công văn thử 99/VPCP');
  });

  it('adds a year and deletes an entry after confirming', async () => {
    const b = new Browser(t);
    await b.signIn('', 'qt.tinh');
    const added = await b.submit('/quan-tri/lich-nghi/moi?nam=2027', {
      year: '2027',
      name: 'Tết Nguyên đán',
      offFrom: '2027-02-04',
      offTo: '2027-02-12',
      confidence: 'unverified',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/quan-tri/lich-nghi?nam=2027');
    const list = await b.get('/quan-tri/lich-nghi?nam=2027');
    expect(list.body).toContain('04/02/2027 – 12/02/2027');
    const id = /href="\/quan-tri\/lich-nghi\/(\d+)">Tết Nguyên đán</.exec(list.body)?.[1];
    const confirm = await b.get(`/quan-tri/lich-nghi/${id}/xoa`);
    expect(confirm.body).toContain(a.deleteConfirm);
    const deleted = await b.submit(`/quan-tri/lich-nghi/${id}/xoa`, {});
    expect(deleted.statusCode).toBe(303);
    expect((await b.get('/quan-tri/lich-nghi?nam=2027')).body).toContain(a.none);
    expect((await b.get('/quan-tri/lich-nghi/999999')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/lich-nghi/abc')).statusCode).toBe(404);
    const audit = await t.deps.audit.listForUnit(t.deps.db, rootId);
    expect(audit.slice(0, 3).map((r) => r.action)).toEqual([
      'calendar_notice.delete',
      'calendar_notice.create',
      'calendar_notice.update',
    ]);
  });
});

describe('office hours (/quan-tri/gio-lam-viec)', () => {
  it('is for the unit admin; shows errors at the fields; saves and changes working-hour deadlines', async () => {
    const editor = new Browser(t);
    await editor.signIn('', 'bt.tinh');
    expect((await editor.get('/quan-tri/gio-lam-viec')).statusCode).toBe(403);

    const b = new Browser(t);
    await b.signIn('/xa-con', 'qt.xa');
    const form = await b.get('/xa-con/quan-tri/gio-lam-viec');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(calendarMessages.hours.usingDefault);
    expect(form.body).toContain('value="07:00"');

    const bad = await b.submit('/xa-con/quan-tri/gio-lam-viec', {
      morningStart: '07:30',
      morningEnd: '7h',
      afternoonStart: '13:30',
      afternoonEnd: '',
      saturday: '1',
      saturdayStart: 'sáng',
      saturdayEnd: '11:00',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(calendarMessages.hours.timeInvalid);
    expect(bad.body).toContain('value="sáng"');

    const order = await b.submit('/xa-con/quan-tri/gio-lam-viec', {
      morningStart: '07:30',
      morningEnd: '11:30',
      afternoonStart: '11:00',
      afternoonEnd: '17:30',
    });
    expect(order.statusCode).toBe(422);
    expect(order.body).toContain(calendarMessages.hours.order);

    const ok = await b.submit('/xa-con/quan-tri/gio-lam-viec', {
      morningStart: '07:30',
      morningEnd: '11:30',
      afternoonStart: '13:30',
      afternoonEnd: '17:30',
      saturday: '1',
      saturdayStart: '07:30',
      saturdayEnd: '11:00',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/xa-con/quan-tri/gio-lam-viec');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/due-date?receivedAt=2026-03-10T10:00:00%2B07:00&amount=1&kind=working_days&unit=xa-con',
    });
    expect(res.json()).toMatchObject({ dueAt: '2026-03-11T17:30:00+07:00' });
    const again = await b.get('/xa-con/quan-tri/gio-lam-viec');
    expect(again.body).not.toContain(calendarMessages.hours.usingDefault);
    expect(again.body).toContain('value="17:30"');
  });
});
