import { describe, expect, it } from 'vitest';
import { DEFAULT_766_CONFIG, INDICATOR_IDS, withOverride } from './decision-766.config.js';
import { decision766, indicatorRow, scoreOf, type Decision766Facts } from './decision-766.js';

/*
 * Decision 766/QĐ-TTg service-quality indicators (issue #4 item 5). Formulas: [766doc] "Mô tả công thức tính chỉ số
 * 766" as summarised in domain.md §1.7; scoring "full points at the threshold, else rate × max ÷ threshold" with the
 * thresholds 3.1 ≥ 80 %, 3.3 ≥ 50 %, 4.2 ≥ 80 %, 5.4 ≥ 90 % (ibid.). Maxima: the provisional table of
 * decision-766.config.ts.
 */

const NONE: Decision766Facts = {
  processed: 0,
  early: 0,
  onTime: 0,
  inProgress: 0,
  inProgressWithinTime: 0,
  received: 0,
  receivedOnline: 0,
  resolved: 0,
  elapsedMinutes: 0,
  allowedMinutes: 0,
  feeDue: 0,
  paidOnline: 0,
  eResult: 0,
  digitised: 0,
  proceduresPublished: 0,
  proceduresOnline: 0,
  proceduresUsedOnline: 0,
};

/** A commune's quarter: 40 processed (30 early, 6 on time, 4 late), 10 open of which 8 within time, … */
const QUARTER: Decision766Facts = {
  processed: 40,
  early: 30,
  onTime: 6,
  inProgress: 10,
  inProgressWithinTime: 8,
  received: 48,
  receivedOnline: 12,
  resolved: 36,
  elapsedMinutes: 40 * 1440,
  allowedMinutes: 40 * 2 * 1440,
  feeDue: 10,
  paidOnline: 4,
  eResult: 27,
  digitised: 18,
  proceduresPublished: 15,
  proceduresOnline: 14,
  proceduresUsedOnline: 7,
};

const C = DEFAULT_766_CONFIG;

describe('scoring a rate: full points at the threshold, else proportional (domain.md §1.7)', () => {
  it.each([
    ['3.1 at 80 % (threshold 80 %) → full 4', 80, { max: 4, threshold: 80 }, 4],
    ['3.1 at 93,33 % → full 4 (capped)', 93.33, { max: 4, threshold: 80 }, 4],
    ['3.1 at 60 % → 60 × 4 ÷ 80 = 3', 60, { max: 4, threshold: 80 }, 3],
    ['3.3 at 25 % (threshold 50 %) → 25 × 4 ÷ 50 = 2', 25, { max: 4, threshold: 50 }, 2],
    ['5.4 at 81 % (threshold 90 %) → 81 × 6 ÷ 90 = 5,4', 81, { max: 6, threshold: 90 }, 5.4],
    ['2.1 proportional: 88 % of 20 → 17,6', 88, { max: 20, threshold: 100 }, 17.6],
    ['2.1 at 0 % → 0', 0, { max: 20, threshold: 100 }, 0],
    ['a third of 20 → 6,67 (2 decimals)', 33.33, { max: 20, threshold: 100 }, 6.67],
  ])('%s', (_name, ratio, r, expected) => {
    expect(scoreOf(ratio, { ...r, direction: 'higher' })).toBe(expected);
  });

  it.each([
    ['time used 50 % of the time allowed → full', 50, 10],
    ['exactly the time allowed → full', 100, 10],
    ['twice the time allowed → half', 200, 5],
  ])('lower is better (2.2 when a deployment scores it): %s', (_name, ratio, expected) => {
    expect(scoreOf(ratio, { max: 10, threshold: 100, direction: 'lower' })).toBe(expected);
  });
});

