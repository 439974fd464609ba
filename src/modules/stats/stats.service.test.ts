import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { actionInput, approveDossier, demoActors, intakeInput } from '../../../test/dossiers.js';
import type { Actor } from '../accounts/actor.js';
type DossierRow = Awaited<ReturnType<TestApp['deps']['dossiers']['service']['act']>>;
import { MEASURES } from './stat-measures.js';

/*
 * The results aggregates kept in the dossier transactions (issue #4), on the dialect under test. Dossiers of
 * procedure 1.004873 (3 working days) received Tue 10/02/2026 09:00 are due Fri 13/02/2026 17:00 (Decree 61/2018
 * Art. 19 with the calendar of src/modules/calendar). Timing: Decision 766/QĐ-TTg indicator 2.1 (domain.md §1.5).
 */

let t: TestApp;
let unitId: number;
let a: Record<string, Actor>;
const svc = () => t.deps.dossiers.service;
const stats = () => t.deps.stats.service;

async function received(): Promise<DossierRow> {
  return (await svc().intake(a.motcua!, unitId, await intakeInput(t, unitId, '1.004873'))).dossier;
}

/** Assigns, submits and approves at the clock's current instant. */
const approve = (d: DossierRow) => approveDossier(t, a, unitId, d);

/** The aggregates without all-zero rows (left behind when a dossier moves to another officer). */
const nonZero = <R extends Record<string, unknown>>(rows: R[]) =>
  rows.filter((r) => MEASURES.some((k) => r[k] !== 0));

/** Every aggregate table (zero rows left out; the months without their last change). */
const dump = async () => {
  const { db } = t.deps;
  return JSON.stringify([
    nonZero(
      await db
        .selectFrom('dossierStatDay')
        .selectAll()
        .orderBy(['unitId', 'day', 'procedureCode', 'procedureField', 'channel', 'officerId'])
        .execute(),
    ),
    nonZero(await db.selectFrom('dossierStatMonth').selectAll().orderBy(['unitId', 'month']).execute()).map(
      ({ updatedAt: _u, ...m }) => m,
    ),
    nonZero(
      await db
        .selectFrom('dossierStatMonthDim')
        .selectAll()
        .orderBy(['unitId', 'scope', 'dimension', 'month', 'dimKey'])
        .execute(),
    ),
    nonZero(await db.selectFrom('dossierStatSubDay').selectAll().orderBy(['unitId', 'day']).execute()),
    nonZero(
      await db.selectFrom('dossierStatSubMonth').selectAll().orderBy(['unitId', 'month']).execute(),
    ).map(({ updatedAt: _u, ...m }) => m),
  ]);
};

let c: DossierRow;

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  unitId = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
  a = await demoActors(t, ['motcua', 'chuyenvien', 'lanhdao']);
  const early = await received();
  const onTime = await received();
  c = await received();
  const refused = await received();
  t.clock.set('2026-02-11T03:00:00.000Z'); // Wed 10:00
  await svc().act(
    a.motcua!,
    unitId,
    refused.id,
    actionInput('refuse', refused.version, { reason: 'Không thuộc thẩm quyền' }),
  );
  t.clock.set('2026-02-12T08:00:00.000Z'); // Thu 15:00
  await approve(early);
  t.clock.set('2026-02-13T03:00:00.000Z'); // Fri 10:00
  await approve(onTime);
});
afterAll(async () => {
  await t.close();
});

