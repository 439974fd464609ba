import { instantType, nowDefault, withId, type AnyDb } from './helpers.js';

/**
 * API tokens of staff accounts (issue #3 item 9): an integration calls /api/v1 with `Authorization: Bearer cx_…`.
 * Only the SHA-256 of a token is stored; `prefix` (its first characters) lets people tell their tokens apart.
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('api_token')
    .$call(withId(db))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    // sha256 (hex) of the whole token; the token itself is shown once and never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    // null when created from the command line.
    .addColumn('created_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('expires_at', instant)
    .addColumn('last_used_at', instant)
    .addColumn('revoked_at', instant)
    .execute();
  await db.schema.createIndex('api_token_account').on('api_token').column('account_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('api_token').execute();
}
