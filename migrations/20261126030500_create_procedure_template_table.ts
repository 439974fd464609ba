import { sql } from 'kysely';
import { instantType, withId, type AnyDb } from './helpers.js';

/**
 * Template files of a procedure's documents (issue #3 item 2): the official form of a document ("Tờ khai đăng ký
 * khai sinh") as PDF, DOC, DOCX or ODT, kept in FileStorage and offered for download on the public procedure page.
 *
 * A table rather than a field inside `procedure.documents`: the catalogue import and the admin form rewrite that JSON
 * on every save, uploading or removing a template is a use-case of its own with its own audit row, and the rows go
 * with their procedure (ON DELETE CASCADE; the service removes the stored files). A template belongs to a document by
 * the document's name, so it survives a re-import or an edit that keeps the name; the admin lists templates whose
 * document is gone so that they can be removed.
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('procedure_template')
    .$call(withId(db))
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('procedure.id').onDelete('cascade'))
    // The document's name in the procedure (an entry of procedure.documents).
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    // The name the file was uploaded with (cleaned), sent back in Content-Disposition.
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Sniffed from the bytes at upload, never taken from the browser.
    .addColumn('mime', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`mime in ('application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text')`,
        ),
    )
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('uploaded_at', instant, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addUniqueConstraint('procedure_template_document', ['procedure_id', 'document_name'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('procedure_template').execute();
}
