/*
 * The evaluation of dossier handling of Circular 01/2018/TT-VPCP Arts. 13–15 (issue #4 item 6; domain.md §1.6):
 * nine indices scored 2 / 1 / 0. Officers are evaluated on indices 1, 2, 3, 4 and 7, units on all nine (Art. 15).
 * A per-dossier index is averaged over the dossiers processed in the period; the indices are summed; an index
 * without data is left out (Art. 15(4)(b)); the total is rounded to 1 decimal. Pure.
 */

export const INDEX_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type IndexNumber = (typeof INDEX_NUMBERS)[number];

/** The indices on which an officer is evaluated (Art. 15). */
export const OFFICER_INDICES: readonly IndexNumber[] = [1, 2, 3, 4, 7];

/** What the aggregates say of the dossiers processed (ended) in the period, for a unit or one officer. */
export type HandlingCounts = {
  processed: number;
  early: number;
  onTime: number;
  /** Processed dossiers with no supplement request, and with exactly one. */
  suppZero: number;
  suppOne: number;
  /** Processed dossiers submitted online or by post: the applicant never had to come. */
  processedRemote: number;
};

/** What a unit's evaluation needs besides its dossiers (indices 5, 6 and 9). */
export type UnitFacts = {
  proceduresPublished: number;
  /** Published procedures offered online (một phần or toàn trình). */
  proceduresOnline: number;
  received: number;
  receivedOnline: number;
  /** Online dossiers processed late in the period. */
  lateOnline: number;
};

/** One index: its points (0–2, 2 decimals when averaged) or null when there is no data for it. */
export type IndexScore = { index: IndexNumber; value: number | null };

export type StaffBand = 'full' | 'most' | 'below';
export type UnitBand = 'excellent' | 'good' | 'fair' | 'average' | 'weak';

export type Evaluation<B> = {
  indices: IndexScore[];
  /** Sum of the indices with data, 1 decimal; null when none has data. */
  total: number | null;
  /** How many indices were counted, of how many the full set has, and the maximum of those counted. */
  counted: number;
  of: number;
  maxCounted: number;
  /** The band of the total, which the Circular sets for the full set of indices; null without a total. */
  band: B | null;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The average over the processed dossiers of 2 points for `two` of them and 1 for `one`; null when none. */
const average = (c: HandlingCounts, two: number, one: number): number | null =>
  c.processed === 0 ? null : (2 * two + one) / c.processed;

/**
 * The per-dossier indices (unrounded):
 * 1 total time against the legal time: early 2, on time 1, late 0;
 * 2 time at each participating unit: a commune processes alone in congxa (no inter-agency processing yet), so its
 *   time is the total time and the index equals index 1;
 * 3 contacts needed to complete the dossier: no supplement request 2, one 1, more 0;
 * 4 agencies the applicant had to go to: none (online or post) 2, only the one-stop (counter) 1.
 */
export function dossierIndices(c: HandlingCounts): Record<1 | 2 | 3 | 4, number | null> {
  const timeliness = average(c, c.early, c.onTime);
  return {
    1: timeliness,
    2: timeliness,
    3: average(c, c.suppZero, c.suppOne),
    4: average(c, c.processedRemote, c.processed - c.processedRemote),
  };
}

/**
 * Index 9, online-service progress: 2 when at least 20 % of the published procedures are offered online, at least
 * 30 % of the dossiers received came online and no online dossier ended late; 1 when at least 15 % came online
 * (congxa's reading: also when 30 % or more came online but another condition of 2 failed); else 0. Null without a
 * published procedure or a received dossier.
 */
export function onlineProgressIndex(u: UnitFacts): number | null {
  if (u.proceduresPublished === 0 || u.received === 0) {
    return null;
  }
  const procedures = (u.proceduresOnline / u.proceduresPublished) * 100;
  const dossiers = (u.receivedOnline / u.received) * 100;
  if (procedures >= 20 && dossiers >= 30 && u.lateOnline === 0) {
    return 2;
  }
  return dossiers >= 15 ? 1 : 0;
}

/**
 * Index 5, the one-stop model: 2 when the one-stop receives every published procedure of the unit, which congxa does
 * by construction (every dossier is received through the unit's one-stop); null without a published procedure.
 * Index 6, publicity: electronic publication on the portal is known (1); posting at the office is not recorded, so
 * congxa never gives 2; null without a published procedure.
 */
export function unitIndices(u: UnitFacts): Record<5 | 6 | 9, number | null> {
  const published = u.proceduresPublished > 0;
  return { 5: published ? 2 : null, 6: published ? 1 : null, 9: onlineProgressIndex(u) };
}

function evaluate<B>(
  values: Partial<Record<IndexNumber, number | null>>,
  set: readonly IndexNumber[],
  band: (total: number) => B,
): Evaluation<B> {
  const indices = set.map((index) => {
    const v = values[index];
    return { index, value: v === undefined || v === null ? null : round2(v) };
  });
  const counted = set.filter((i) => values[i] !== undefined && values[i] !== null);
  const sum = counted.reduce((s, i) => s + values[i]!, 0); // counted: not null
  const total = counted.length === 0 ? null : round1(sum);
  return {
    indices,
    total,
    counted: counted.length,
    of: set.length,
    maxCounted: 2 * counted.length,
    band: total === null ? null : band(total),
  };
}

/** Staff (Art. 15): ≥ 5 completes 100 % of the task; 3.5 to < 5: 70 % to < 100 %; < 3.5: below 70 %. */
export function staffBand(total: number): StaffBand {
  return total >= 5 ? 'full' : total >= 3.5 ? 'most' : 'below';
}

/** Agencies and units (Art. 15): ≥ 15 xuất sắc; 12–< 15 tốt; 9–< 12 khá; 6–< 9 trung bình; < 6 yếu. */
export function unitBand(total: number): UnitBand {
  return total >= 15
    ? 'excellent'
    : total >= 12
      ? 'good'
      : total >= 9
        ? 'fair'
        : total >= 6
          ? 'average'
          : 'weak';
}

/** An officer on indices 1, 2, 3, 4 and 7 (7, staff attitude, needs complaints and ratings: no data yet). */
export function officerEvaluation(c: HandlingCounts): Evaluation<StaffBand> {
  return evaluate({ ...dossierIndices(c), 7: null }, OFFICER_INDICES, staffBand);
}

/** A unit on all nine (7 and 8, feedback handling, have no data yet). */
export function unitEvaluation(c: HandlingCounts, u: UnitFacts): Evaluation<UnitBand> {
  return evaluate({ ...dossierIndices(c), ...unitIndices(u), 7: null, 8: null }, INDEX_NUMBERS, unitBand);
}
