import { sql } from 'kysely';
import { instantType, nowDefault, withId, type AnyDb } from './helpers.js';

/**
 * The notification outbox (issue #3 item 7): every e-mail, SMS and Zalo message is first a row written in the
 * transaction of the change it reports (a dossier received, a supplement asked for, …), then sent by the dispatcher
 * outside any transaction, with retries. docs/notifications.md describes the columns and the life of a row.
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('notification')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    // No foreign key: the dossier table belongs to the dossiers module, and a notification outlives nothing there.
    .addColumn('dossier_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms', 'zalo')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    // JSON array of { fileName, mime, storageKey } (a file in FileStorage) or { fileName, mime, base64 } (inline).
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON object of template parameters for gateways that render their own template (Zalo ZNS), or null.
    .addColumn('params', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('receipt', 'supplement', 'result_ready', 'apology', 'other')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('sent_at', instant)
    .execute();
  // The dispatcher's query: due pending rows, oldest first.
  await db.schema
    .createIndex('notification_due')
    .on('notification')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('notification_dossier').on('notification').column('dossier_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notification').execute();
}
