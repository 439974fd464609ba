import type { Conn, Tx } from '../../../platform/db.js';

export type VisitCount = { unitId: number; day: string; count: number };

/** Daily page-view counts per unit (visit_day). */
export class VisitRepository {
  /** Adds counts to the stored ones: one statement, the same upsert on SQLite and PostgreSQL. */
  async addCounts(trx: Tx, rows: readonly VisitCount[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await trx
      .insertInto('visitDay')
      .values(rows.map((r) => ({ unitId: r.unitId, day: r.day, count: r.count })))
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'day'])
          .doUpdateSet((eb) => ({ count: eb('visitDay.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }

  /** All-time totals per unit. */
  async sumByUnit(db: Conn): Promise<{ unitId: number; total: number }[]> {
    const rows = await db
      .selectFrom('visitDay')
      .select((eb) => ['unitId', eb.fn.sum<number>('count').as('total')])
      .groupBy('unitId')
      .execute();
    return rows.map((r) => ({ unitId: r.unitId, total: Number(r.total) }));
  }

  /** Every unit's count for one calendar day. */
  findDay(db: Conn, day: string) {
    return db.selectFrom('visitDay').select(['unitId', 'count']).where('day', '=', day).execute();
  }
}
