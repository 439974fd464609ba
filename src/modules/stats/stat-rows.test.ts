import { describe, expect, it } from 'vitest';
import type { StatDelta, StatDims } from './contribution.js';
import { nonZero, StatRows } from './stat-rows.js';

/*
 * The rows one dossier change makes (ADR 0009): its unit's own day, month and month-by-dimension rows, and the 'sub'
 * rows of every unit above it.
 */

const dims = (officerId: number): StatDims => ({
  procedureCode: '1.004873',
  procedureField: 'Hộ tịch',
  channel: 'counter',
  officerId,
});
const delta = (day: string, officerId: number, measures: StatDelta['measures']): StatDelta => ({
  dims: dims(officerId),
  day,
  measures,
});

describe('StatRows', () => {
  it.each([
    // [what, parents, deltas, days, months, own dims, sub dims, sub days, sub months]
    [
      'a commune under a district and a province',
      [2, 1],
      [delta('2026-03-05', 7, { received: 1 })],
      1,
      1,
      4,
      8,
      2,
      2,
    ],
    ['a unit with nothing above it', [], [delta('2026-03-05', 7, { received: 1 })], 1, 1, 4, 0, 0, 0],
    [
      'two days of one month',
      [2],
      [delta('2026-03-05', 7, { received: 1 }), delta('2026-03-09', 7, { processed: 1 })],
      2,
      1,
      4,
      4,
      2,
      1,
    ],
    [
      'a month boundary',
      [2],
      [delta('2026-03-31', 7, { overdueDelta: 1 }), delta('2026-04-01', 7, { overdueDelta: -1 })],
      2,
      2,
      8,
      8,
      2,
      2,
    ],
  ] as const)('%s', (_what, parents, deltas, days, months, ownDims, subDims, subDays, subMonths) => {
    const rows = new StatRows();
    for (const d of deltas) {
      rows.add(10, parents, d);
    }
    const dimRows = nonZero(rows.monthDims);
    expect({
      days: rows.days.size,
      months: rows.months.size,
      ownDims: dimRows.filter((r) => r.scope === 'own').length,
      subDims: dimRows.filter((r) => r.scope === 'sub').length,
      subDays: rows.subDays.size,
      subMonths: rows.subMonths.size,
    }).toEqual({ days, months, ownDims, subDims, subDays, subMonths });
  });

  it('a dossier moved to another officer nets out in every group but the officers', () => {
    const rows = new StatRows();
    rows.add(10, [2], delta('2026-03-05', 7, { received: -1, openDelta: -1 }));
    rows.add(10, [2], delta('2026-03-05', 8, { received: 1, openDelta: 1 }));
    const left = nonZero(rows.monthDims).map(
      (r) => `${r.scope} ${r.dimension}=${r.key} ${r.measures.received}`,
    );
    expect(left.sort()).toEqual([
      'own officerId=7 -1',
      'own officerId=8 1',
      'sub officerId=7 -1',
      'sub officerId=8 1',
    ]);
    expect(nonZero(rows.months)).toEqual([]);
    expect(nonZero(rows.subDays)).toEqual([]);
    expect(nonZero(rows.days)).toHaveLength(2);
  });

  it('a change to the widget figures stamps its months, own and above; a stock change does not', () => {
    const rows = new StatRows();
    rows.add(10, [2], delta('2026-03-05', 7, { processed: 1, late: 1 }));
    rows.add(10, [2], delta('2026-04-02', 7, { overdueDelta: 1 }));
    rows.stamp('2026-04-02T03:00:00.000Z');
    const stamps = [...rows.months.values(), ...rows.subMonths.values()].map((r) => [
      r.unitId,
      r.month,
      r.updatedAt,
    ]);
    expect(stamps).toEqual([
      [10, '2026-03', '2026-04-02T03:00:00.000Z'],
      [10, '2026-04', null],
      [2, '2026-03', '2026-04-02T03:00:00.000Z'],
      [2, '2026-04', null],
    ]);
  });

  it('takeOwn hands over the own rows of a unit and keeps the roll-ups above it', () => {
    const rows = new StatRows();
    rows.add(10, [2], delta('2026-03-05', 7, { received: 1 }));
    rows.touch(10, [2], '2026-03', '2026-03-05T02:00:00.000Z');
    const own = rows.takeOwn();
    expect([own.days.length, own.months.length, own.monthDims.length]).toEqual([1, 1, 4]);
    expect(own.months[0]!.updatedAt).toBe('2026-03-05T02:00:00.000Z');
    expect([rows.days.size, rows.months.size, rows.monthDims.size, rows.subDays.size]).toEqual([0, 0, 4, 1]);
    expect(rows.subMonths.get('2|2026-03')!.updatedAt).toBe('2026-03-05T02:00:00.000Z');
  });
});
