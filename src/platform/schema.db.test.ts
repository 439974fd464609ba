import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from '../../test/db.js';
import { AuditLog } from './audit.js';

/** The hand-written db-schema.ts must match what the migrations create (ADR 0004 stands in for codegen drift checks). */
const EXPECTED: Record<string, string[]> = {
  unit: [
    'id',
    'slug',
    'name',
    'kind',
    'parent_id',
    'admin_code',
    'agency_code',
    'host',
    'is_default',
    'full_name',
    'address',
    'phone',
    'email',
    'editor_name',
    'editor_title',
    'logo_path',
    'is_demo',
    'created_at',
    'updated_at',
  ],
  account: [
    'id',
    'kind',
    'username',
    'full_name',
    'email',
    'phone',
    'password_hash',
    'disabled',
    'failed_sign_ins',
    'locked_until',
    'last_sign_in_at',
    'created_at',
    'updated_at',
  ],
  account_role: ['account_id', 'unit_id', 'role'],
  session: ['id', 'account_id', 'created_at', 'expires_at'],
  api_token: [
    'id',
    'account_id',
    'name',
    'prefix',
    'token_hash',
    'created_at',
    'created_by',
    'expires_at',
    'last_used_at',
    'revoked_at',
  ],
  audit_log: [
    'id',
    'at',
    'actor_id',
    'actor_name',
    'unit_id',
    'action',
    'entity',
    'entity_id',
    'before_json',
    'after_json',
    'ip',
  ],
  media: [
    'id',
    'unit_id',
    'storage_key',
    'file_name',
    'mime',
    'size',
    'width',
    'height',
    'alt',
    'caption',
    'uploaded_by',
    'created_at',
  ],
  category: [
    'id',
    'unit_id',
    'slug',
    'name',
    'description',
    'position',
    'show_on_home',
    'show_in_menu',
    'created_at',
    'updated_at',
  ],
  article: [
    'id',
    'unit_id',
    'category_id',
    'slug',
    'title',
    'summary',
    'body_html',
    'cover_media_id',
    'status',
    'featured',
    'published_at',
    'author_id',
    'author_name',
    'search_text',
    'created_at',
    'updated_at',
  ],
  page: [
    'id',
    'unit_id',
    'slug',
    'title',
    'body_html',
    'position',
    'show_in_menu',
    'search_text',
    'created_at',
    'updated_at',
  ],
  visit_day: ['unit_id', 'day', 'count'],
  calendar_notice: [
    'id',
    'year',
    'position',
    'name',
    'off_from',
    'off_to',
    'make_up_workdays',
    'confidence',
    'covers',
    'note',
    'source',
    'updated_at',
    'updated_by',
  ],
  unit_office_hours: ['unit_id', 'hours_json', 'updated_at', 'updated_by'],
  procedure: [
    'id',
    'unit_id',
    'code',
    'name',
    'search_text',
    'field',
    'online_level',
    'time_limit_kind',
    'time_limit_amount',
    'after15',
    'fee_kind',
    'fee_vnd',
    'fee_per_page_vnd',
    'fee_cap_vnd',
    'fee_note',
    'documents',
    'legal_basis',
    'result_type',
    'steps',
    'confidence',
    'source_note',
    'published',
    'created_at',
    'updated_at',
    'updated_by',
    'online_time_limit_kind',
    'online_time_limit_amount',
  ],
  procedure_template: [
    'id',
    'procedure_id',
    'document_name',
    'storage_key',
    'file_name',
    'mime',
    'size',
    'uploaded_at',
    'uploaded_by',
  ],
  procedure_import: [
    'id',
    'unit_id',
    'file_name',
    'row_count',
    'created_count',
    'updated_count',
    'rejected',
    'created_at',
    'created_by',
  ],
  dossier_sequence: ['unit_id', 'day', 'last'],
  dossier: [
    'id',
    'unit_id',
    'code',
    'procedure_id',
    'procedure_code',
    'procedure_name',
    'procedure_field',
    'time_limit_kind',
    'time_limit_amount',
    'after15',
    'channel',
    'status',
    'applicant_name',
    'applicant_id_number',
    'applicant_phone',
    'applicant_email',
    'applicant_address',
    'request_summary',
    'documents',
    'sets',
    'return_method',
    'citizen_account_id',
    'received_by',
    'assignee_id',
    'submitted_at',
    'received_at',
    'due_at',
    'due_rule_version',
    'due_notice_revision',
    'due_provisional',
    'step_due_at',
    'supplement_count',
    'supplement_requested_at',
    'apology_count',
    'ended_at',
    'returned_at',
    'returned_via',
    'fee_vnd',
    'fee_paid_vnd',
    'fee_paid_at',
    'fee_method',
    'payment_ref',
    'search_text',
    'idempotency_key',
    'is_demo',
    'version',
    'created_at',
    'updated_at',
  ],
  dossier_event: [
    'id',
    'dossier_id',
    'at',
    'actor_id',
    'actor_name',
    'action',
    'from_status',
    'to_status',
    'reason',
    'due_at',
    'data',
  ],
  dossier_file: [
    'id',
    'dossier_id',
    'kind',
    'document_name',
    'file_name',
    'mime',
    'size',
    'storage_key',
    'uploaded_at',
    'uploaded_by',
  ],
  dossier_draft: [
    'id',
    'unit_id',
    'citizen_account_id',
    'procedure_code',
    'procedure_name',
    'form_key',
    'form_values',
    'files',
    'created_at',
    'updated_at',
  ],
  dossier_payment: [
    'id',
    'ref',
    'unit_id',
    'dossier_id',
    'gateway',
    'amount_vnd',
    'description',
    'status',
    'fee_recorded',
    'created_at',
    'paid_at',
    'notified_at',
    'notification',
  ],
  notification: [
    'id',
    'unit_id',
    'dossier_id',
    'channel',
    'recipient',
    'subject',
    'body_text',
    'body_html',
    'attachments',
    'params',
    'kind',
    'status',
    'attempts',
    'last_error',
    'next_attempt_at',
    'created_at',
    'sent_at',
  ],
};

