import { sql } from 'kysely';
import { instantType, type AnyDb } from './helpers.js';

/**
 * The results of administrative procedures (issue #4, docs/statistics.md): aggregates kept current in the transaction
 * of every dossier change (src/modules/stats/stats-recorder.ts), so that no page view scans the dossiers.
 *
 * - dossier_stat_day: per unit, local day (YYYY-MM-DD) and dimension (procedure, its field, channel, officer; officer 0
 *   when none), the flows of that day (received, processed early/on time/late, …) and the day-deltas of the stocks
 *   (open, overdue, waiting for supplement), whose running sum is the stock at the end of a day.
 * - dossier_stat_month: the same measures per unit and month (YYYY-MM) without dimensions, for the widget, roll-ups
 *   and whole months; updated_at is the last change of the widget's figures (processed, early, on time, late).
 * - dossier_stat_state: one row per key; 'built' says the aggregates hold every dossier (else start-up rebuilds them).
 */
const STAT_MEASURES = [
  'received',
  'received_online',
  'received_post',
  'processed',
  'early',
  'on_time',
  'late',
  'resolved',
  'refused',
  'withdrawn',
  'stopped',
  'supp_zero',
  'supp_one',
  'processed_remote',
  'elapsed_minutes',
  'allowed_minutes',
  'fee_due',
  'paid_online',
  'e_result',
  'digitised',
  'open_delta',
  'overdue_delta',
  'supplement_delta',
] as const;

export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);
  let day = db.schema
    .createTable('dossier_stat_day')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_field', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('counter', 'online', 'post')`))
    .addColumn('officer_id', 'integer', (c) => c.notNull());
  for (const m of STAT_MEASURES) {
    day = day.addColumn(m, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await day
    .addPrimaryKeyConstraint('dossier_stat_day_pk', [
      'unit_id',
      'day',
      'procedure_code',
      'procedure_field',
      'channel',
      'officer_id',
    ])
    .execute();

  let month = db.schema
    .createTable('dossier_stat_month')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull());
  for (const m of STAT_MEASURES) {
    month = month.addColumn(m, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await month
    .addColumn('updated_at', instant)
    .addPrimaryKeyConstraint('dossier_stat_month_pk', ['unit_id', 'month'])
    .execute();

  await db.schema
    .createTable('dossier_stat_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  // A database without dossiers is built already; one with dossiers is rebuilt at the next start (prepare()).
  const some = await db.selectFrom('dossier').select('id').limit(1).executeTakeFirst();
  if (some === undefined) {
    await db
      .insertInto('dossier_stat_state')
      .values({ key: 'built', at: new Date().toISOString() })
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_stat_state').execute();
  await db.schema.dropTable('dossier_stat_month').execute();
  await db.schema.dropTable('dossier_stat_day').execute();
}
