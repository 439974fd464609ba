import { sql } from 'kysely';
import type { Conn } from '../../platform/db.js';
import type { LocalDate } from '../calendar/local-time.js';
import type { StatDims } from './contribution.js';
import { MEASURES, zeroMeasures, type Measure, type Measures } from './stat-measures.js';
import type { Month } from './stat-range.js';
import type { DayRow, Dimension, MonthDimRow, MonthRow, Scope, SubDayRow } from './stat-rows.js';

export type { Dimension, Scope } from './stat-rows.js';

/** Rows to add to the aggregates (what StatRows holds, zero rows left out). */
export type StatRowSet = {
  days: readonly DayRow[];
  months: readonly MonthRow[];
  monthDims: readonly MonthDimRow[];
  subDays: readonly SubDayRow[];
  subMonths: readonly MonthRow[];
};

/**
 * Sums of one group over a period: its flows, and the stocks at the end of the day before it and at its end (the
 * stock measures of `before` and `end`; their flow measures are 0).
 */
export type PeriodSums = { flows: Measures; before: Measures; end: Measures };

const cap = (k: string): string => `${k[0]!.toUpperCase()}${k.slice(1)}`;

type DayRange = { from: LocalDate; to: LocalDate };
type StatTable =
  'dossierStatDay' | 'dossierStatMonth' | 'dossierStatMonthDim' | 'dossierStatSubDay' | 'dossierStatSubMonth';
const ALL_TABLES: readonly StatTable[] = [
  'dossierStatDay',
  'dossierStatMonth',
  'dossierStatMonthDim',
  'dossierStatSubDay',
  'dossierStatSubMonth',
];
const MONTHS = { own: 'dossierStatMonth', sub: 'dossierStatSubMonth' } as const;
const DAYS = { own: 'dossierStatDay', sub: 'dossierStatSubDay' } as const;
/** Rows per multi-row statement: 30 columns a row stays far below SQLite's 32 766 parameters. */
const BATCH = 200;

const pick = (row: Record<string, unknown>, measures: readonly Measure[]): Partial<Measures> =>
  Object.fromEntries(measures.map((k) => [k, Number(row[k] ?? 0)]));

const sumsOf = (row: Record<string, unknown>, prefix = ''): Measures => {
  const m = zeroMeasures();
  for (const k of MEASURES) {
    m[k] = Number(row[prefix === '' ? k : `${prefix}${cap(k)}`] ?? 0);
  }
  return m;
};

/** SQL of the results aggregates (dossier_stat_*): the only place that reads or writes them. */
export class StatsRepository {
  /**
   * Adds rows of change (StatRows: one dossier event's, or a whole rebuild's), one multi-row upsert per table, in the
   * caller's transaction. A month's updated_at moves to the row's when that is later (never backwards).
   */
  async write(trx: Conn, rows: StatRowSet): Promise<void> {
    await this.upsert(
      trx,
      'dossierStatDay',
      ['unitId', 'day', 'procedureCode', 'procedureField', 'channel', 'officerId'],
      rows.days.map((r) => ({ unitId: r.unitId, day: r.day, ...r.dims, ...r.measures })),
    );
    await this.upsertMonths(trx, 'dossierStatMonth', rows.months);
    await this.upsert(
      trx,
      'dossierStatMonthDim',
      ['unitId', 'scope', 'dimension', 'month', 'dimKey'],
      rows.monthDims.map((r) => ({
        unitId: r.unitId,
        scope: r.scope,
        dimension: r.dimension,
        month: r.month,
        dimKey: r.key,
        ...r.measures,
      })),
    );
    await this.upsert(
      trx,
      'dossierStatSubDay',
      ['unitId', 'day'],
      rows.subDays.map((r) => ({ unitId: r.unitId, day: r.day, ...r.measures })),
    );
    await this.upsertMonths(trx, 'dossierStatSubMonth', rows.subMonths);
  }

