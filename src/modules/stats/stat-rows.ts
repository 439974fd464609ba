import type { LocalDate } from '../calendar/local-time.js';
import type { StatDelta, StatDims } from './contribution.js';
import { isZero, WIDGET_MEASURES, zeroMeasures, type Measure, type Measures } from './stat-measures.js';
import type { Month } from './stat-range.js';

/*
 * The rows of the results aggregates that day deltas make (ADR 0008, ADR 0009). Pure: the recorder writes what one
 * dossier event makes, a rebuild what every dossier makes.
 *
 * A delta of a dossier of unit U, on day D of month M, adds to:
 * - U's own rows: its day row (by every dimension at once), its month row, and one month row per dimension;
 * - the 'sub' rows of each unit above U (its parent, their parent, …): day and month rows without dimensions, and one
 *   month row per dimension, so that a parent's figures are its own rows plus its 'sub' rows, a few rows whatever the
 *   size of its subtree.
 */

/** A breakdown of the aggregates. */
export type Dimension = 'procedureField' | 'procedureCode' | 'channel' | 'officerId';
export const DIMENSIONS: readonly Dimension[] = ['procedureCode', 'procedureField', 'channel', 'officerId'];

/** Whose dossiers a row counts: the unit's own, or those of every unit under it. */
export type Scope = 'own' | 'sub';

export type DayRow = { unitId: number; day: LocalDate; dims: StatDims; measures: Measures };
export type MonthRow = { unitId: number; month: Month; measures: Measures; updatedAt: string | null };
export type MonthDimRow = {
  unitId: number;
  scope: Scope;
  dimension: Dimension;
  month: Month;
  key: string;
  measures: Measures;
};
export type SubDayRow = { unitId: number; day: LocalDate; measures: Measures };

/** The key of a dimension's group, as stored (dim_key is text: an officer's id as its digits). */
export const dimKey = (dims: StatDims, dim: Dimension): string => String(dims[dim]);

function addTo<K, R extends { measures: Measures }>(
  map: Map<K, R>,
  key: K,
  make: () => R,
  m: Partial<Measures>,
): R {
  let row = map.get(key);
  if (!row) {
    row = make();
    map.set(key, row);
  }
  // In place: a rebuild adds millions of deltas, each with a few measures.
  for (const k of Object.keys(m) as Measure[]) {
    row.measures[k] += m[k]!;
  }
  return row;
}

/** The later of two instants (null: none). */
export const later = (a: string | null, b: string | null): string | null =>
  a === null || (b !== null && b > a) ? b : a;

/** Rows keyed so that each table's rows are unique (one multi-row upsert per table). */
export class StatRows {
  readonly days = new Map<string, DayRow>();
  readonly months = new Map<string, MonthRow>();
  readonly monthDims = new Map<string, MonthDimRow>();
  readonly subDays = new Map<string, SubDayRow>();
  readonly subMonths = new Map<string, MonthRow>();

  /** A delta of a dossier of `unitId`, whose units above are `parents` (nearest first). */
  add(unitId: number, parents: readonly number[], d: StatDelta): void {
    this.addOwn(unitId, d);
    this.addSub(parents, d);
  }

  addOwn(unitId: number, d: StatDelta): void {
    const { dims, day, measures: m } = d;
    const month = day.slice(0, 7);
    addTo(
      this.days,
      `${unitId}|${day}|${dims.channel}|${dims.officerId}|${dims.procedureCode}|${dims.procedureField}`,
      () => ({ unitId, day, dims, measures: zeroMeasures() }),
      m,
    );
    addTo(
      this.months,
      `${unitId}|${month}`,
      () => ({ unitId, month, measures: zeroMeasures(), updatedAt: null }),
      m,
    );
    this.addDims(unitId, 'own', month, dims, m);
  }

  addSub(parents: readonly number[], d: StatDelta): void {
    const { dims, day, measures: m } = d;
    const month = day.slice(0, 7);
    for (const unitId of parents) {
      addTo(this.subDays, `${unitId}|${day}`, () => ({ unitId, day, measures: zeroMeasures() }), m);
      addTo(
        this.subMonths,
        `${unitId}|${month}`,
        () => ({ unitId, month, measures: zeroMeasures(), updatedAt: null }),
        m,
      );
      this.addDims(unitId, 'sub', month, dims, m);
    }
  }

  private addDims(unitId: number, scope: Scope, month: Month, dims: StatDims, m: Partial<Measures>): void {
    for (const dimension of DIMENSIONS) {
      const key = dimKey(dims, dimension);
      addTo(
        this.monthDims,
        `${unitId}|${scope}|${dimension}|${month}|${key}`,
        () => ({ unitId, scope, dimension, month, key, measures: zeroMeasures() }),
        m,
      );
    }
  }

  /** The month rows (own and sub) whose widget figures this change moves get `at` as their last change. */
  stamp(at: string): void {
    for (const row of [...this.months.values(), ...this.subMonths.values()]) {
      if (WIDGET_MEASURES.some((k) => row.measures[k] !== 0)) {
        row.updatedAt = later(row.updatedAt, at);
      }
    }
  }

  /** A month of a unit (own) last changed at `at`; so did that month of each unit above it (sub). */
  touch(unitId: number, parents: readonly number[], month: Month, at: string): void {
    const own = this.months.get(`${unitId}|${month}`);
    if (own) {
      own.updatedAt = later(own.updatedAt, at);
    }
    for (const p of parents) {
      const sub = this.subMonths.get(`${p}|${month}`);
      if (sub) {
        sub.updatedAt = later(sub.updatedAt, at);
      }
    }
  }

  /** Forgets the unit's own rows (a rebuild writes them unit by unit) and keeps the 'sub' rows. */
  takeOwn(): { days: DayRow[]; months: MonthRow[]; monthDims: MonthDimRow[] } {
    const own = {
      days: nonZero(this.days),
      months: [...this.months.values()],
      monthDims: nonZero(this.monthDims, (r) => r.scope === 'own'),
    };
    this.days.clear();
    this.months.clear();
    for (const [k, r] of this.monthDims) {
      if (r.scope === 'own') {
        this.monthDims.delete(k);
      }
    }
    return own;
  }
}

/** The rows with a measure other than zero (a change that moves a dossier between groups nets out in some). */
export function nonZero<R extends { measures: Measures }>(
  map: ReadonlyMap<string, R>,
  keep: (r: R) => boolean = () => true,
): R[] {
  return [...map.values()].filter((r) => keep(r) && !isZero(r.measures));
}
