import { sql } from 'kysely';
import { flag, instantType, isPg, nowDefault, withId, type AnyDb } from './helpers.js';

const STATUSES = `('submitted', 'received', 'processing', 'awaiting_approval', 'supplement_requested', 'done', 'returned', 'refused', 'withdrawn', 'stopped')`;

/**
 * The one-stop dossiers (issue #3 items 3–6): the dossier with its due date in force, the daily code sequence per
 * unit, the append-only event log every slip and statistic is computed from, and the files (scans, results).
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  // One row per unit and receipt day; the intake transaction increments it (upsert … returning).
  await db.schema
    .createTable('dossier_sequence')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull()) // YYMMDD, Vietnam time
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_sequence_pk', ['unit_id', 'day'])
    .execute();

  await db.schema
    .createTable('dossier')
    .$call(withId(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    // Null until the dossier is received (an online submission waits for the officer).
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('procedure_id', 'integer', (c) => c.references('procedure.id').onDelete('set null'))
    // What the procedure was at intake: the catalogue may change afterwards, the dossier keeps its terms.
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('procedure_field', 'text', (c) => c.notNull())
    .addColumn('time_limit_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`time_limit_kind in ('working_days', 'same_day', 'calendar_days', 'working_hours')`),
    )
    .addColumn('time_limit_amount', 'integer', (c) => c.notNull())
    .addColumn('after15', 'integer', flag('after15'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('counter', 'online', 'post')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in ${STATUSES}`)))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text')
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_email', 'text')
    .addColumn('applicant_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('request_summary', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of { name, original: boolean | null, copies, provided }: the documents the officer ticked.
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sets', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('return_method', 'text', (c) =>
      c.notNull().check(sql`return_method in ('counter', 'electronic', 'post')`),
    )
    .addColumn('citizen_account_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('received_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('assignee_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('submitted_at', instant, (c) => c.notNull())
    .addColumn('received_at', instant)
    // The due date in force (the last one computed) and what computed it.
    .addColumn('due_at', instant)
    .addColumn('due_rule_version', 'text')
    .addColumn('due_notice_revision', 'text')
    .addColumn('due_provisional', 'integer', flag('due_provisional'))
    .addColumn('step_due_at', instant)
    .addColumn('supplement_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supplement_requested_at', instant)
    .addColumn('apology_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The first instant processing ended (done, returned, refused, withdrawn, stopped): Decision 766's end time.
    .addColumn('ended_at', instant)
    .addColumn('returned_at', instant)
    .addColumn('returned_via', 'text', (c) => c.check(sql`returned_via in ('counter', 'electronic', 'post')`))
    .addColumn('fee_vnd', 'integer', (c) => c.check(sql`fee_vnd >= 0`))
    .addColumn('fee_paid_vnd', 'integer', (c) => c.check(sql`fee_paid_vnd >= 0`))
    .addColumn('fee_paid_at', instant)
    .addColumn('fee_method', 'text')
    .addColumn('payment_ref', 'text')
    // Folded code, applicant and procedure name, padded with spaces (staff search).
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    // A retried or double-clicked submission carries the same key and finds the dossier it made.
    .addColumn('idempotency_key', 'text')
    .addColumn('is_demo', 'integer', flag('is_demo'))
    // Optimistic concurrency: every change checks and bumps it.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_at', instant, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addUniqueConstraint('dossier_unit_idempotency', ['unit_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('dossier_unit_status_due')
    .on('dossier')
    .columns(['unit_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('dossier_unit_assignee')
    .on('dossier')
    .columns(['unit_id', 'assignee_id', 'status'])
    .execute();
  await db.schema
    .createIndex('dossier_unit_received')
    .on('dossier')
    .columns(['unit_id', 'received_at'])
    .execute();
  await db.schema.createIndex('dossier_unit_ended').on('dossier').columns(['unit_id', 'ended_at']).execute();
  await db.schema.createIndex('dossier_citizen').on('dossier').column('citizen_account_id').execute();

  await db.schema
    .createTable('dossier_event')
    .$call(withId(db))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossier.id').onDelete('cascade'))
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // The due date in force after the event.
    .addColumn('due_at', instant)
    // JSON: what else the event carries (assignee, documents asked for, new appointment, return method, fee…).
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('dossier_event_dossier')
    .on('dossier_event')
    .columns(['dossier_id', 'id'])
    .execute();
  // The event log is the dossier's history: append-only, like the audit trail.
  if (isPg(db)) {
    await sql`create function dossier_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'dossier_event is append-only'; end $$`.execute(db);
    await sql`create trigger dossier_event_no_update before update on dossier_event
      for each row execute function dossier_event_append_only()`.execute(db);
  } else {
    await sql`create trigger dossier_event_no_update before update on dossier_event
      begin select raise(abort, 'dossier_event is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('dossier_file')
    .$call(withId(db))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossier.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document', 'result')`))
    // The required document this file is for (its name in the procedure), or null.
    .addColumn('document_name', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_at', instant, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('dossier_file_dossier').on('dossier_file').column('dossier_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_file').execute();
  await db.schema.dropTable('dossier_event').execute();
  if (isPg(db)) {
    await sql`drop function if exists dossier_event_append_only()`.execute(db);
  }
  await db.schema.dropTable('dossier').execute();
  await db.schema.dropTable('dossier_sequence').execute();
}
