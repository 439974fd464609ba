import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import type { StatDims } from './contribution.js';
import type { Measure } from './stat-measures.js';
import { statsCommand } from './stats.command.js';
import { formatDifference, verify, type VerifyDeps } from './verify.js';

/*
 * `congxa stats verify` (issue #4 item 8) on the demo dossiers (about 820, made through the dossier service from
 * 1 January), on the dialect under test: clean as kept by the transactions; one corrupted stored figure is named by
 * unit, month, group and figure; a rebuild makes it clean again.
 */

let t: TestApp;
let deps: VerifyDeps;
let unitId: number;

type DayRow = StatDims & { unitId: number; day: string } & Record<Measure, number>;

/** A day row of Tân Hồng from a month before the current one with `measure` non-zero. */
async function pastRowWith(measure: Measure): Promise<DayRow> {
  const rows = await t.deps.db
    .selectFrom('dossierStatDay')
    .selectAll()
    .where('unitId', '=', unitId)
    .where('day', '<', '2026-10-01')
    .where(measure, '!=', 0)
    .orderBy('day')
    .execute();
  return rows[0]!;
}

const keyOf = (r: DayRow) => ({
  unitId: r.unitId,
  day: r.day,
  procedureCode: r.procedureCode,
  procedureField: r.procedureField,
  channel: r.channel,
  officerId: r.officerId,
});

async function run(sub: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await statsCommand(t.deps.stats, sub, args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

beforeAll(async () => {
  t = await buildTestApp({ demo: true, demoDossiers: true });
  unitId = t.deps.directory.getBySlug('tan-hong')!.id;
  const s = t.deps.stats;
  deps = { ...s.deps, repo: s.repo, service: s.service };
}, 180_000); // the demo dossiers load in 10–25 s alone, and far more on a loaded two-core machine
afterAll(async () => {
  await t.close();
});

describe('stats verify (issue #4 item 8)', () => {
  it('finds no difference in the aggregates the dossier transactions kept', async () => {
    const r = await verify(deps);
    expect(r.differences.map(formatDifference)).toEqual([]);
    expect(r.units).toBe(t.deps.directory.all().length);
    expect(r.dossiers).toBeGreaterThan(500);
    expect(r.checked).toBeGreaterThan(10_000);
  });

  it('names a corrupted day row where its days no longer add up to the month rows; a rebuild repairs it', async () => {
    const row = await pastRowWith('late');
    expect(await t.deps.stats.repo.setDayMeasure(t.deps.db, keyOf(row), 'late', row.late + 1)).toBe(1);
    const r = await verify(deps);
    const month = row.day.slice(0, 7);
    // A past month's figures come from its month rows, still right; its day rows (read for partial months) are not.
    const lines = r.differences.map(formatDifference);
    expect(lines).toHaveLength(5);
    for (const group of [
      '',
      ` channel=${row.channel}`,
      ` officerId=${row.officerId}`,
      ` procedureCode=${row.procedureCode}`,
      ` procedureField=${row.procedureField}`,
    ]) {
      expect(lines).toContainEqual(
        expect.stringContaining(`tan-hong ${month} day rows against month row${group} late: stored`),
      );
    }
    for (const d of r.differences) {
      expect(d).toMatchObject({ unit: 'tan-hong', figure: 'late' });
      expect(Number(d.stored) - Number(d.recomputed)).toBe(1);
    }
    await t.deps.stats.service.rebuild(deps.histories);
    expect((await verify(deps)).differences).toEqual([]);
  });

  it('names a corrupted stock delta of a breakdown in its month and every later one', async () => {
    const row = await pastRowWith('openDelta');
    const month = row.day.slice(0, 7);
    const key = String(row.officerId);
    const where = { table: 'monthDim', unitId, scope: 'own', dimension: 'officerId', month, key } as const;
    expect(await t.deps.stats.repo.setRollupMeasure(t.deps.db, where, 'openDelta', 1_000)).toBe(1);
    const r = await verify(deps);
    const lines = r.differences.map(formatDifference);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^tan-hong ${month} officerId=${key} inProgress: stored (\\d+), recomputed \\d+$`),
      ),
    );
    // The next month starts with more carried over, for that officer; nothing outside Tân Hồng.
    const next = `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`;
    expect(lines).toContainEqual(expect.stringContaining(`tan-hong ${next} officerId=${key} carriedOver`));
    expect(lines).toContainEqual(
      expect.stringContaining(`tan-hong ${month} day rows against month row officerId=${key} openDelta`),
    );
    expect(r.differences.every((d) => d.unit === 'tan-hong')).toBe(true);
    await t.deps.stats.service.rebuild(deps.histories);
    expect((await verify(deps)).differences).toEqual([]);
  });

  it("names a corrupted month row in the unit's figures and widget, and a parent's roll-up in its own", async () => {
    await t.deps.db
      .updateTable('dossierStatMonth')
      .set((eb) => ({ processed: eb('processed', '+', 1) }))
      .where('unitId', '=', unitId)
      .where('month', '=', '2026-03')
      .execute();
    const district = t.deps.directory.getBySlug('binh-giang')!.id;
    const sub = { table: 'subMonth', unitId: district, month: '2026-04' } as const;
    const [before] = await t.deps.db
      .selectFrom('dossierStatSubMonth')
      .select('late')
      .where('unitId', '=', district)
      .where('month', '=', '2026-04')
      .execute();
    expect(await t.deps.stats.repo.setRollupMeasure(t.deps.db, sub, 'late', before!.late + 3)).toBe(1);
    t.deps.stats.recorder.bumpAll(); // a fresh process: no widget cached from before the corruption
    const lines = (await verify(deps)).differences.map(formatDifference);
    expect(lines).toContainEqual(expect.stringMatching(/^tan-hong 2026-03 unit alone processed: stored \d+/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^tan-hong 2026-03 day rows against month row processed:/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^binh-giang 2026-04 units under it late: stored \d+/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^binh-giang 2026-04 units under it, day rows against month row late:/),
    );
    for (const [slug, figure] of [
      ['tan-hong', 'processed'],
      ['binh-giang', 'late'],
    ]) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${slug} 2026-01-01\\.\\.2026-11-20 widget .* ${figure}: stored`)),
      );
    }
    // The province keeps its own roll-up of every unit under it: still right.
    expect(lines.filter((l) => l.startsWith('hai-duong '))).toEqual([]);
    await t.deps.stats.service.rebuild(deps.histories);
  });

  it("names a corrupted breakdown of a province's roll-up", async () => {
    const province = t.deps.directory.getBySlug('hai-duong')!.id;
    const [row] = await t.deps.db
      .selectFrom('dossierStatMonthDim')
      .selectAll()
      .where('unitId', '=', province)
      .where('scope', '=', 'sub')
      .where('dimension', '=', 'channel')
      .where('month', '=', '2026-05')
      .where('dimKey', '=', 'counter')
      .execute();
    const where = {
      table: 'monthDim',
      unitId: province,
      scope: 'sub',
      dimension: 'channel',
      month: '2026-05',
      key: row!.dimKey,
    } as const;
    await t.deps.stats.repo.setRollupMeasure(t.deps.db, where, 'received', row!.received + 1);
    const lines = (await verify(deps)).differences.map(formatDifference);
    const [stored, recomputed] = [row!.received + 1, row!.received];
    expect(lines).toEqual(
      ['received', 'receivedCounter'].map(
        (f) =>
          `hai-duong 2026-05 units under it, channel=counter ${f}: stored ${stored}, recomputed ${recomputed}`,
      ),
    );
    await t.deps.stats.service.rebuild(deps.histories);
  });
});