  private async upsert<T extends 'dossierStatDay' | 'dossierStatMonthDim' | 'dossierStatSubDay'>(
    trx: Conn,
    table: T,
    key: readonly string[],
    values: Record<string, unknown>[],
  ): Promise<void> {
    for (let i = 0; i < values.length; i += BATCH) {
      await trx
        .insertInto(table as 'dossierStatSubDay') // the three tables share the measure columns
        .values(values.slice(i, i + BATCH) as never)
        .onConflict((oc) => oc.columns(key as never).doUpdateSet(incrementsOf(table)))
        .execute();
    }
  }

  private async upsertMonths(
    trx: Conn,
    table: 'dossierStatMonth' | 'dossierStatSubMonth',
    rows: readonly MonthRow[],
  ): Promise<void> {
    const values = rows.map((r) => ({
      unitId: r.unitId,
      month: r.month,
      ...r.measures,
      updatedAt: r.updatedAt,
    }));
    const t = table as 'dossierStatMonth'; // the two tables have the same columns
    for (let i = 0; i < values.length; i += BATCH) {
      await trx
        .insertInto(t)
        .values(values.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.columns(['unitId', 'month']).doUpdateSet({
            ...incrementsOf(table),
            updatedAt: sql<
              string | null
            >`case when ${sql.ref('excluded.updatedAt')} is not null and (${sql.ref(
              `${table}.updatedAt`,
            )} is null or ${sql.ref('excluded.updatedAt')} > ${sql.ref(`${table}.updatedAt`)}) then ${sql.ref(
              'excluded.updatedAt',
            )} else ${sql.ref(`${table}.updatedAt`)} end`,
          }),
        )
        .execute();
    }
  }

