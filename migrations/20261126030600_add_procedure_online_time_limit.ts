import { sql } from 'kysely';
import type { AnyDb } from './helpers.js';

/**
 * The time limit of a procedure for dossiers submitted online, when it differs from the one at the counter
 * (ThoiGianThucHienTrucTuyen, domain.md §1.5). Both columns null: online dossiers have the procedure's own limit;
 * the check on the second column keeps the two set or null together.
 * The 15:00 rule is the procedure's (`after15`) for both channels.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('procedure')
    .addColumn('online_time_limit_kind', 'text', (c) =>
      c.check(sql`online_time_limit_kind in ('working_days', 'same_day', 'calendar_days', 'working_hours')`),
    )
    .execute();
  await db.schema
    .alterTable('procedure')
    .addColumn('online_time_limit_amount', 'integer', (c) =>
      c.check(
        sql`(online_time_limit_amount is null and online_time_limit_kind is null) or (online_time_limit_amount is not null and online_time_limit_kind is not null and online_time_limit_amount between 0 and 100000)`,
      ),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('procedure').dropColumn('online_time_limit_amount').execute();
  await db.schema.alterTable('procedure').dropColumn('online_time_limit_kind').execute();
}