describe('congxa stats verify | rebuild', () => {
  it('prints the summary and exits 0 when clean, each difference and 1 when not', async () => {
    const clean = await run('verify');
    expect(clean.code).toBe(0);
    expect(clean.out).toEqual([
      expect.stringMatching(/^Checked \d+ units, \d+ dossiers, \d+ figures in [\d.]+ s: 0 differences\.$/),
    ]);

    const row = await pastRowWith('received');
    await t.deps.stats.repo.setDayMeasure(t.deps.db, keyOf(row), 'received', row.received + 2);
    const dirty = await run('verify');
    expect(dirty.code).toBe(1);
    expect(dirty.out[0]).toMatch(/: 5 differences\.$/); // its month's days against its month row, and by 4 dimensions
    expect(dirty.out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^tan-hong ${row.day.slice(0, 7)} day rows against month row channel=${row.channel} received: stored \\d+, recomputed \\d+$`,
        ),
      ),
    );
    expect(dirty.out.at(-1)).toContain('congxa stats rebuild');

    const rebuilt = await run('rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out[0]).toMatch(
      /^Rebuilt the results aggregates of \d+ units from \d+ dossiers in [\d.]+ s\.$/,
    );
    expect((await run('verify')).code).toBe(0);
  });

  it('checks one unit and the units under it with --unit, with its progress on stderr', async () => {
    const one = await run('verify', ['--unit', 'tan-hong']);
    expect(one.code).toBe(0);
    expect(one.out[0]).toMatch(/^Checked 1 units, \d+ dossiers, \d+ figures in [\d.]+ s: 0 differences\.$/);
    expect(one.err).toEqual([expect.stringMatching(/^\[1\/1\] tan-hong \([\d.]+ s\)$/)]);
    const district = await run('verify', ['--unit', 'binh-giang']);
    expect(district.out[0]).toMatch(/^Checked 14 units, /); // the district and its 13 communes
  });

  it('answers a wrong sub-command, option or unit with the usage and 2', async () => {
    for (const [sub, args] of [
      ['check', []],
      ['verify', ['--units', 'tan-hong']],
      ['rebuild', ['now']],
    ] as const) {
      const r = await run(sub, [...args]);
      expect(r).toMatchObject({ code: 2, out: [] });
      expect(r.err[0]).toContain('Usage: congxa stats verify');
    }
    expect(await run('verify', ['--unit', 'khong-co'])).toMatchObject({
      code: 2,
      err: ['No unit with slug "khong-co".'],
    });
  });
});
