import { sql } from 'kysely';
import { instantType, type AnyDb } from './helpers.js';

/**
 * Roll-ups of the results aggregates (issue #4, ADR 0009), kept in the same transaction as dossier_stat_day and
 * dossier_stat_month, so that a district or province page, and any breakdown, reads a few rows of one unit instead of
 * every day row of its subtree:
 *
 * - dossier_stat_month_dim: per unit, scope, dimension (procedureCode, procedureField, channel, officerId), month and
 *   key, the same measures. Scope 'own' holds the unit's own dossiers; 'sub' those of every unit under it.
 * - dossier_stat_sub_month: per unit and month, the measures of the dossiers of every unit under it (updated_at as in
 *   dossier_stat_month).
 * - dossier_stat_sub_day: per unit and local day, the same, without dimensions (parents' figures over any range).
 *
 * A unit with no unit under it has no 'sub' rows. A database with dossiers loses its 'built' marker, so the next start
 * rebuilds every aggregate (the rollups included) from the event logs.
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
  let dim = db.schema
    .createTable('dossier_stat_month_dim')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('own', 'sub')`))
    .addColumn('dimension', 'text', (c) =>
      c.notNull().check(sql`dimension in ('procedureCode', 'procedureField', 'channel', 'officerId')`),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('dim_key', 'text', (c) => c.notNull());
  for (const m of STAT_MEASURES) {
    dim = dim.addColumn(m, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await dim
    .addPrimaryKeyConstraint('dossier_stat_month_dim_pk', [
      'unit_id',
      'scope',
      'dimension',
      'month',
      'dim_key',
    ])
    .execute();

  let month = db.schema
    .createTable('dossier_stat_sub_month')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull());
  for (const m of STAT_MEASURES) {
    month = month.addColumn(m, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await month
    .addColumn('updated_at', instant)
    .addPrimaryKeyConstraint('dossier_stat_sub_month_pk', ['unit_id', 'month'])
    .execute();

  let day = db.schema
    .createTable('dossier_stat_sub_day')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull());
  for (const m of STAT_MEASURES) {
    day = day.addColumn(m, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await day.addPrimaryKeyConstraint('dossier_stat_sub_day_pk', ['unit_id', 'day']).execute();

  const some = await db.selectFrom('dossier').select('id').limit(1).executeTakeFirst();
  if (some !== undefined) {
    await db.deleteFrom('dossier_stat_state').where('key', '=', 'built').execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_stat_sub_day').execute();
  await db.schema.dropTable('dossier_stat_sub_month').execute();
  await db.schema.dropTable('dossier_stat_month_dim').execute();
}
