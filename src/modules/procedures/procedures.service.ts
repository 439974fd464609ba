import type { Actor } from '../accounts/actor.js';
import { fold } from '../../platform/fold.js';
import { NotFoundError } from '../../platform/errors.js';
import { searchTextOf } from '../portal/search-text.js';
import { readProcedureCsv, type CsvImport, type RejectedRow } from './procedure-csv.js';
import { readProcedureXlsx } from './procedure-xlsx.js';
import { procedureMessages } from './procedures.messages.js';
import type { ProceduresDeps } from './procedures.module.js';
import {
  isProcedureCode,
  type Fee,
  type OnlineLevel,
  type ProcedureDocument,
  type ProcedureInput,
  type ProcedureStep,
} from './procedures.model.js';
import { ProceduresRepository, type ProcedureWrite } from './procedures.repository.js';

export const PAGE_SIZE = 20;
const MAX_TOKENS = 12;
export const MAX_CSV_CHARS = 2 * 1024 * 1024;

export type ProcedureQuery = {
  q: string;
  field?: string | undefined;
  level?: OnlineLevel | undefined;
  page: number;
};

/** A procedure as the pages show it, with its JSON columns read. */
export type Procedure = ProcedureInput & { id: number; updatedAt: string };

export type ImportOutcome =
  | { ok: true; importId: number; created: number; updated: number; rejected: RejectedRow[] }
  | { ok: false; message: string };

/** The folded search tokens of a query: at most MAX_TOKENS words. */
export function tokensOf(q: string): string[] {
  return fold(q).split(' ').filter(Boolean).slice(0, MAX_TOKENS);
}

function writeOf(p: ProcedureInput): ProcedureWrite {
  return {
    code: p.code,
    name: p.name,
    searchText: searchTextOf(p.code, p.name, p.field),
    field: p.field,
    onlineLevel: p.onlineLevel,
    timeLimitKind: p.timeLimit.kind,
    timeLimitAmount: p.timeLimit.amount,
    after15: p.timeLimit.after15 ? 1 : 0,
    feeKind: p.fee.kind,
    feeVnd: p.fee.vnd,
    feePerPageVnd: p.fee.perPageVnd,
    feeCapVnd: p.fee.capVnd,
    feeNote: p.fee.note,
    documents: JSON.stringify(p.documents),
    legalBasis: p.legalBasis,
    resultType: p.resultType,
    steps: JSON.stringify(p.steps),
    confidence: p.confidence,
    sourceNote: p.sourceNote,
    published: p.published ? 1 : 0,
  };
}

type Row = NonNullable<Awaited<ReturnType<ProceduresRepository['byCode']>>>;

function procedureOf(r: Row): Procedure {
  const fee: Fee = {
    kind: r.feeKind,
    vnd: r.feeVnd,
    perPageVnd: r.feePerPageVnd,
    capVnd: r.feeCapVnd,
    note: r.feeNote,
  };
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    onlineLevel: r.onlineLevel,
    timeLimit: { kind: r.timeLimitKind, amount: r.timeLimitAmount, after15: r.after15 === 1 },
    fee,
    // Written by writeOf as JSON arrays.
    documents: JSON.parse(r.documents) as ProcedureDocument[],
    legalBasis: r.legalBasis,
    resultType: r.resultType,
    steps: JSON.parse(r.steps) as ProcedureStep[],
    confidence: r.confidence,
    sourceNote: r.sourceNote,
    published: r.published === 1,
    updatedAt: r.updatedAt,
  };
}

/**
 * The procedure catalogue of each unit: public search and detail, and the staff's import from CSV or XLSX (one transaction per
 * import: the good rows are created or updated by code, the report and the audit row land with them or not at all).
 */
export class ProceduresService {
  private readonly repo = new ProceduresRepository();
  constructor(private readonly deps: ProceduresDeps) {}

