import { sql } from 'kysely';
import { dateType, flag, instantType, isPg, nowDefault, withId, type AnyDb } from './helpers.js';

/** Units, accounts, sessions, the audit trail, and the portal's content and visit counts. */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('unit')
    .$call(withId(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('province', 'district', 'commune')`))
    .addColumn('parent_id', 'integer', (c) => c.references('unit.id').onDelete('restrict'))
    .addColumn('admin_code', 'text')
    .addColumn('agency_code', 'text')
    .addColumn('host', 'text', (c) => c.unique())
    .addColumn('is_default', 'integer', flag('is_default'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('editor_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('editor_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo_path', 'text')
    .addColumn('is_demo', 'integer', flag('is_demo'))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  // At most one default unit per deployment.
  await db.schema
    .createIndex('unit_one_default')
    .on('unit')
    .column('is_default')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();

  await db.schema
    .createTable('account')
    .$call(withId(db))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('staff', 'citizen')`))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', flag('disabled'))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', instant)
    .addColumn('last_sign_in_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await db.schema
    .createTable('account_role')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('admin', 'editor', 'chief_editor', 'one_stop_officer', 'specialist', 'leader', 'cchc_focal_point', 'appraiser', 'inspector')`,
        ),
    )
    .addPrimaryKeyConstraint('account_role_pk', ['account_id', 'unit_id', 'role'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie token; the token itself is never stored
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account').on('session').column('account_id').execute();

  await db.schema
    .createTable('audit_log')
    .$call(withId(db))
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_unit_at').on('audit_log').columns(['unit_id', 'at']).execute();
  // Append-only: the database itself refuses to change or remove an audit row.
  if (isPg(db)) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('media')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();

  await db.schema
    .createTable('category')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('show_on_home', 'integer', flag('show_on_home'))
    .addColumn('show_in_menu', 'integer', flag('show_in_menu'))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('category_unit_slug', ['unit_id', 'slug'])
    .execute();

  await db.schema
    .createTable('article')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('category.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    // The editorial workflow (issue: revisions and review) adds states; the check lists the ones that exist now.
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('featured', 'integer', flag('featured'))
    .addColumn('published_at', instant)
    .addColumn('author_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('article_unit_slug', ['unit_id', 'slug'])
    .execute();
  await db.schema
    .createIndex('article_unit_published')
    .on('article')
    .columns(['unit_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('article_category_published')
    .on('article')
    .columns(['category_id', 'status', 'published_at'])
    .execute();

  await db.schema
    .createTable('page')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('show_in_menu', 'integer', flag('show_in_menu'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('page_unit_slug', ['unit_id', 'slug'])
    .execute();

  await db.schema
    .createTable('visit_day')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('day', dateType(db), (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('visit_day_pk', ['unit_id', 'day'])
    .execute();
}

export function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reversed: restore a backup instead.');
}
