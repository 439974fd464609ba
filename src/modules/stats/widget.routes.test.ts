import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { approveDossier, demoActors, intakeInput } from '../../../test/dossiers.js';
import type { Actor } from '../accounts/actor.js';

/*
 * The results widget in every portal's sidebar and the JSON API (issue #4 items 2 and 7), on the dialect under test.
 * Pages come from the page cache; the widget must change at once when a dossier is processed.
 */

let t: TestApp;
let unitId: number;
let a: Record<string, Actor>;

const home = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/', headers });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' }); // Tue 10/02/2026 09:00
  unitId = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
  a = await demoActors(t, ['motcua', 'chuyenvien', 'lanhdao']);
});
afterAll(async () => {
  await t.close();
});

describe('the results widget (issue #4 item 2)', () => {
  it('shows the labels of the seed page with zero figures before any dossier ended', async () => {
    const res = await home();
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain('Kết quả giải quyết TTHC');
    expect(body).toContain('Đến tháng 02 đã giải quyết: 0 %');
    expect(body).toContain('Số hồ sơ xử lý: 0');
    expect(body).toContain('Trước & đúng hạn: 0');
    expect(body).toContain('Trễ hạn: 0');
    expect(body).toContain('Tỉ lệ trễ hạn: 0 %');
    expect(body).toContain('(Chưa có hồ sơ nào kết thúc trong năm)');
    expect(res.body).toContain('href="/ket-qua-giai-quyet"');
    expect(res.body).not.toContain('data-slot="ket-qua-giai-quyet-tthc"');
  });

  it('changes at once when a dossier is processed, though the page itself is cached; the ETag follows', async () => {
    const first = await home();
    const etag = String(first.headers.etag);
    expect((await home({ 'if-none-match': etag })).statusCode).toBe(304);

    const d = (
      await t.deps.dossiers.service.intake(a.motcua!, unitId, await intakeInput(t, unitId, '1.004873'))
    ).dossier;
    t.clock.set('2026-02-11T08:30:15.000Z'); // Wed 15:30:15, due Fri: early
    await approveDossier(t, a, unitId, d);

    const after = await home({ 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const body = text(after.body);
    expect(body).toContain('Đến tháng 02 đã giải quyết: 100 %');
    expect(body).toContain('Số hồ sơ xử lý: 1');
    expect(body).toContain('Trước & đúng hạn: 1');
    expect(body).toContain('(Cập nhật lúc: 11/02/2026 15:30:15)');
  });

  it('is on the other pages with the sidebar too, and on another commune with its own figures', async () => {
    const other = t.deps.directory.all().find((u) => u.kind === 'commune' && u.slug !== 'tan-hong')!;
    const res = await t.app.inject({ method: 'GET', url: `/${other.slug}/` });
    expect(text(res.body)).toContain('Số hồ sơ xử lý: 0');
    expect(res.body).toContain(`href="/${other.slug}/ket-qua-giai-quyet"`);
  });

  it("fills the sidebar of the portal's other pages too: look-up, procedures, results, a 404", async () => {
    for (const url of [
      '/tra-cuu-ho-so',
      '/thu-tuc-hanh-chinh',
      '/ket-qua-giai-quyet',
      '/khong-co-trang-nay',
    ]) {
      const res = await t.app.inject({ url });
      expect(text(res.body), url).toContain('Số hồ sơ xử lý: 1');
      expect(res.body, url).not.toContain('data-slot="ket-qua-giai-quyet-tthc"');
    }
  });

  it('rolls the district up over its communes', async () => {
    const district = t.deps.directory.get(t.deps.directory.get(unitId)!.parentId!)!;
    const res = await t.app.inject({ method: 'GET', url: `/${district.slug}/` });
    expect(text(res.body)).toContain('Số hồ sơ xử lý: 1');
  });
});

describe('GET /api/v1/units/<slug>/dossier-stats (issue #4 item 7)', () => {
  it('answers the period with the same figures as the widget', async () => {
    const res = await t.app.inject({
      url: '/api/v1/units/tan-hong/dossier-stats?from=2026-02-01&to=2026-02-28',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unit: { slug: 'tan-hong' },
      from: '2026-02-01',
      to: '2026-02-28',
      asOf: '2026-02-11',
      received: 1,
      receivedByChannel: { counter: 1, online: 0, post: 0 },
      carriedOver: 0,
      processed: 1,
      early: 1,
      onTime: 0,
      late: 0,
      onTimeRate: 100,
      lateRate: 0,
      inProgress: 0,
      inProgressOverdue: 0,
      updatedAt: '2026-02-11T15:30:15+07:00',
    });
  });

  it('defaults to the year to date', async () => {
    const res = await t.app.inject({ url: '/api/v1/units/tan-hong/dossier-stats' });
    expect(res.json()).toMatchObject({ from: '2026-01-01', to: '2026-02-11', processed: 1 });
  });

  it.each([
    ['from=2026-02-30', 'invalid_date', 'from'],
    ['to=26-02-01', 'invalid_date', 'to'],
    ['from=2026-03-01&to=2026-02-01', 'invalid_range', 'from'],
    ['from=2000-01-01&to=2026-01-01', 'range_too_long', 'from'],
  ])('refuses %s with 400 at the field', async (query, error, field) => {
    const res = await t.app.inject({ url: `/api/v1/units/tan-hong/dossier-stats?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error, field });
    expect(res.json<{ message: string }>().message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵ]|Ngày|ngày/);
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await t.app.inject({ url: '/api/v1/units/khong-co/dossier-stats' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'unit_not_found', field: 'slug' });
  });
});

describe('RESULTS_WIDGET=off', () => {
  it('leaves the sidebar without the widget', async () => {
    const t2 = await buildTestApp({ demo: true, env: { RESULTS_WIDGET: 'off' } });
    try {
      const res = await t2.app.inject({ url: '/' });
      expect(res.body).not.toContain('Kết quả giải quyết TTHC');
    } finally {
      await t2.close();
    }
  });
});
