import { describe, expect, it } from 'vitest';
import {
  dossierIndices,
  officerEvaluation,
  onlineProgressIndex,
  staffBand,
  unitBand,
  unitEvaluation,
  type HandlingCounts,
  type UnitFacts,
} from './circular-01-evaluation.js';

/*
 * Evaluation of dossier handling, Circular 01/2018/TT-VPCP Arts. 13–15 (domain.md §1.6, [PĐ]): nine indices scored
 * 2 / 1 / 0; officers on 1, 2, 3, 4, 7 and units on all nine (Art. 15); per-dossier indices averaged over the
 * dossiers, then summed; indices without data left out (Art. 15(4)(b)); rounded to 1 decimal.
 */

const TEN: HandlingCounts = {
  processed: 10,
  early: 6,
  onTime: 2,
  suppZero: 7,
  suppOne: 2,
  processedRemote: 4,
};
const NONE: HandlingCounts = {
  processed: 0,
  early: 0,
  onTime: 0,
  suppZero: 0,
  suppOne: 0,
  processedRemote: 0,
};
const COMMUNE: UnitFacts = {
  proceduresPublished: 15,
  proceduresOnline: 14,
  received: 100,
  receivedOnline: 35,
  lateOnline: 0,
};

describe('per-dossier indices averaged over the processed dossiers (Art. 14)', () => {
  it('index 1: early 2, on time 1, late 0 — (2·6 + 2) ÷ 10 = 1.4; index 2 equals it (a commune alone)', () => {
    expect(dossierIndices(TEN)[1]).toBeCloseTo(1.4);
    expect(dossierIndices(TEN)[2]).toBe(dossierIndices(TEN)[1]);
  });
  it('index 3: no supplement 2, one 1, more 0 — (2·7 + 2) ÷ 10 = 1.6', () => {
    expect(dossierIndices(TEN)[3]).toBeCloseTo(1.6);
  });
  it('index 4: online or post 2, counter only 1 — (2·4 + 6) ÷ 10 = 1.4', () => {
    expect(dossierIndices(TEN)[4]).toBeCloseTo(1.4);
  });
  it('no processed dossier: no data', () => {
    expect(dossierIndices(NONE)).toEqual({ 1: null, 2: null, 3: null, 4: null });
  });
});

describe('index 9, online-service progress (Art. 14; domain.md §1.6)', () => {
  it.each([
    ['≥ 20 % procedures online, ≥ 30 % dossiers online, none late → 2', COMMUNE, 2],
    ['35 % online but one online dossier late → 1 (congxa reading)', { ...COMMUNE, lateOnline: 1 }, 1],
    ['only 2 of 15 procedures online (13 %) → 1', { ...COMMUNE, proceduresOnline: 2 }, 1],
    ['online dossiers 15 % → 1', { ...COMMUNE, receivedOnline: 15 }, 1],
    ['online dossiers 14 % → 0', { ...COMMUNE, receivedOnline: 14 }, 0],
    ['online dossiers exactly 30 % → 2', { ...COMMUNE, receivedOnline: 30 }, 2],
    ['no dossier received → no data', { ...COMMUNE, received: 0, receivedOnline: 0 }, null],
    ['no published procedure → no data', { ...COMMUNE, proceduresPublished: 0, proceduresOnline: 0 }, null],
  ])('%s', (_name, facts, expected) => {
    expect(onlineProgressIndex(facts)).toBe(expected);
  });
});

describe('classification bands (Art. 15)', () => {
  it.each([
    [10, 'full'],
    [5, 'full'],
    [4.9, 'most'],
    [3.5, 'most'],
    [3.4, 'below'],
    [0, 'below'],
  ] as const)('staff %f → %s', (total, band) => {
    expect(staffBand(total)).toBe(band);
  });
  it.each([
    [18, 'excellent'],
    [15, 'excellent'],
    [14.9, 'good'],
    [12, 'good'],
    [11.9, 'fair'],
    [9, 'fair'],
    [8.9, 'average'],
    [6, 'average'],
    [5.9, 'weak'],
  ] as const)('unit %f → %s', (total, band) => {
    expect(unitBand(total)).toBe(band);
  });
});

describe('totals leave out the indices without data (Art. 15(4)(b))', () => {
  it('an officer: 1.4 + 1.4 + 1.6 + 1.4 = 5.8 on 4 of 5 indices (7 has no data) → full task', () => {
    const e = officerEvaluation(TEN);
    expect(e.indices.map((i) => [i.index, i.value])).toEqual([
      [1, 1.4],
      [2, 1.4],
      [3, 1.6],
      [4, 1.4],
      [7, null],
    ]);
    expect(e).toMatchObject({ total: 5.8, counted: 4, of: 5, maxCounted: 8, band: 'full' });
  });

  it('a unit: 5.8 + 2 (one-stop) + 1 (publicity) + 2 (online) = 10.8 on 7 of 9 → khá', () => {
    const e = unitEvaluation(TEN, COMMUNE);
    expect(e.indices.find((i) => i.index === 5)?.value).toBe(2);
    expect(e.indices.find((i) => i.index === 6)?.value).toBe(1);
    expect(e.indices.filter((i) => i.value === null).map((i) => i.index)).toEqual([7, 8]);
    expect(e).toMatchObject({ total: 10.8, counted: 7, of: 9, maxCounted: 14, band: 'fair' });
  });

  it('rounds the total to 1 decimal from the unrounded averages: thirds', () => {
    const thirds: HandlingCounts = {
      processed: 3,
      early: 1,
      onTime: 0,
      suppZero: 1,
      suppOne: 0,
      processedRemote: 0,
    };
    // 1: 2/3, 2: 2/3, 3: 2/3, 4: 1 → 3 (not 0.67 × 3 + 1 = 3.01)
    const e = officerEvaluation(thirds);
    expect(e.indices[0]!.value).toBe(0.67);
    expect(e.total).toBe(3);
    expect(e.band).toBe('below');
  });

  it('nothing processed and nothing published: no total, no band', () => {
    const e = unitEvaluation(NONE, { ...COMMUNE, proceduresPublished: 0, proceduresOnline: 0, received: 0 });
    expect(e).toMatchObject({ total: null, counted: 0, band: null });
  });
});
