import { sql } from 'kysely';
import type { Conn } from '../../platform/db.js';
import type { OnlineLevel, TemplateMime, TimeLimitKind } from './procedures.model.js';

/** A word of `search_text` starting with the folded token (the column is padded with spaces and folded). */
function likeWordPrefix(token: string) {
  const escaped = token.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`${sql.ref('procedure.searchText')} like ${`% ${escaped}%`} escape '\\'`;
}

export type ProcedureFilter = {
  unitId: number;
  tokens: readonly string[];
  field?: string | undefined;
  level?: OnlineLevel | undefined;
  publishedOnly: boolean;
};

const LIST_COLUMNS = [
  'id',
  'code',
  'name',
  'field',
  'onlineLevel',
  'published',
  'confidence',
  'updatedAt',
] as const;

export type ProcedureWrite = {
  code: string;
  name: string;
  searchText: string;
  field: string;
  onlineLevel: OnlineLevel;
  timeLimitKind: 'working_days' | 'same_day' | 'calendar_days' | 'working_hours';
  timeLimitAmount: number;
  after15: number;
  feeKind: 'fixed' | 'per_page' | 'exempt';
  feeVnd: number | null;
  feePerPageVnd: number | null;
  feeCapVnd: number | null;
  feeNote: string | null;
  documents: string;
  legalBasis: string | null;
  resultType: string | null;
  steps: string;
  confidence: 'sourced' | 'unverified' | 'unknown';
  sourceNote: string | null;
  published: number;
  /** Left out (undefined) by an import whose file has no online columns: the stored values stay. */
  onlineTimeLimitKind?: TimeLimitKind | null;
  onlineTimeLimitAmount?: number | null;
};

export type TemplateWrite = {
  documentName: string;
  storageKey: string;
  fileName: string;
  mime: TemplateMime;
  size: number;
  uploadedAt: string;
  uploadedBy: number | null;
};

const TEMPLATE_COLUMNS = [
  'id',
  'procedureId',
  'documentName',
  'storageKey',
  'fileName',
  'mime',
  'size',
  'uploadedAt',
] as const;

/** SQL of the procedure catalogue. */
export class ProceduresRepository {
  private filtered(db: Conn, f: ProcedureFilter) {
    let q = db.selectFrom('procedure').where('procedure.unitId', '=', f.unitId);
    if (f.publishedOnly) {
      q = q.where('procedure.published', '=', 1);
    }
    if (f.field !== undefined) {
      q = q.where('procedure.field', '=', f.field);
    }
    if (f.level !== undefined) {
      q = q.where('procedure.onlineLevel', '=', f.level);
    }
    if (f.tokens.length > 0) {
      q = q.where((eb) => eb.and(f.tokens.map((t) => likeWordPrefix(t))));
    }
    return q;
  }

  async count(db: Conn, f: ProcedureFilter): Promise<number> {
    const row = await this.filtered(db, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  list(db: Conn, f: ProcedureFilter, limit: number, offset: number) {
    let q = this.filtered(db, f).select(LIST_COLUMNS.map((c) => `procedure.${c}` as const));
    if (f.tokens.length > 1) {
      // The whole phrase first: "dang ky khai sinh" puts Đăng ký khai sinh before Đăng ký lại khai sinh.
      q = q.orderBy(sql`case when ${likeWordPrefix(f.tokens.join(' '))} then 0 else 1 end`);
    }
    return q.orderBy('procedure.field').orderBy('procedure.code').limit(limit).offset(offset).execute();
  }

  async fields(db: Conn, unitId: number, publishedOnly: boolean): Promise<string[]> {
    let q = db.selectFrom('procedure').select('field').distinct().where('unitId', '=', unitId);
    if (publishedOnly) {
      q = q.where('published', '=', 1);
    }
    const rows = await q.orderBy('field').execute();
    return rows.map((r) => r.field);
  }

  byCode(db: Conn, unitId: number, code: string) {
    return db
      .selectFrom('procedure')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  async codesOf(trx: Conn, unitId: number, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) {
      return new Set();
    }
    const rows = await trx
      .selectFrom('procedure')
      .select('code')
      .where('unitId', '=', unitId)
      .where('code', 'in', codes)
      .execute();
    return new Set(rows.map((r) => r.code));
  }

  async insert(trx: Conn, unitId: number, w: ProcedureWrite, at: string, by: number | null): Promise<number> {
    const row = await trx
      .insertInto('procedure')
      .values({ ...w, unitId, createdAt: at, updatedAt: at, updatedBy: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Conn, unitId: number, w: ProcedureWrite, at: string, by: number | null): Promise<void> {
    // Kysely leaves undefined values out of the SET list (the online columns of an import without them).
    await trx
      .updateTable('procedure')
      .set({ ...w, updatedAt: at, updatedBy: by })
      .where('unitId', '=', unitId)
      .where('code', '=', w.code)
      .execute();
  }

  async setPublished(trx: Conn, id: number, published: 0 | 1, at: string, by: number): Promise<void> {
    await trx
      .updateTable('procedure')
      .set({ published, updatedAt: at, updatedBy: by })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a procedure; its templates' rows go with it (ON DELETE CASCADE). */
  async delete(trx: Conn, id: number): Promise<void> {
    await trx.deleteFrom('procedure').where('id', '=', id).execute();
  }

  /** The published procedures of a unit for its site maps: code, name and last change, by code. */
  published(db: Conn, unitId: number) {
    return db
      .selectFrom('procedure')
      .select(['code', 'name', 'updatedAt'])
      .where('unitId', '=', unitId)
      .where('published', '=', 1)
      .orderBy('code')
      .execute();
  }

  templatesOf(db: Conn, procedureId: number) {
    return db
      .selectFrom('procedureTemplate')
      .select(TEMPLATE_COLUMNS)
      .where('procedureId', '=', procedureId)
      .orderBy('id')
      .execute();
  }

  templateById(db: Conn, procedureId: number, id: number) {
    return db
      .selectFrom('procedureTemplate')
      .select(TEMPLATE_COLUMNS)
      .where('procedureId', '=', procedureId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  templateOfDocument(db: Conn, procedureId: number, documentName: string) {
    return db
      .selectFrom('procedureTemplate')
      .select(TEMPLATE_COLUMNS)
      .where('procedureId', '=', procedureId)
      .where('documentName', '=', documentName)
      .executeTakeFirst();
  }

  async insertTemplate(trx: Conn, procedureId: number, w: TemplateWrite): Promise<number> {
    const row = await trx
      .insertInto('procedureTemplate')
      .values({ ...w, procedureId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateTemplate(trx: Conn, id: number, w: TemplateWrite): Promise<void> {
    await trx.updateTable('procedureTemplate').set(w).where('id', '=', id).execute();
  }

  async deleteTemplate(trx: Conn, id: number): Promise<void> {
    await trx.deleteFrom('procedureTemplate').where('id', '=', id).execute();
  }

  async insertImport(
    trx: Conn,
    r: {
      unitId: number;
      fileName: string | null;
      rowCount: number;
      createdCount: number;
      updatedCount: number;
      rejected: string;
      createdAt: string;
      createdBy: number | null;
    },
  ): Promise<number> {
    const row = await trx.insertInto('procedureImport').values(r).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  importById(db: Conn, unitId: number, id: number) {
    return db
      .selectFrom('procedureImport')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
