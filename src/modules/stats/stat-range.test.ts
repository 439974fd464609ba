import { describe, expect, it } from 'vitest';
import { splitMonths, splitRange } from './stat-range.js';

describe('splitting a range of days into whole months and days (the aggregates read plan)', () => {
  it.each([
    ['a whole year', '2026-01-01', '2026-12-31', { from: '2026-01', to: '2026-12' }, []],
    ['one whole month', '2026-02-01', '2026-02-28', { from: '2026-02', to: '2026-02' }, []],
    ['days inside a month', '2026-02-03', '2026-02-20', null, [['2026-02-03', '2026-02-20']]],
    [
      'partial head and tail around whole months',
      '2026-01-15',
      '2026-04-10',
      { from: '2026-02', to: '2026-03' },
      [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    ],
    [
      'two partial months, no whole one',
      '2026-01-15',
      '2026-02-10',
      null,
      [
        ['2026-01-15', '2026-01-31'],
        ['2026-02-01', '2026-02-10'],
      ],
    ],
    [
      'from the first of a month to mid-month',
      '2026-03-01',
      '2026-03-09',
      null,
      [['2026-03-01', '2026-03-09']],
    ],
    ['across a year end', '2025-12-01', '2026-01-31', { from: '2025-12', to: '2026-01' }, []],
    ['one day', '2026-05-05', '2026-05-05', null, [['2026-05-05', '2026-05-05']]],
    ['a leap February', '2028-02-01', '2028-02-29', { from: '2028-02', to: '2028-02' }, []],
  ])('%s', (_name, from, to, months, days) => {
    const r = splitRange(from, to);
    expect(r.months).toEqual(months);
    expect(r.days.map((d) => [d.from, d.to])).toEqual(days);
  });

  it('since the beginning: every month before, then the days of the last month', () => {
    expect(splitRange(null, '2026-03-09')).toEqual({
      months: { from: null, to: '2026-02' },
      days: [{ from: '2026-03-01', to: '2026-03-09' }],
    });
    expect(splitRange(null, '2026-03-31')).toEqual({ months: { from: null, to: '2026-03' }, days: [] });
  });

  it('an empty range reads nothing', () => {
    expect(splitRange('2026-03-10', '2026-03-09')).toEqual({ months: null, days: [] });
  });

  it('covers every day exactly once (any from, to in 2025–2026)', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    for (let a = 0; a < 730; a += 37) {
      for (let b = a; b < 730; b += 53) {
        const r = splitRange(day(a), day(b));
        const covered: string[] = [];
        for (const d of r.days) {
          for (
            let x = d.from;
            x <= d.to;
            x = new Date(Date.parse(x) + 86_400_000).toISOString().slice(0, 10)
          ) {
            covered.push(x);
          }
        }
        for (let n = 0; n < 730; n++) {
          const m = day(n).slice(0, 7);
          if (r.months && (r.months.from === null || m >= r.months.from) && m <= r.months.to) {
            covered.push(day(n));
          }
        }
        const expected = Array.from({ length: b - a + 1 }, (_, i) => day(a + i));
        expect(covered.sort()).toEqual(expected);
      }
    }
  });
});

describe('reading a partial month as its month row less the days outside the range', () => {
  const plan = (from: string | null, to: string) => {
    const r = splitMonths(from, to);
    return {
      months: r.months,
      days: r.days.map((d) => [d.from, d.to]),
      less: r.less.map((d) => [d.from, d.to]),
    };
  };

  it.each([
    // Up to a late day of the month: the few days after it are taken away.
    [
      'year to 26 November',
      '2026-01-01',
      '2026-11-26',
      '2026-01',
      '2026-11',
      [],
      [['2026-11-27', '2026-11-30']],
    ],
    // Up to an early day: its days are read.
    ['year to 9 March', '2026-01-01', '2026-03-09', '2026-01', '2026-02', [['2026-03-01', '2026-03-09']], []],
    ['from a late day', '2026-01-25', '2026-03-31', '2026-02', '2026-03', [['2026-01-25', '2026-01-31']], []],
    [
      'from an early day',
      '2026-01-05',
      '2026-03-31',
      '2026-01',
      '2026-03',
      [],
      [['2026-01-01', '2026-01-04']],
    ],
    [
      'most of one month',
      '2026-04-02',
      '2026-04-28',
      '2026-04',
      '2026-04',
      [],
      [
        ['2026-04-01', '2026-04-01'],
        ['2026-04-29', '2026-04-30'],
      ],
    ],
    ['a few days of one month', '2026-04-10', '2026-04-12', null, null, [['2026-04-10', '2026-04-12']], []],
    [
      'two partial months read whole',
      '2026-01-03',
      '2026-02-27',
      '2026-01',
      '2026-02',
      [],
      [
        ['2026-01-01', '2026-01-02'],
        ['2026-02-28', '2026-02-28'],
      ],
    ],
  ])('%s', (_name, from, to, mFrom, mTo, days, less) => {
    expect(plan(from, to)).toEqual({
      months: mFrom === null ? null : { from: mFrom, to: mTo },
      days,
      less,
    });
  });

  it('since the beginning up to a late day', () => {
    expect(plan(null, '2026-11-26')).toEqual({
      months: { from: null, to: '2026-11' },
      days: [],
      less: [['2026-11-27', '2026-11-30']],
    });
  });

  it('adds up to every day of the range exactly once (any from, to in 2025–2026)', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    const each = (r: { from: string; to: string }[]) =>
      r.flatMap((d) => {
        const out: string[] = [];
        for (let x = d.from; x <= d.to; x = new Date(Date.parse(x) + 86_400_000).toISOString().slice(0, 10)) {
          out.push(x);
        }
        return out;
      });
    for (let a = 0; a < 730; a += 29) {
      for (let b = a; b < 730; b += 37) {
        const r = splitMonths(day(a), day(b));
        const count = new Map<string, number>();
        const add = (d: string, n: number) => count.set(d, (count.get(d) ?? 0) + n);
        // Months read whole lie within a month of the range.
        for (let n = a - 31; n <= b + 31; n++) {
          const m = day(n).slice(0, 7);
          if (r.months && (r.months.from === null || m >= r.months.from) && m <= r.months.to) {
            add(day(n), 1);
          }
        }
        each(r.days).forEach((d) => add(d, 1));
        each(r.less).forEach((d) => add(d, -1));
        const covered = [...count].filter(([, n]) => n !== 0);
        expect(covered.every(([, n]) => n === 1)).toBe(true);
        expect(covered.map(([d]) => d).sort()).toEqual(
          Array.from({ length: b - a + 1 }, (_, i) => day(a + i)),
        );
      }
    }
  });
});
