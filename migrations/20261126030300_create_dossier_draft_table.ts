import { instantType, withId, type AnyDb } from './helpers.js';

/**
 * Drafts of online submissions (issue #3 item 3: "save and resume later"). A draft belongs to one citizen account and
 * one unit, holds what the citizen typed and the files already uploaded (kept in FileStorage until the dossier is
 * submitted or the draft deleted), and carries the form's idempotency key: the dossier made from it gets that key, so
 * a retried or double-clicked submission finds the dossier it made.
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('dossier_draft')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('citizen_account_id', 'integer', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    // Generated when the form is first shown; becomes the dossier's idempotency_key at submission.
    .addColumn('form_key', 'text', (c) => c.notNull().unique())
    // JSON object: the form's text fields as typed (name, idNumber, phone, email, address, requestSummary, returnMethod).
    .addColumn('form_values', 'text', (c) => c.notNull().defaultTo('{}'))
    // JSON array of { document (index in the procedure), documentName, fileName, mime, size, storageKey }.
    .addColumn('files', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_draft_citizen')
    .on('dossier_draft')
    .columns(['citizen_account_id', 'unit_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_draft').execute();
}
