import { sql } from 'kysely';
import { flag, instantType, nowDefault, withId, type AnyDb } from './helpers.js';

/**
 * The procedure catalogue (issue #3 item 2): each unit's administrative procedures, keyed by their national code, and
 * the reports of the catalogue imports (rows taken and rows rejected, shown after the import).
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('procedure')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    // The national TTHC code, e.g. 1.001193.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Folded code, name and field, padded with spaces (search-text.ts).
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('online_level', 'text', (c) =>
      c.notNull().check(sql`online_level in ('toan_trinh', 'mot_phan', 'truc_tiep')`),
    )
    .addColumn('time_limit_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`time_limit_kind in ('working_days', 'same_day', 'calendar_days', 'working_hours')`),
    )
    .addColumn('time_limit_amount', 'integer', (c) =>
      c.notNull().check(sql`time_limit_amount between 0 and 100000`),
    )
    .addColumn('after15', 'integer', flag('after15'))
    .addColumn('fee_kind', 'text', (c) => c.notNull().check(sql`fee_kind in ('fixed', 'per_page', 'exempt')`))
    // null with 'fixed': the amount is set elsewhere (fee_note says where).
    .addColumn('fee_vnd', 'integer', (c) => c.check(sql`fee_vnd >= 0`))
    .addColumn('fee_per_page_vnd', 'integer', (c) => c.check(sql`fee_per_page_vnd >= 0`))
    .addColumn('fee_cap_vnd', 'integer', (c) => c.check(sql`fee_cap_vnd >= 0`))
    .addColumn('fee_note', 'text')
    // JSON array of { name, original: true | false | null, required }.
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('legal_basis', 'text')
    .addColumn('result_type', 'text')
    // JSON array of { name, share } (share of the time limit, in percent).
    .addColumn('steps', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('confidence', 'text', (c) =>
      c.notNull().check(sql`confidence in ('sourced', 'unverified', 'unknown')`),
    )
    .addColumn('source_note', 'text')
    .addColumn('published', 'integer', flag('published'))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addUniqueConstraint('procedure_unit_code', ['unit_id', 'code'])
    .execute();
  await db.schema.createIndex('procedure_unit_field').on('procedure').columns(['unit_id', 'field']).execute();

  await db.schema
    .createTable('procedure_import')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('file_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created_count', 'integer', (c) => c.notNull())
    .addColumn('updated_count', 'integer', (c) => c.notNull())
    // JSON array of { row, column, message }.
    .addColumn('rejected', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('created_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('procedure_import').execute();
  await db.schema.dropTable('procedure').execute();
}
