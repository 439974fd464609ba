import { sql } from 'kysely';
import type { Conn } from '../../platform/db.js';
import type { LocalDate } from '../calendar/local-time.js';
import type { StatDelta, StatDims } from './contribution.js';
import type { Month } from './stat-range.js';
import {
  addMeasures,
  MEASURES,
  STOCK_MEASURES,
  WIDGET_MEASURES,
  zeroMeasures,
  type Measure,
  type Measures,
} from './stat-measures.js';

/** A breakdown of the day aggregates. */
// Aliases are camelCase (flowReceived): the CamelCasePlugin maps result names back from snake_case.
export type Dimension = 'procedureField' | 'procedureCode' | 'channel' | 'officerId';

/**
 * Sums of one group over a period: its flows, and the stocks at the end of the day before it and at its end (the
 * stock measures of `before` and `end`; their flow measures are 0).
 */
export type PeriodSums = { flows: Measures; before: Measures; end: Measures };

const cap = (k: string): string => `${k[0]!.toUpperCase()}${k.slice(1)}`;

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
   * Adds day-rows of change and their month totals, in the caller's transaction. The month's updated_at moves to `at`
   * when a widget figure of that month changes (and never backwards).
   */
  async apply(trx: Conn, unitId: number, deltas: readonly StatDelta[], at: string): Promise<void> {
    const months = new Map<Month, Measures>();
    for (const d of deltas) {
      await this.upsertDay(trx, unitId, d.dims, d.day, d.measures);
      const month = d.day.slice(0, 7);
      months.set(month, addMeasures(months.get(month) ?? zeroMeasures(), d.measures));
    }
    for (const [month, m] of months) {
      const touched = WIDGET_MEASURES.some((k) => m[k] !== 0);
      await this.upsertMonth(trx, unitId, month, m, touched ? at : null);
    }
  }

  async upsertDay(
    trx: Conn,
    unitId: number,
    dims: StatDims,
    day: LocalDate,
    m: Partial<Measures>,
  ): Promise<void> {
    await trx
      .insertInto('dossierStatDay')
      .values({ unitId, day, ...dims, ...m })
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'day', 'procedureCode', 'procedureField', 'channel', 'officerId'])
          .doUpdateSet(incrementsOf('dossierStatDay', m)),
      )
      .execute();
  }

  async upsertMonth(
    trx: Conn,
    unitId: number,
    month: Month,
    m: Partial<Measures>,
    updatedAt: string | null,
  ): Promise<void> {
    await trx
      .insertInto('dossierStatMonth')
      .values({ unitId, month, ...m, updatedAt })
      .onConflict((oc) =>
        oc.columns(['unitId', 'month']).doUpdateSet({
          ...incrementsOf('dossierStatMonth', m),
          updatedAt: sql<string | null>`case when ${sql.ref('excluded.updatedAt')} is not null and (${sql.ref(
            'dossierStatMonth.updatedAt',
          )} is null or ${sql.ref('excluded.updatedAt')} > ${sql.ref('dossierStatMonth.updatedAt')}) then ${sql.ref(
            'excluded.updatedAt',
          )} else ${sql.ref('dossierStatMonth.updatedAt')} end`,
        }),
      )
      .execute();
  }

  /** Inserts freshly computed rows of a unit whose aggregates were cleared (a rebuild), in batches. */
  async insertBuilt(
    trx: Conn,
    unitId: number,
    days: readonly StatDelta[],
    months: ReadonlyMap<Month, { measures: Measures; updatedAt: string | null }>,
  ): Promise<void> {
    const BATCH = 200;
    for (let i = 0; i < days.length; i += BATCH) {
      await trx
        .insertInto('dossierStatDay')
        .values(days.slice(i, i + BATCH).map((d) => ({ unitId, day: d.day, ...d.dims, ...d.measures })))
        .execute();
    }
    const rows = [...months].map(([month, m]) => ({ unitId, month, ...m.measures, updatedAt: m.updatedAt }));
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('dossierStatMonth')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  }

  /** Per unit, the sums of the month rows from `from` (null: the first) to `to`, both included. */
  async sumMonths(
    db: Conn,
    unitIds: readonly number[],
    from: Month | null,
    to: Month,
  ): Promise<Map<number, Measures & { updatedAt: string | null }>> {
    if (unitIds.length === 0) {
      return new Map();
    }
    let q = db
      .selectFrom('dossierStatMonth')
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

  /** The widget's measures summed over the units' month rows from `from` to `to`, and their last change. */
  async widgetSums(
    db: Conn,
    unitIds: readonly number[],
    from: Month,
    to: Month,
  ): Promise<{ processed: number; early: number; onTime: number; late: number; updatedAt: string | null }> {
    const row = await db
      .selectFrom('dossierStatMonth')
      .select((eb) => [
        eb.fn.max('updatedAt').as('updatedAt'),
        eb.fn.sum<number>('processed').as('processed'),
        eb.fn.sum<number>('early').as('early'),
        eb.fn.sum<number>('onTime').as('onTime'),
        eb.fn.sum<number>('late').as('late'),
      ])
      .where('unitId', 'in', [...unitIds])
      .where('month', '>=', from)
      .where('month', '<=', to)
      .executeTakeFirst();
    return {
      processed: Number(row?.processed ?? 0),
      early: Number(row?.early ?? 0),
      onTime: Number(row?.onTime ?? 0),
      late: Number(row?.late ?? 0),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Per unit, the sums of the day rows within any of `ranges` (both ends included). */
  async sumDays(
    db: Conn,
    unitIds: readonly number[],
    ranges: readonly { from: LocalDate; to: LocalDate }[],
  ): Promise<Map<number, Measures>> {
    if (unitIds.length === 0 || ranges.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom('dossierStatDay')
      .select((eb) => ['unitId', ...MEASURES.map((k) => eb.fn.sum<number>(k).as(k))])
      .where('unitId', 'in', [...unitIds])
      .where((eb) => eb.or(ranges.map((r) => eb.and([eb('day', '>=', r.from), eb('day', '<=', r.to)]))))
      .groupBy('unitId')
      .execute();
    return new Map(rows.map((r) => [r.unitId, sumsOf(r)]));
  }

  /**
   * Figures of the units by a dimension over [from, to]: the flows within it (day rows of the period), and the stocks
   * at the end of the day before `from` (the stock deltas of every earlier day row) and at the end of `to` (those
   * plus the period's). Flow measures of `before` and `end` are 0: only the stocks are summed before the period.
   */
  async byDimension(
    db: Conn,
    unitIds: readonly number[],
    dim: Dimension,
    from: LocalDate,
    to: LocalDate,
  ): Promise<Map<string, PeriodSums>> {
    if (unitIds.length === 0) {
      return new Map();
    }
    const [flows, before] = await Promise.all([
      db
        .selectFrom('dossierStatDay')
        .select((eb) => [
          sql<string>`${sql.ref(dim)}`.as('groupKey'),
          ...MEASURES.map((k) => eb.fn.sum<number>(k).as(k)),
        ])
        .where('unitId', 'in', [...unitIds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .groupBy(dim)
        .execute(),
      db
        .selectFrom('dossierStatDay')
        .select((eb) => [
          sql<string>`${sql.ref(dim)}`.as('groupKey'),
          ...STOCK_MEASURES.map((k) => eb.fn.sum<number>(k).as(k)),
        ])
        .where('unitId', 'in', [...unitIds])
        .where('day', '<', from)
        .groupBy(dim)
        .execute(),
    ]);
    const out = new Map<string, PeriodSums>();
    const group = (key: string): PeriodSums => {
      let g = out.get(key);
      if (!g) {
        g = { flows: zeroMeasures(), before: zeroMeasures(), end: zeroMeasures() };
        out.set(key, g);
      }
      return g;
    };
    for (const r of flows) {
      group(String(r.groupKey)).flows = sumsOf(r);
    }
    for (const r of before) {
      const g = group(String(r.groupKey));
      for (const k of STOCK_MEASURES) {
        g.before[k] = Number(r[k] ?? 0);
      }
    }
    for (const g of out.values()) {
      for (const k of STOCK_MEASURES) {
        g.end[k] = g.before[k] + g.flows[k];
      }
    }
    return out;
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

  async clear(trx: Conn, unitIds?: readonly number[]): Promise<void> {
    if (unitIds === undefined) {
      await trx.deleteFrom('dossierStatDay').execute();
      await trx.deleteFrom('dossierStatMonth').execute();
      await trx.deleteFrom('dossierStatState').where('key', '=', 'built').execute();
    } else if (unitIds.length > 0) {
      await trx
        .deleteFrom('dossierStatDay')
        .where('unitId', 'in', [...unitIds])
        .execute();
      await trx
        .deleteFrom('dossierStatMonth')
        .where('unitId', 'in', [...unitIds])
        .execute();
    }
  }

  async markBuilt(trx: Conn, at: string): Promise<void> {
    await trx
      .insertInto('dossierStatState')
      .values({ key: 'built', at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ at }))
      .execute();
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

/** `col = table.col + excluded.col` for each measure of the delta. */
function incrementsOf(table: 'dossierStatDay' | 'dossierStatMonth', m: Partial<Measures>) {
  return Object.fromEntries(
    (Object.keys(m) as Measure[]).map((k) => [
      k,
      sql<number>`${sql.ref(`${table}.${k}`)} + ${sql.ref(`excluded.${k}`)}`,
    ]),
  );
}
