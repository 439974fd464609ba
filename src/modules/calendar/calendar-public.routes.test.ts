import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addUnit } from '../../../test/staff.js';
import { calendarMessages } from './calendar.messages.js';

let t: TestApp;
const p = calendarMessages.dueDatePage;

beforeAll(async () => {
  t = await buildTestApp();
  await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const ask = (params: Record<string, string>, base = '') =>
  get(`${base}/han-giai-quyet?${new URLSearchParams(params).toString()}`);

describe('GET /han-giai-quyet', () => {
  it('shows the form inside the portal, filled with now (Vietnam time)', async () => {
    const res = await get('/han-giai-quyet');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Tính hạn trả kết quả</h1>');
    expect(res.body).toContain('Xã Tân Hồng');
    // The test clock is 2026-11-20T03:00Z = 10:00 in Vietnam.
    expect(res.body).toMatch(/id="ngay" name="ngay" type="date" value="2026-11-20"/);
    expect(res.body).toMatch(/id="gio" name="gio" type="time" value="10:00"/);
    expect(res.body).toContain('<option value="working_days" selected>ngày làm việc</option>');
    expect(res.body).toContain('<option value="calendar_days">ngày (theo lịch)</option>');
    expect(res.body).toContain(p.after15);
    expect(res.body).toContain('Lịch nghỉ lễ, Tết'); // the sidebar's quick link
    expect(res.body).not.toContain(`<h2 id="ket-qua">${p.resultHeading}</h2>`);
  });

  it('answers the issue #3 example and explains how it was counted', async () => {
    const res = await ask({ ngay: '2026-02-10', gio: '09:00', so: '3', loai: 'working_days' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      'Hạn trả kết quả: <time datetime="2026-02-13T17:00:00+07:00">thứ Sáu, 13/02/2026 lúc 17:00</time>',
    );
    expect(res.body).toContain('Hồ sơ được tiếp nhận thứ Ba, 10/02/2026 lúc 09:00.');
    expect(res.body).toContain('Thời hạn 3 ngày làm việc, không tính ngày tiếp nhận');
    expect(res.body).toContain('Giờ làm việc của đơn vị: 07:00–11:30 và 13:30–17:00.');
    expect(res.body).toContain('href="/ngay-nghi?nam=2026"');
    expect(res.body).not.toContain(p.provisionalNote);
  });

  it('names the Tết days it skipped, accepts a date typed dd/mm/yyyy and keeps the input', async () => {
    const res = await ask({ ngay: '12/02/2026', gio: '10:00', so: '3', loai: 'working_days', sau15: '1' });
    expect(res.body).toContain('thứ Ba, 24/02/2026 lúc 17:00');
    expect(res.body).toContain('thứ Ba, 17/02/2026: Tết Nguyên đán');
    expect(res.body).toMatch(/id="sau15" name="sau15" type="checkbox" value="1" checked/);
  });

  it('marks a due date counted over provisional days off as "dự kiến"', async () => {
    const res = await ask({ ngay: '2027-02-04', gio: '09:00', so: '2', loai: 'working_days' });
    expect(res.body).toContain('thứ Hai, 15/02/2027 lúc 17:00');
    expect(res.body).toContain(`(${p.provisional})`);
    expect(res.body).toContain(p.provisionalNote);
  });

  it('shows each problem at its field with 422 and keeps what was typed', async () => {
    const res = await ask({ ngay: 'hôm qua', gio: '25:00', so: '1.5', loai: 'tuan' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(p.dateInvalid);
    expect(res.body).toContain(p.timeInvalid);
    expect(res.body).toContain(p.amountInvalid);
    expect(res.body).toContain(p.kindInvalid);
    expect(res.body).toContain('value="hôm qua"');
    expect(res.body).toContain('value="1.5"');
    expect(res.body).toContain('<a href="#ngay">');
    expect(res.body).not.toContain(`<h2 id="ket-qua">${p.resultHeading}</h2>`);
    const old = await ask({ ngay: '01/01/1900', gio: '09:00', so: '99999', loai: 'working_days' });
    expect(old.statusCode).toBe(422);
    expect(old.body).toContain(p.dateRange);
    expect(old.body).toContain(p.amountInvalid);
    const empty = await ask({ ngay: '', gio: '', so: '', loai: 'same_day' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(p.dateRequired);
    expect(empty.body).toContain(p.timeRequired);
    expect(empty.body).not.toContain(p.amountInvalid);
  });

  it('counts with the office hours of the unit in the path', async () => {
    const res = await ask({ ngay: '2026-03-10', gio: '10:30', so: '2', loai: 'working_hours' }, '/thai-hoc');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('thứ Ba, 10/03/2026 lúc 14:30');
    expect(res.body).toContain('action="/thai-hoc/han-giai-quyet"');
  });
});

describe('GET /ngay-nghi', () => {
  it('lists the year of the notice by holiday with sources, confidence and provisional days', async () => {
    const res = await get('/ngay-nghi?nam=2026');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Ngày nghỉ lễ, Tết năm 2026</h1>');
    expect(res.body).toMatch(/<h2 id="ngay-le-\d+">Tết Nguyên đán<\/h2>/);
    expect(res.body).toContain('thứ Bảy, 14/02/2026</time>: theo thông báo');
    expect(res.body).toContain('Nguồn: Thông báo nghỉ lễ, Tết năm 2026 (chưa ghi số văn bản)');
    expect(res.body).toContain('Độ tin cậy: Đã đối chiếu nguồn');
    // Quốc khánh 2026 has no notice yet: the adjacent day is a provisional default.
    expect(res.body).toContain(
      'thứ Năm, 03/09/2026</time>: nghỉ lễ<strong class="tag-provisional"> (dự kiến)',
    );
    expect(res.body).toContain('Bộ luật Lao động 2019, Điều 112');
    expect(res.body).toContain('Chưa có thông báo');
    expect(res.body).toContain(
      'thứ Bảy, 10/01/2026</time> (Tết Dương lịch). Nguồn: Công văn 12729/VPCP-KGVX',
    );
    for (const y of [2023, 2024, 2025, 2027]) {
      expect(res.body).toContain(`href="/ngay-nghi?nam=${y}"`);
    }
    expect(res.body).toContain('<a href="/ngay-nghi?nam=2026" aria-current="page">2026</a>');
  });

  it('shows the current year by default, and a derived year as provisional', async () => {
    expect((await get('/ngay-nghi')).body).toContain('<h1>Ngày nghỉ lễ, Tết năm 2026</h1>');
    const res = await get('/thai-hoc/ngay-nghi?nam=2027');
    expect(res.body).toContain('Ngày nghỉ lễ, Tết năm 2027');
    expect(res.body).toContain(calendarMessages.daysOffPage.provisionalNote.replaceAll('"', '&quot;'));
    expect(res.body).toContain('Không có ngày làm việc bù.');
    expect(res.body).toContain('href="/thai-hoc/ngay-nghi?nam=2028"');
  });

  it('answers 404 inside the portal for a year it cannot show', async () => {
    for (const nam of ['abc', '1900', '2300', '']) {
      const res = await get(`/ngay-nghi?nam=${nam}`);
      expect(res.statusCode, nam).toBe(404);
      expect(res.body).toContain('Xã Tân Hồng');
    }
  });
});

describe('calendar pages and a made-up Host header', () => {
  it("never puts a stranger's Host into absolute links", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/ngay-nghi?nam=2026',
      headers: { host: 'evil.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('evil.example');
  });
});