describe('results figures from the aggregates (issue #4 item 1)', () => {
  it('counts received, processed early and refused, and what is still open, over Tue–Thu', async () => {
    const f = await stats().figures(unitId, { from: '2026-02-10', to: '2026-02-12' });
    expect(f).toMatchObject({
      received: 4,
      receivedCounter: 4,
      carriedOver: 0,
      processed: 2,
      early: 2,
      onTime: 0,
      late: 0,
      refused: 1,
      resolved: 1,
      inProgress: 2,
      inProgressOverdue: 0,
    });
  });

  it('carries the open dossiers into Friday; one is on time, the other overdue at the end of its due day', async () => {
    const f = await stats().figures(unitId, { from: '2026-02-13', to: '2026-02-13' });
    expect(f).toMatchObject({
      carriedOver: 2,
      received: 0,
      processed: 1,
      onTime: 1,
      inProgress: 1,
      inProgressOverdue: 1,
      inProgressWithinTime: 0,
      onTimeRate: 100,
    });
    expect(f.carriedOver + f.received).toBe(f.processed + f.inProgress);
  });

  it('cuts a period at today: nothing is overdue yet on the due day before the end of the day … ', async () => {
    const f = await stats().figures(unitId, { from: '2026-02-01', to: '2026-02-28' });
    expect(f.to).toBe('2026-02-13');
    expect(f).toMatchObject({ received: 4, processed: 3, inProgress: 1 });
  });

  it('the widget: year to date, and a late dossier moves its figures and its time at once', async () => {
    const before = await stats().widget(unitId);
    expect(before).toMatchObject({
      month: '02',
      processed: 3,
      earlyOrOnTime: 3,
      late: 0,
      lateRate: 0,
      onTimeRate: 100,
    });
    expect(before.updatedAt).toBe('2026-02-13T03:00:00.000Z');
    t.clock.set('2026-02-16T02:30:00.000Z'); // Mon 09:30, after Friday 17:00
    await approve(c);
    const after = await stats().widget(unitId);
    expect(after).toMatchObject({ processed: 4, earlyOrOnTime: 3, late: 1, lateRate: 25, onTimeRate: 75 });
    expect(after.updatedAt).toBe('2026-02-16T02:30:00.000Z');
  });

  it('requests that miss the cached widget together share one read, and a change after it reads again', async () => {
    const reads = vi.spyOn(t.deps.stats.repo, 'widgetSums');
    try {
      t.deps.stats.recorder.committed(unitId);
      const [first, ...others] = await Promise.all(Array.from({ length: 5 }, () => stats().widget(unitId)));
      expect(reads).toHaveBeenCalledTimes(1);
      expect(others.every((f) => f === first)).toBe(true);
      t.deps.stats.recorder.committed(unitId);
      await stats().widget(unitId);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('rolls a district up over its communes', async () => {
    const commune = t.deps.directory.get(unitId)!;
    const district = await stats().widget(commune.parentId!);
    expect(district.processed).toBeGreaterThanOrEqual(4);
    // Its children in one read, each rolled up over its own subtree, equal their own figures.
    const p = { from: '2026-02-01', to: '2026-02-28' };
    const { children, own } = await stats().figuresOfChildren(commune.parentId!, p);
    expect(children.get(unitId)).toEqual(await stats().figures(unitId, p));
    expect(children.size).toBe(t.deps.directory.children(commune.parentId!).length);
    expect(own.received).toBe(0); // the district receives nothing itself
  });

  it('breaks the figures down by channel, procedure and officer', async () => {
    const p = { from: '2026-02-01', to: '2026-02-28' };
    const byOfficer = await stats().breakdown(unitId, 'officerId', p);
    const specialist = byOfficer.find((r) => r.key === String(a.chuyenvien!.id))!;
    expect(specialist.figures).toMatchObject({ processed: 3, late: 1 });
    const receiver = byOfficer.find((r) => r.key === String(a.motcua!.id))!;
    expect(receiver.figures).toMatchObject({ processed: 1, refused: 1 });
    const byProcedure = await stats().breakdown(unitId, 'procedureCode', p);
    expect(byProcedure.map((r) => r.key)).toEqual(['1.004873']);
  });

  it('reads a whole year by month as it reads each month, for a commune and the units above it', async () => {
    const commune = t.deps.directory.get(unitId)!;
    for (const id of [unitId, ...t.deps.directory.parentsOf(commune.id)]) {
      const byMonth = await stats().figuresByMonth(id, 2026);
      const each = await Promise.all(
        byMonth.map(async (_, i) => {
          const mm = String(i + 1).padStart(2, '0');
          const last = new Date(Date.UTC(2026, i + 1, 0)).getUTCDate();
          return `2026-${mm}-01` > stats().today()
            ? null
            : await stats().figures(id, { from: `2026-${mm}-01`, to: `2026-${mm}-${last}` });
        }),
      );
      expect(byMonth).toEqual(each);
      expect(byMonth.filter((f) => f !== null)).toHaveLength(2); // January and February 2026 (now: 10 February)
    }
  });

  it('a rebuild from the event logs gives the same aggregates as the transactions kept', async () => {
    const kept = await dump();
    expect(kept).toContain('"scope":"sub"'); // the district's and province's roll-ups are among them
    await stats().rebuild(t.deps.stats.deps.histories);
    expect(await dump()).toBe(kept);
  });
});