  /** One page of the catalogue; a page past the last gives undefined (the route answers 404). */
  async search(unitId: number, query: ProcedureQuery, publishedOnly = true) {
    const filter = {
      unitId,
      tokens: tokensOf(query.q),
      field: query.field,
      level: query.level,
      publishedOnly,
    };
    const total = await this.repo.count(this.deps.db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (query.page > pages) {
      return undefined;
    }
    const rows = await this.repo.list(this.deps.db, filter, PAGE_SIZE, (query.page - 1) * PAGE_SIZE);
    return { total, pages, rows };
  }

  /** Code and name of every published procedure of the unit, by name (the pickers of the one-stop pages). */
  async options(unitId: number): Promise<{ code: string; name: string }[]> {
    const filter = { unitId, tokens: [], publishedOnly: true };
    const rows = await this.repo.list(this.deps.db, filter, 2000, 0);
    return rows
      .map((r) => ({ code: r.code, name: r.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  fields(unitId: number, publishedOnly = true): Promise<string[]> {
    return this.repo.fields(this.deps.db, unitId, publishedOnly);
  }

  /** A procedure by national code; unknown (or unpublished, for the public) → 404. */
  async byCode(unitId: number, code: string, publishedOnly = true): Promise<Procedure> {
    const row = isProcedureCode(code) ? await this.repo.byCode(this.deps.db, unitId, code) : undefined;
    if (!row || (publishedOnly && row.published !== 1)) {
      throw new NotFoundError('procedure_not_found', 'Không tìm thấy thủ tục.');
    }
    return procedureOf(row);
  }

  /**
   * Imports a catalogue CSV into the unit (see readProcedureCsv for what is refused, as a whole or by row). The actor
   * is null for the demo data.
   */
  async importCsv(
    actor: Actor | null,
    unitId: number,
    text: string,
    fileName: string | null,
    ip: string | null = null,
  ): Promise<ImportOutcome> {
    return this.importRead(actor, unitId, readProcedureCsv(text), fileName, ip);
  }

  /** Imports a catalogue workbook (.xlsx) into the unit: the same columns, checks and report as a CSV. */
  async importXlsx(
    actor: Actor | null,
    unitId: number,
    bytes: Buffer,
    fileName: string | null,
    ip: string | null = null,
  ): Promise<ImportOutcome> {
    return this.importRead(actor, unitId, readProcedureXlsx(bytes), fileName, ip);
  }

  private async importRead(
    actor: Actor | null,
    unitId: number,
    read: CsvImport,
    fileName: string | null,
    ip: string | null,
  ): Promise<ImportOutcome> {
    if (!read.ok) {
      return read;
    }
    const { db, audit, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const at = clock.now();
      const stamp = at.toISOString();
      const existing = await this.repo.codesOf(
        trx,
        unitId,
        read.rows.map((r) => r.input.code),
      );
      let created = 0;
      let updated = 0;
      for (const { input } of read.rows) {
        if (existing.has(input.code)) {
          await this.repo.update(trx, unitId, writeOf(input), stamp, actor?.id ?? null);
          updated++;
        } else {
          await this.repo.insert(trx, unitId, writeOf(input), stamp, actor?.id ?? null);
          created++;
        }
      }
      const importId = await this.repo.insertImport(trx, {
        unitId,
        fileName,
        rowCount: read.rowCount,
        createdCount: created,
        updatedCount: updated,
        rejected: JSON.stringify(read.rejected),
        createdAt: stamp,
        createdBy: actor?.id ?? null,
      });
      await audit.append(trx, {
        at,
        actor,
        unitId,
        action: 'procedure.import',
        entity: 'procedure_import',
        entityId: importId,
        after: {
          fileName,
          rows: read.rowCount,
          created,
          updated,
          rejected: read.rejected.length,
          codes: read.rows.map((r) => r.input.code),
        },
        ip,
      });
      return { ok: true as const, importId, created, updated, rejected: read.rejected };
    });
  }

  /**
   * Creates a procedure (code === null) or updates the one with `code` (its code does not change). A code already in
   * the unit's catalogue is reported at the field.
   */
  async save(
    actor: Actor,
    unitId: number,
    code: string | null,
    input: ProcedureInput,
    ip: string | null = null,
  ): Promise<{ ok: true; code: string } | { ok: false; errors: Record<string, string> }> {
    const { db, audit, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const at = clock.now();
      const target = code ?? input.code;
      const before = await this.repo.byCode(trx, unitId, target);
      if (code !== null && !before) {
        throw new NotFoundError('procedure_not_found', 'Không tìm thấy thủ tục.');
      }
      if (code === null && before) {
        return { ok: false as const, errors: { code: procedureMessages.form.codeTaken } };
      }
      const write = writeOf({ ...input, code: target });
      if (before) {
        await this.repo.update(trx, unitId, write, at.toISOString(), actor.id);
      } else {
        await this.repo.insert(trx, unitId, write, at.toISOString(), actor.id);
      }
      await audit.append(trx, {
        at,
        actor,
        unitId,
        action: before ? 'procedure.update' : 'procedure.create',
        entity: 'procedure',
        entityId: target,
        ...(before ? { before: procedureOf(before) } : {}),
        after: { ...input, code: target },
        ip,
      });
      return { ok: true as const, code: target };
    });
  }

  /** An import's report, within the unit. */
  async importReport(unitId: number, id: number) {
    const row = await this.repo.importById(this.deps.db, unitId, id);
    if (!row) {
      throw new NotFoundError('import_not_found', 'Không tìm thấy báo cáo nhập.');
    }
    return { ...row, rejected: JSON.parse(row.rejected) as RejectedRow[] };
  }
}
