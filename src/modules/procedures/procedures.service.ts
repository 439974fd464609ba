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
  TEMPLATE_TYPES,
  type TemplateMime,
  type TimeLimit,
} from './procedures.model.js';
import { ProceduresRepository, type ProcedureWrite } from './procedures.repository.js';
import type { Readable } from 'node:stream';

export const PAGE_SIZE = 20;
const MAX_TOKENS = 12;
export const MAX_CSV_CHARS = 2 * 1024 * 1024;

export type ProcedureQuery = {
  q: string;
  field?: string | undefined;
  level?: OnlineLevel | undefined;
  page: number;
};

/**
 * A procedure as the pages show it, with its JSON columns read. `onlineTimeLimit` is the time limit of dossiers
 * submitted online when it differs from `timeLimit` (with the procedure's 15:00 rule), or null: online dossiers then
 * have `timeLimit`.
 */
export type Procedure = Omit<ProcedureInput, 'onlineTimeLimit'> & {
  id: number;
  onlineTimeLimit: TimeLimit | null;
  updatedAt: string;
};

/** The template file (official form) of one of a procedure's documents, by the document's name. */
export type ProcedureTemplate = {
  id: number;
  documentName: string;
  fileName: string;
  mime: TemplateMime;
  size: number;
  uploadedAt: string;
};