describe('each indicator from congxa data ([766doc], domain.md §1.7)', () => {
  it.each([
    // id, numerator, denominator, ratio, score
    ['2.1: (early + on time + in progress within time) ÷ (processed + in progress)', '2.1', 44, 50, 88, 17.6],
    ['2.2: 1 day on average against 2 allowed = 50 % of the time (tracked, 0 points)', '2.2', 1, 2, 50, 0],
    ['3.1: procedures offered online ÷ published, ≥ 80 % → full', '3.1', 14, 15, 93.33, 4],
    ['3.2: online services that received a dossier ÷ those offered', '3.2', 7, 14, 50, 2],
    ['3.3: dossiers received online ÷ received, 25 % of a 50 % threshold', '3.3', 12, 48, 25, 2],
    ['3.6: dossiers paid online ÷ dossiers with a fee', '3.6', 4, 10, 40, 2.4],
    ['4.1: resolved dossiers with an electronic result ÷ resolved', '4.1', 27, 36, 75, 4.5],
    ['4.2: digitised (files at submission and e-result) ÷ resolved, threshold 80 %', '4.2', 18, 36, 50, 2.5],
  ] as const)('%s', (_name, id, numerator, denominator, ratio, score) => {
    expect(indicatorRow(id, QUARTER, C)).toMatchObject({
      status: 'computed',
      numerator,
      denominator,
      ratio,
      score,
    });
  });

  it.each([
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '3.5',
    '4.3',
    '4.4',
    '4.5',
    'ct',
    '5.1',
    '5.2',
    '5.3',
    '5.4',
  ] as const)('%s needs the national portal or citizen ratings → no data, no points', (id) => {
    expect(indicatorRow(id, QUARTER, C)).toMatchObject({
      status: 'no_data',
      numerator: null,
      ratio: null,
      score: null,
    });
  });

  it('a denominator of 0 gives no ratio and no points (domain.md §1.7: "if the denominator is 0 … N/A")', () => {
    for (const id of ['2.1', '2.2', '3.1', '3.2', '3.3', '3.6', '4.1', '4.2'] as const) {
      expect(indicatorRow(id, NONE, C)).toMatchObject({ status: 'empty', ratio: null, score: null });
    }
  });
});

describe('group and grand totals count only the indicators with data (issue #4 item 5)', () => {
  it('the default table sums to 100 over six groups', () => {
    const r = decision766(QUARTER, C);
    expect(r.groups.map((g) => [g.id, g.max])).toEqual([
      ['transparency', 18],
      ['progress', 20],
      ['online', 12],
      ['payment', 10],
      ['digitisation', 22],
      ['satisfaction', 18],
    ]);
    expect(r.max).toBe(100);
    expect(r.indicators).toBe(INDICATOR_IDS.length);
  });

  it('adds the computed scores and their maxima, never a no-data indicator', () => {
    const r = decision766(QUARTER, C);
    const byId = Object.fromEntries(r.groups.map((g) => [g.id, g]));
    expect(byId.transparency).toMatchObject({ score: 0, maxCounted: 0, counted: 0 });
    expect(byId.progress).toMatchObject({ score: 17.6, maxCounted: 20, counted: 2 });
    expect(byId.online).toMatchObject({ score: 8, maxCounted: 12, counted: 3 });
    expect(byId.payment).toMatchObject({ score: 2.4, maxCounted: 6, counted: 1 });
    expect(byId.digitisation).toMatchObject({ score: 7, maxCounted: 10, counted: 2 });
    expect(byId.satisfaction).toMatchObject({ score: 0, maxCounted: 0, counted: 0 });
    expect(r).toMatchObject({ score: 35, maxCounted: 48, counted: 8 });
  });

  it('a period without dossiers counts only the catalogue indicators', () => {
    const r = decision766({ ...NONE, proceduresPublished: 15, proceduresOnline: 14 }, C);
    expect(r).toMatchObject({ counted: 2, score: 4, maxCounted: 8 });
  });
});

describe('the table is data a deployment may override (STATS_766_CONFIG)', () => {
  it('changes only what the file gives', () => {
    const c = withOverride(C, { indicators: { '2.1': { threshold: 95 }, '2.2': { max: 5 } } });
    expect(c.indicators['2.1']).toEqual({ group: 'progress', max: 20, threshold: 95, direction: 'higher' });
    expect(c.indicators['2.2']).toMatchObject({ max: 5, direction: 'lower' });
    expect(c.indicators['3.1']).toEqual(C.indicators['3.1']);
    expect(indicatorRow('2.1', QUARTER, c).score).toBe(18.53); // 88 × 20 ÷ 95
  });

  it.each([
    ['an unknown indicator', { indicators: { '9.9': { max: 1 } } }],
    ['a negative maximum', { indicators: { '2.1': { max: -1 } } }],
    ['a zero threshold', { indicators: { '3.1': { threshold: 0 } } }],
    ['an unknown key', { weights: {} }],
  ])('refuses %s with the problem named', (_name, override) => {
    expect(() => withOverride(C, override)).toThrow(/Invalid Decision 766 scoring table/);
  });
});