describe(`migrated schema on ${TEST_DIALECT}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('has the tables and columns that db-schema.ts declares', async () => {
    const tables = await t.db.introspection.getTables();
    const actual = Object.fromEntries(
      tables
        .filter((tb) => !tb.name.startsWith('schema_migration'))
        .map((tb) => [tb.name, tb.columns.map((c) => c.name).sort()]),
    );
    // Later migrations add tables; every table and column listed above must be there exactly.
    for (const [table, columns] of Object.entries(EXPECTED)) {
      expect(actual[table], table).toEqual([...columns].sort());
    }
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const audit = new AuditLog();
    await audit.append(t.db, {
      at: new Date('2026-11-26T01:00:00Z'),
      actor: null,
      unitId: null,
      action: 'test.write',
      entity: 'test',
      entityId: 1,
      before: { a: 1 },
      after: { a: 2 },
    });
    await expect(sql`update audit_log set action = 'changed'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const rows = await t.db
      .selectFrom('auditLog')
      .select(['action', 'beforeJson', 'afterJson', 'at'])
      .execute();
    expect(rows).toEqual([
      { action: 'test.write', beforeJson: '{"a":1}', afterJson: '{"a":2}', at: '2026-11-26T01:00:00.000Z' },
    ]);
  });

  it('allows only one default unit', async () => {
    await t.db
      .insertInto('unit')
      .values({ slug: 'a', name: 'A', fullName: 'A', kind: 'commune', isDefault: 1 })
      .execute();
    await expect(
      t.db
        .insertInto('unit')
        .values({ slug: 'b', name: 'B', fullName: 'B', kind: 'commune', isDefault: 1 })
        .execute(),
    ).rejects.toThrow();
  });

  it('rejects a role that does not exist', async () => {
    const unit = await t.db.selectFrom('unit').select('id').where('slug', '=', 'a').executeTakeFirstOrThrow();
    const acc = await t.db
      .insertInto('account')
      .values({ kind: 'staff', username: 'x', fullName: 'X', passwordHash: 'h', email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('accountRole')
        .values({ accountId: acc.id, unitId: unit.id, role: 'superuser' })
        .execute(),
    ).rejects.toThrow();
  });
});
