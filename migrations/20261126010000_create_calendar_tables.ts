import { sql } from 'kysely';
import { dateType, instantType, nowDefault, withId, type AnyDb } from './helpers.js';

/**
 * The working calendar's data (issue #3, ADR 0006): the yearly civil-service holiday notices, one row per entry,
 * deployment-wide (the province admin edits them), and each unit's office hours (absent → the rules' default).
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);
  const date = dateType(db);

  await db.schema
    .createTable('calendar_notice')
    .$call(withId(db))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1976 and 2198`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('off_from', date)
    .addColumn('off_to', date)
    // JSON array of 'YYYY-MM-DD' dates: Saturdays (or Sundays) that become working days.
    .addColumn('make_up_workdays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('confidence', 'text', (c) =>
      c.notNull().check(sql`confidence in ('sourced', 'unverified', 'unknown')`),
    )
    // JSON array of holiday ids the entry replaces; null → read from the name.
    .addColumn('covers', 'text')
    .addColumn('note', 'text')
    // Where the entry comes from: the letter's number and date, or a URL.
    .addColumn('source', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addCheckConstraint(
      'calendar_notice_off_range',
      sql`(off_from is null and off_to is null) or (off_from is not null and off_to is not null and off_from <= off_to)`,
    )
    .execute();
  await db.schema
    .createIndex('calendar_notice_year')
    .on('calendar_notice')
    .columns(['year', 'position'])
    .execute();

  await db.schema
    .createTable('unit_office_hours')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('unit.id').onDelete('cascade'))
    // OfficeHours as JSON: { working: [{start, end}], receivingOnly: { "6": [{start, end}] } } in minutes.
    .addColumn('hours_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('unit_office_hours').execute();
  await db.schema.dropTable('calendar_notice').execute();
}
