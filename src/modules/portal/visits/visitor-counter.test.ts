import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/db.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import { createDeps } from '../../../deps.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { prepare } from '../../../startup.js';
import { VisitRepository, type VisitCount } from './visit.repository.js';
import { ONLINE_WINDOW_MS, VisitorCounter } from './visitor-counter.js';

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('VisitorCounter', () => {
  let t: TestDb;
  let unitId: number;
  const errors: unknown[] = [];

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });
  beforeEach(async () => {
    await t.db.deleteFrom('visitDay').execute();
    await t.db.deleteFrom('unit').execute();
    const row = await t.db
      .insertInto('unit')
      .values({ slug: 'tan-hong', name: 'Xã Tân Hồng', kind: 'commune', fullName: 'UBND xã Tân Hồng' })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitId = row.id;
    errors.length = 0;
  });

  const rows = () => t.db.selectFrom('visitDay').select(['unitId', 'day', 'count']).orderBy('day').execute();
  const counter = (clock = fixedClock('2026-11-20T03:00:00.000Z'), visits = new VisitRepository()) =>
    new VisitorCounter({ db: t.db, visits, clock, onError: (e) => errors.push(e) });

  it('counts in memory and writes nothing until it flushes, then adds to the stored counts', async () => {
    const c = counter();
    await c.start(60_000);
    c.record(unitId, '10.0.0.1', BROWSER);
    c.record(unitId, '10.0.0.1', BROWSER);
    c.record(unitId, '10.0.0.2', BROWSER);
    expect(await rows()).toEqual([]);
    expect(c.snapshot(unitId)).toEqual({ online: 2, today: 3, total: 3 });
    await c.flush();
    expect(await rows()).toEqual([{ unitId, day: '2026-11-20', count: 3 }]);
    c.record(unitId, '10.0.0.3', BROWSER);
    c.record(unitId, '10.0.0.3', BROWSER);
    await c.close();
    expect(await rows()).toEqual([{ unitId, day: '2026-11-20', count: 5 }]);
  });

  it('does not count robots or an empty user agent', async () => {
    const c = counter();
    await c.start(60_000);
    expect(c.record(unitId, '10.0.0.1', 'Googlebot/2.1')).toBe(false);
    expect(c.record(unitId, '10.0.0.1', undefined)).toBe(false);
    expect(c.record(unitId, '10.0.0.1', BROWSER)).toBe(true);
    expect(c.snapshot(unitId)).toEqual({ online: 1, today: 1, total: 1 });
    await c.close();
  });

  it('starts a new "today" at midnight in Vietnam, whatever the server time zone', async () => {
    const clock = fixedClock('2026-11-20T16:59:00.000Z'); // 23:59 in Hà Nội
    const c = counter(clock);
    await c.start(60_000);
    c.record(unitId, '10.0.0.1', BROWSER);
    c.record(unitId, '10.0.0.1', BROWSER);
    clock.advance(2 * 60_000); // 00:01 on 21/11
    expect(c.snapshot(unitId)).toMatchObject({ today: 0, total: 2 });
    c.record(unitId, '10.0.0.1', BROWSER);
    expect(c.snapshot(unitId)).toMatchObject({ today: 1, total: 3 });
    await c.close();
    expect(await rows()).toEqual([
      { unitId, day: '2026-11-20', count: 2 },
      { unitId, day: '2026-11-21', count: 1 },
    ]);
  });

  it('loads today and all time from the database at start', async () => {
    await t.db
      .insertInto('visitDay')
      .values([
        { unitId, day: '2026-11-19', count: 1000 },
        { unitId, day: '2026-11-20', count: 180 },
      ])
      .execute();
    const c = counter();
    await c.start(60_000);
    expect(c.snapshot(unitId)).toEqual({ online: 0, today: 180, total: 1180 });
    c.record(unitId, '10.0.0.1', BROWSER);
    expect(c.snapshot(unitId)).toEqual({ online: 1, today: 181, total: 1181 });
    await c.close();
  });

  it('counts as online the distinct visitors of the last five minutes', async () => {
    const clock = fixedClock('2026-11-20T03:00:00.000Z');
    const c = counter(clock);
    await c.start(60_000);
    c.record(unitId, '10.0.0.1', BROWSER);
    c.record(unitId, '10.0.0.2', BROWSER);
    c.record(unitId, '10.0.0.2', `${BROWSER} Edg/126.0`);
    expect(c.snapshot(unitId).online).toBe(3);
    clock.advance(ONLINE_WINDOW_MS - 60_000);
    c.record(unitId, '10.0.0.1', BROWSER);
    clock.advance(2 * 60_000);
    expect(c.snapshot(unitId).online).toBe(1);
    clock.advance(ONLINE_WINDOW_MS);
    expect(c.snapshot(unitId).online).toBe(0);
    await c.close();
  });

  it('flushes on its timer', async () => {
    const c = counter();
    await c.start(30);
    c.record(unitId, '10.0.0.1', BROWSER);
    const deadline = Date.now() + 3000;
    while ((await rows()).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await rows()).toEqual([{ unitId, day: '2026-11-20', count: 1 }]);
    await c.close();
  });

  it('keeps the counts when a flush fails, and writes them at the next one', async () => {
    class FailingOnce extends VisitRepository {
      failed = false;
      override async addCounts(trx: Tx, r: readonly VisitCount[]): Promise<void> {
        if (!this.failed) {
          this.failed = true;
          throw new Error('database unavailable');
        }
        await super.addCounts(trx, r);
      }
    }
    const c = counter(undefined, new FailingOnce());
    await c.start(60_000);
    c.record(unitId, '10.0.0.1', BROWSER);
    await expect(c.flush()).rejects.toThrow('database unavailable');
    c.record(unitId, '10.0.0.1', BROWSER);
    await c.close();
    expect(await rows()).toEqual([{ unitId, day: '2026-11-20', count: 2 }]);
  });
});

describe('visitor counter across a restart of the application', () => {
  it('loses nothing on a clean restart', async () => {
    const testDb = await createTestDb();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: testDb.dataDir,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
    });
    const boot = async () => {
      const deps = createDeps(
        { ...config, db: testDb.config },
        { clock: fixedClock('2026-11-20T03:00:00.000Z'), db: testDb.db },
      );
      await prepare(deps);
      const app = await buildApp(deps);
      await app.ready();
      return { deps, app };
    };
    try {
      const first = await boot();
      const unitId = await first.deps.units.createUnit(null, {
        slug: 'tan-hong',
        name: 'Xã Tân Hồng',
        fullName: 'UBND xã Tân Hồng',
        kind: 'commune',
        parentId: null,
        adminCode: null,
        agencyCode: null,
        host: null,
        isDefault: true,
        isDemo: false,
      });
      for (let i = 0; i < 7; i++) {
        const res = await first.app.inject({ method: 'GET', url: '/', headers: { 'user-agent': BROWSER } });
        expect(res.statusCode).toBe(200);
      }
      expect(first.deps.portal.visitors.snapshot(unitId)).toMatchObject({ today: 7, total: 7 });
      await first.app.close(); // flushes

      const second = await boot();
      expect(second.deps.portal.visitors.snapshot(unitId)).toMatchObject({ today: 7, total: 7 });
      const page = await second.app.inject({ method: 'GET', url: '/', headers: { 'user-agent': BROWSER } });
      expect(page.body.replace(/<[^>]+>/g, '')).toContain('Hôm nay: 7');
      expect(second.deps.portal.visitors.snapshot(unitId)).toMatchObject({ today: 8, total: 8 });
      await second.app.close();
    } finally {
      await testDb.destroy();
    }
  });
});