  /**
   * Per unit, the sums of its month rows of the scope ('own': dossier_stat_month; 'sub': dossier_stat_sub_month) from
   * `from` (null: the first) to `to`, both included, and their last change.
   */
  async sumMonths(
    db: Conn,
    unitIds: readonly number[],
    from: Month | null,
    to: Month,
    scope: Scope = 'own',
  ): Promise<Map<number, Measures & { updatedAt: string | null }>> {
    if (unitIds.length === 0) {
      return new Map();
    }
    let q = db
      .selectFrom(MONTHS[scope] as 'dossierStatMonth') // same columns
      .select((eb) => [
        'unitId',
        eb.fn.max('updatedAt').as('updatedAt'),
        ...MEASURES.map((k) => eb.fn.sum<number>(k).as(k)),
      ])
      .where('unitId', 'in', [...unitIds])
      .where('month', '<=', to)
      .groupBy('unitId');
    if (from !== null) {
      q = q.where('month', '>=', from);
    }
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.unitId, { ...sumsOf(r), updatedAt: r.updatedAt ?? null }]));
  }

  /**
   * The widget's measures summed over the unit's month rows of the scopes from `from` to `to`, and their last change:
   * one statement (a parent's own and 'sub' rows together), so one round trip on PostgreSQL.
   */
  async widgetSums(
    db: Conn,
    unitId: number,
    from: Month,
    to: Month,
    scopes: readonly Scope[],
  ): Promise<{ processed: number; early: number; onTime: number; late: number; updatedAt: string | null }> {
    const part = (scope: Scope) =>
      db
        .selectFrom(MONTHS[scope] as 'dossierStatMonth') // same columns
        .select(['updatedAt', 'processed', 'early', 'onTime', 'late'])
        .where('unitId', '=', unitId)
        .where('month', '>=', from)
        .where('month', '<=', to);
    const [first, ...rest] = scopes.map(part);
    const rows = rest.reduce((q, r) => q.unionAll(r), first!); // at least 'own'
    const row = await db
      .selectFrom(rows.as('m'))
      .select((eb) => [
        eb.fn.max('m.updatedAt').as('updatedAt'),
        eb.fn.sum<number>('m.processed').as('processed'),
        eb.fn.sum<number>('m.early').as('early'),
        eb.fn.sum<number>('m.onTime').as('onTime'),
        eb.fn.sum<number>('m.late').as('late'),
      ])
      .executeTakeFirst();
    return {
      processed: Number(row?.processed ?? 0),
      early: Number(row?.early ?? 0),
      onTime: Number(row?.onTime ?? 0),
      late: Number(row?.late ?? 0),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** The unit's month rows of the scope from `from` to `to`, by month. */
  async monthsOf(
    db: Conn,
    unitId: number,
    scope: Scope,
    from: Month,
    to: Month,
  ): Promise<Map<Month, Measures>> {
    const rows = await db
      .selectFrom(MONTHS[scope] as 'dossierStatMonth') // same columns
      .selectAll()
      .where('unitId', '=', unitId)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .execute();
    return new Map(rows.map((r) => [r.month, sumsOf(r)]));
  }

  /**
   * Per unit, the sums of its day rows of the scope ('own': dossier_stat_day; 'sub': dossier_stat_sub_day) within any
   * of `ranges` (both ends included).
   */
  async sumDays(
    db: Conn,
    unitIds: readonly number[],
    ranges: readonly DayRange[],
    scope: Scope = 'own',
  ): Promise<Map<number, Measures>> {
    if (unitIds.length === 0 || ranges.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom(DAYS[scope] as 'dossierStatSubDay') // the measure columns are common
      .select((eb) => ['unitId', ...MEASURES.map((k) => eb.fn.sum<number>(k).as(k))])
      .where('unitId', 'in', [...unitIds])
      .where((eb) => eb.or(ranges.map((r) => eb.and([eb('day', '>=', r.from), eb('day', '<=', r.to)]))))
      .groupBy('unitId')
      .execute();
    return new Map(rows.map((r) => [r.unitId, sumsOf(r)]));
  }

  /** Per group of a dimension, the unit's month rows of the scope from `from` (null: the first) to `to` summed. */
  async dimMonths(
    db: Conn,
    unitId: number,
    scope: Scope,
    dim: Dimension,
    from: Month | null,
    to: Month,
    measures: readonly Measure[],
  ): Promise<Map<string, Partial<Measures>>> {
    let q = db
      .selectFrom('dossierStatMonthDim')
      .select((eb) => ['dimKey', ...measures.map((k) => eb.fn.sum<number>(k).as(k))])
      .where('unitId', '=', unitId)
      .where('scope', '=', scope)
      .where('dimension', '=', dim)
      .where('month', '<=', to)
      .groupBy('dimKey');
    if (from !== null) {
      q = q.where('month', '>=', from);
    }
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.dimKey, pick(r, measures)]));
  }

  /** Per group of a dimension, the own day rows of the units within any of `ranges` summed. */
  async dimDays(
    db: Conn,
    unitIds: readonly number[],
    dim: Dimension,
    ranges: readonly DayRange[],
    measures: readonly Measure[],
  ): Promise<Map<string, Partial<Measures>>> {
    if (unitIds.length === 0 || ranges.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom('dossierStatDay')
      .select((eb) => [
        sql<string>`${sql.ref(dim)}`.as('groupKey'),
        ...measures.map((k) => eb.fn.sum<number>(k).as(k)),
      ])
      .where('unitId', 'in', [...unitIds])
      .where((eb) => eb.or(ranges.map((r) => eb.and([eb('day', '>=', r.from), eb('day', '<=', r.to)]))))
      .groupBy(dim)
      .execute();
    return new Map(rows.map((r) => [String(r.groupKey), pick(r, measures)]));
  }

  /**
   * Per month, or per month and group of a dimension (`${month}|${key}`), the unit's day rows of the scope summed:
   * what its month rows must hold (`congxa stats verify`). The 'sub' day rows have no dimension.
   */
  async dayTotals(
    db: Conn,
    unitId: number,
    scope: Scope,
    dim: Dimension | null,
  ): Promise<Map<string, Measures>> {
    const month = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
    const group = dim === null ? sql<string>`''` : sql<string>`${sql.ref(dim)}`;
    const rows = await db
      .selectFrom(DAYS[scope] as 'dossierStatDay') // dim is null for the 'sub' rows
      .select((eb) => [
        month.as('month'),
        group.as('groupKey'),
        ...MEASURES.map((k) => eb.fn.sum<number>(k).as(k)),
      ])
      .where('unitId', '=', unitId)
      .groupBy(dim === null ? [month] : [month, group])
      .execute();
    return new Map(rows.map((r) => [`${r.month}|${dim === null ? '' : String(r.groupKey)}`, sumsOf(r)]));
  }

  /** The unit's month rows of the scope, keyed as `dayTotals` keys them. */
  async monthRows(
    db: Conn,
    unitId: number,
    scope: Scope,
    dim: Dimension | null,
  ): Promise<Map<string, Measures>> {
    if (dim === null) {
      const rows = await db
        .selectFrom(MONTHS[scope] as 'dossierStatMonth') // same columns
        .selectAll()
        .where('unitId', '=', unitId)
        .execute();
      return new Map(rows.map((r) => [`${r.month}|`, sumsOf(r)]));
    }
    const rows = await db
      .selectFrom('dossierStatMonthDim')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('scope', '=', scope)
      .where('dimension', '=', dim)
      .execute();
    return new Map(rows.map((r) => [`${r.month}|${r.dimKey}`, sumsOf(r)]));
  }

  /** Procedure codes that received an online dossier within [from, to] (Decision 766 indicator 3.2). */
  async proceduresUsedOnline(
    db: Conn,
    unitIds: readonly number[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<string[]> {
    if (unitIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('dossierStatDay')
      .select('procedureCode')
      .distinct()
      .where('unitId', 'in', [...unitIds])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('channel', '=', 'online')
      .where('received', '>', 0)
      .execute();
    return rows.map((r) => r.procedureCode);
  }

  async isBuilt(db: Conn): Promise<boolean> {
    const row = await db
      .selectFrom('dossierStatState')
      .select('key')
      .where('key', '=', 'built')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Empties every aggregate table (a rebuild), and forgets that they were built. */
  async clear(trx: Conn): Promise<void> {
    for (const t of ALL_TABLES) {
      await trx.deleteFrom(t).execute();
    }
    await trx.deleteFrom('dossierStatState').where('key', '=', 'built').execute();
  }

  async markBuilt(trx: Conn, at: string): Promise<void> {
    await trx
      .insertInto('dossierStatState')
      .values({ key: 'built', at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ at }))
      .execute();
  }

  /**
   * Writes one stored roll-up figure directly (a month row of a dimension, or a 'sub' month row): only for tests and
   * `verify` demonstrations of a corrupted aggregate.
   */
  async setRollupMeasure(
    db: Conn,
    key:
      | { table: 'monthDim'; unitId: number; scope: Scope; dimension: Dimension; month: Month; key: string }
      | { table: 'subMonth'; unitId: number; month: Month },
    measure: Measure,
    value: number,
  ): Promise<number> {
    const r =
      key.table === 'subMonth'
        ? await db
            .updateTable('dossierStatSubMonth')
            .set({ [measure]: value })
            .where('unitId', '=', key.unitId)
            .where('month', '=', key.month)
            .executeTakeFirst()
        : await db
            .updateTable('dossierStatMonthDim')
            .set({ [measure]: value })
            .where('unitId', '=', key.unitId)
            .where('scope', '=', key.scope)
            .where('dimension', '=', key.dimension)
            .where('month', '=', key.month)
            .where('dimKey', '=', key.key)
            .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Writes one stored figure directly: only for tests and `verify` demonstrations of a corrupted aggregate. */
  async setDayMeasure(
    db: Conn,
    key: { unitId: number; day: LocalDate } & StatDims,
    measure: Measure,
    value: number,
  ): Promise<number> {
    const r = await db
      .updateTable('dossierStatDay')
      .set({ [measure]: value })
      .where('unitId', '=', key.unitId)
      .where('day', '=', key.day)
      .where('procedureCode', '=', key.procedureCode)
      .where('procedureField', '=', key.procedureField)
      .where('channel', '=', key.channel)
      .where('officerId', '=', key.officerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

/** `col = table.col + excluded.col` for each measure. */
function incrementsOf(table: StatTable) {
  return Object.fromEntries(
    MEASURES.map((k) => [k, sql<number>`${sql.ref(`${table}.${k}`)} + ${sql.ref(`excluded.${k}`)}`]),
  );
}