/** A template ready to store: its type sniffed from the bytes, its name cleaned (template-file.ts). */
export type TemplateUpload = { data: Buffer; mime: TemplateMime; fileName: string };

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
    onlineTimeLimitKind: p.onlineTimeLimit?.kind ?? null,
    onlineTimeLimitAmount: p.onlineTimeLimit?.amount ?? null,
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
    onlineTimeLimit:
      r.onlineTimeLimitKind === null || r.onlineTimeLimitAmount === null
        ? null
        : { kind: r.onlineTimeLimitKind, amount: r.onlineTimeLimitAmount, after15: r.after15 === 1 },
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
          const write = writeOf(input);
          if (!read.onlineColumns) {
            // A file without the online columns leaves the stored online time limit as it is.
            delete write.onlineTimeLimitKind;
            delete write.onlineTimeLimitAmount;
          }
          await this.repo.update(trx, unitId, write, stamp, actor?.id ?? null);
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

  /** The published procedures of the unit, by code, for the portal's site maps. */
  published(unitId: number): Promise<{ code: string; name: string; updatedAt: string }[]> {
    return this.repo.published(this.deps.db, unitId);
  }

  /**
   * Deletes a procedure with its templates (rows in the transaction, files after it commits), audited with what it
   * was. `dossiers` is the number of dossiers made for it (the caller asks the dossiers module): a procedure with
   * dossiers is refused, to be unpublished instead (see ProcedureDeletePage).
   */
  async remove(
    actor: Actor,
    unitId: number,
    code: string,
    dossiers: number,
    ip: string | null = null,
  ): Promise<{ ok: true; name: string } | { ok: false; dossiers: number }> {
    if (dossiers > 0) {
      return { ok: false, dossiers };
    }
    const { db, audit, clock, storage } = this.deps;
    const { name, keys } = await db.transaction().execute(async (trx) => {
      const before = await this.repo.byCode(trx, unitId, code);
      if (!before) {
        throw new NotFoundError('procedure_not_found', 'Không tìm thấy thủ tục.');
      }
      const templates = await this.repo.templatesOf(trx, before.id);
      await this.repo.delete(trx, before.id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'procedure.delete',
        entity: 'procedure',
        entityId: code,
        before: { ...procedureOf(before), templates: templates.map((t) => t.fileName) },
        ip,
      });
      return { name: before.name, keys: templates.map((t) => t.storageKey) };
    });
    await Promise.all(keys.map((k) => storage.remove(k)));
    return { ok: true, name };
  }

  /** Takes a procedure off the portal (and off online submission), audited. */
  async unpublish(actor: Actor, unitId: number, code: string, ip: string | null = null): Promise<string> {
    const { db, audit, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const row = await this.repo.byCode(trx, unitId, code);
      if (!row) {
        throw new NotFoundError('procedure_not_found', 'Không tìm thấy thủ tục.');
      }
      const at = clock.now();
      await this.repo.setPublished(trx, row.id, 0, at.toISOString(), actor.id);
      await audit.append(trx, {
        at,
        actor,
        unitId,
        action: 'procedure.unpublish',
        entity: 'procedure',
        entityId: code,
        before: { published: row.published === 1 },
        after: { published: false },
        ip,
      });
      return row.name;
    });
  }

  /** The templates of a procedure (by its id, from byCode), oldest first. */
  async templates(procedureId: number): Promise<ProcedureTemplate[]> {
    const rows = await this.repo.templatesOf(this.deps.db, procedureId);
    return rows.map(({ storageKey: _key, procedureId: _procedure, ...t }) => t);
  }

  /**
   * Stores the template of one of the procedure's documents, replacing the one it had. The file is written first
   * (and removed again if the transaction fails); a replaced file is removed once the new row is committed.
   */
  async saveTemplate(
    actor: Actor,
    unitId: number,
    code: string,
    documentName: string,
    file: TemplateUpload,
    ip: string | null = null,
  ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
    const { db, audit, clock, storage } = this.deps;
    const p = await this.byCode(unitId, code, false);
    if (!p.documents.some((d) => d.name === documentName)) {
      return { ok: false, errors: { document: procedureMessages.templates.documentUnknown } };
    }
    const key = await storage.put(file.data, TEMPLATE_TYPES[file.mime].extension);
    let replaced: string | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        const at = clock.now();
        const write = {
          documentName,
          storageKey: key,
          fileName: file.fileName,
          mime: file.mime,
          size: file.data.length,
          uploadedAt: at.toISOString(),
          uploadedBy: actor.id,
        };
        const before = await this.repo.templateOfDocument(trx, p.id, documentName);
        let id: number;
        if (before) {
          await this.repo.updateTemplate(trx, before.id, write);
          id = before.id;
          replaced = before.storageKey;
        } else {
          id = await this.repo.insertTemplate(trx, p.id, write);
        }
        const meta = (t: { fileName: string; mime: string; size: number }) => ({
          procedure: code,
          document: documentName,
          fileName: t.fileName,
          mime: t.mime,
          size: t.size,
        });
        await audit.append(trx, {
          at,
          actor,
          unitId,
          action: 'procedure.template.save',
          entity: 'procedure_template',
          entityId: id,
          ...(before ? { before: meta(before) } : {}),
          after: meta(write),
          ip,
        });
      });
    } catch (e) {
      await storage.remove(key);
      throw e;
    }
    if (replaced !== undefined) {
      await storage.remove(replaced);
    }
    return { ok: true };
  }

  /** Removes a template of the procedure (row and audit in one transaction, then the file). */
  async removeTemplate(
    actor: Actor,
    unitId: number,
    code: string,
    id: number,
    ip: string | null = null,
  ): Promise<string> {
    const { db, audit, clock, storage } = this.deps;
    const p = await this.byCode(unitId, code, false);
    const removed = await db.transaction().execute(async (trx) => {
      const t = await this.repo.templateById(trx, p.id, id);
      if (!t) {
        throw new NotFoundError('template_not_found', procedureMessages.templates.notFound);
      }
      await this.repo.deleteTemplate(trx, t.id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'procedure.template.remove',
        entity: 'procedure_template',
        entityId: t.id,
        before: {
          procedure: code,
          document: t.documentName,
          fileName: t.fileName,
          mime: t.mime,
          size: t.size,
        },
        ip,
      });
      return t;
    });
    await storage.remove(removed.storageKey);
    return removed.documentName;
  }

  /**
   * A template's file to send: the procedure must be the unit's (and published, for the public), the template one
   * of its documents' (a template whose document left the procedure is not offered to the public). Else 404.
   */
  async templateFile(
    unitId: number,
    code: string,
    id: number,
    publishedOnly = true,
  ): Promise<{ template: ProcedureTemplate; stream: Readable }> {
    const p = await this.byCode(unitId, code, publishedOnly);
    const t = await this.repo.templateById(this.deps.db, p.id, id);
    const current = t && (!publishedOnly || p.documents.some((d) => d.name === t.documentName));
    const stream = t && current ? this.deps.storage.open(t.storageKey) : undefined;
    if (!t || !stream) {
      throw new NotFoundError('template_not_found', procedureMessages.templates.notFound);
    }
    const { storageKey: _key, procedureId: _procedure, ...template } = t;
    return { template, stream };
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
