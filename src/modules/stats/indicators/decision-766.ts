import { percent } from '../dossier-outcome.js';
import {
  GROUP_IDS,
  INDICATOR_IDS,
  type Decision766Config,
  type GroupId,
  type IndicatorId,
  type ScoringRule,
} from './decision-766.config.js';

/*
 * The Decision 766/QĐ-TTg service-quality indicators that congxa's own data can compute (issue #4 item 5; domain.md
 * §1.7, formulas from [766doc] "Mô tả công thức tính chỉ số 766"). Pure: the page, the exports and the tests all
 * score with these. An indicator that needs national-portal data or citizen ratings has no data and is left out of
 * every total; so is one whose denominator is 0 in the period. No points are ever invented.
 */

/** What congxa knows of a unit (rolled up over the units under it) in a period. */
export type Decision766Facts = {
  /** Dossiers ended in the period, and how: early, on time (late is the rest). */
  processed: number;
  early: number;
  onTime: number;
  /** Dossiers open at the period's end, and those still within time then. */
  inProgress: number;
  inProgressWithinTime: number;
  received: number;
  receivedOnline: number;
  /** Processed dossiers that ended with a result (done or returned). */
  resolved: number;
  /** Sums over the processed dossiers: working time (supplement waits left out) and time allowed, in minutes. */
  elapsedMinutes: number;
  allowedMinutes: number;
  /** Processed dossiers with a fee due, and those paid online. */
  feeDue: number;
  paidOnline: number;
  /** Resolved dossiers with an electronic result; of them, those with files handed in at submission. */
  eResult: number;
  digitised: number;
  /** Published procedures; of them, offered online (một phần or toàn trình); of those, with an online dossier. */
  proceduresPublished: number;
  proceduresOnline: number;
  proceduresUsedOnline: number;
};

/**
 * computed: scored; empty: computable but its denominator is 0 in the period (nothing to rate); no_data: congxa
 * does not hold the data (national portal, citizen ratings, feedback).
 */
export type IndicatorStatus = 'computed' | 'empty' | 'no_data';

/** What a numerator or denominator counts. */
export type Quantity = 'dossiers' | 'procedures' | 'days';

export type IndicatorRow = {
  id: IndicatorId;
  group: GroupId;
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  quantity: Quantity | null;
  /** Percent, 2 decimals; null without a denominator. */
  ratio: number | null;
  /** Points, 2 decimals; null unless computed. */
  score: number | null;
  rule: ScoringRule;
};

export type GroupTotal = {
  id: GroupId;
  rows: IndicatorRow[];
  /** Points of the indicators with data, and their maximum. */
  score: number;
  maxCounted: number;
  /** The group's maximum over all its indicators (configured). */
  max: number;
  counted: number;
};

export type Decision766Result = {
  groups: GroupTotal[];
  score: number;
  maxCounted: number;
  max: number;
  counted: number;
  indicators: number;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Points for a rate (percent) by its rule; 2 decimals, never above the maximum nor below 0. */
export function scoreOf(ratio: number, rule: ScoringRule): number {
  const { max, threshold } = rule;
  if (rule.direction === 'higher') {
    return ratio >= threshold ? max : round2(Math.max(0, (ratio * max) / threshold));
  }
  return ratio <= threshold ? max : round2((max * threshold) / ratio);
}

/** The indicators congxa computes and the quantities of their numerator and denominator. */
type Computed = { numerator: number; denominator: number; quantity: Quantity; ratio: number | null };

/** A share in percent; null when there is nothing to divide. */
const share = (numerator: number, denominator: number, quantity: Quantity): Computed => ({
  numerator,
  denominator,
  quantity,
  ratio: denominator === 0 ? null : percent(numerator, denominator),
});

function computed(id: IndicatorId, f: Decision766Facts): Computed | null {
  switch (id) {
    case '2.1':
      // [766doc] 2.1: dossiers done or in progress on/within time ÷ dossiers processed or in progress.
      return share(f.early + f.onTime + f.inProgressWithinTime, f.processed + f.inProgress, 'dossiers');
    case '2.2': {
      // Average working time of the processed dossiers against the average time allowed, in days.
      const days = (minutes: number) => (f.processed === 0 ? 0 : round2(minutes / f.processed / 1440));
      return {
        numerator: days(f.elapsedMinutes),
        denominator: days(f.allowedMinutes),
        quantity: 'days',
        ratio: f.allowedMinutes === 0 ? null : percent(f.elapsedMinutes, f.allowedMinutes),
      };
    }
    case '3.1':
      return share(f.proceduresOnline, f.proceduresPublished, 'procedures');
    case '3.2':
      return share(f.proceduresUsedOnline, f.proceduresOnline, 'procedures');
    case '3.3':
      return share(f.receivedOnline, f.received, 'dossiers');
    case '3.6':
      return share(f.paidOnline, f.feeDue, 'dossiers');
    case '4.1':
      return share(f.eResult, f.resolved, 'dossiers');
    case '4.2':
      return share(f.digitised, f.resolved, 'dossiers');
    // 1.x, 3.5, 4.3–4.5 and certified copies need the national portal's data (publication, sync, payment
    // integration, data reuse); 5.x need citizens' feedback and ratings, which congxa does not collect yet.
    case '1.1':
    case '1.2':
    case '1.3':
    case '1.4':
    case '3.5':
    case '4.3':
    case '4.4':
    case '4.5':
    case 'ct':
    case '5.1':
    case '5.2':
    case '5.3':
    case '5.4':
      return null;
  }
}

/** One indicator's row. */
export function indicatorRow(id: IndicatorId, f: Decision766Facts, config: Decision766Config): IndicatorRow {
  const { group, ...rule } = config.indicators[id];
  const c = computed(id, f);
  if (c === null) {
    return {
      id,
      group,
      status: 'no_data',
      numerator: null,
      denominator: null,
      quantity: null,
      ratio: null,
      score: null,
      rule,
    };
  }
  if (c.ratio === null) {
    return { id, group, status: 'empty', ...c, score: null, rule };
  }
  return { id, group, status: 'computed', ...c, score: scoreOf(c.ratio, rule), rule };
}

/** Every indicator by group, with the totals of what could be counted. */
export function decision766(f: Decision766Facts, config: Decision766Config): Decision766Result {
  const rows = INDICATOR_IDS.map((id) => indicatorRow(id, f, config));
  const groups = GROUP_IDS.map((id): GroupTotal => {
    const own = rows.filter((r) => r.group === id);
    const counted = own.filter((r) => r.status === 'computed');
    return {
      id,
      rows: own,
      score: round2(counted.reduce((s, r) => s + r.score!, 0)), // computed rows have a score
      maxCounted: round2(counted.reduce((s, r) => s + r.rule.max, 0)),
      max: round2(own.reduce((s, r) => s + r.rule.max, 0)),
      counted: counted.length,
    };
  }).filter((g) => g.rows.length > 0);
  return {
    groups,
    score: round2(groups.reduce((s, g) => s + g.score, 0)),
    maxCounted: round2(groups.reduce((s, g) => s + g.maxCounted, 0)),
    max: round2(groups.reduce((s, g) => s + g.max, 0)),
    counted: groups.reduce((s, g) => s + g.counted, 0),
    indicators: rows.length,
  };
}
