/**
 * Online submission by citizens (issue #3 item 3, the online channel): a form per procedure offered online, drafts
 * saved and resumed with their files, and the submission that makes a dossier in status 'submitted' (channel online,
 * its code given at once, its due date computed when an officer receives it: DossierService.act 'receive').
 *
 * Public interface:
 * - `procedure(unitId, code)`: the procedure when it is published and offered online (else a 404 that explains).
 * - `newForm(citizen, unitId, procedure)`: a fresh form key and the values prefilled from the account.
 * - `draft`, `draftByKey`, `drafts`, `dossiers`, `submitted`: the citizen's own drafts and dossiers, never another's.
 * - `saveDraft(...)`: keeps the values and the files (new files replace those of the same document).
 * - `submit(...)`: all problems at once (the draft saved with what was given), or the dossier; the same form key
 *   returns the dossier it made, so a double click or a retry makes one dossier.
 * - `deleteDraft(...)`: the draft and its files.
 * Files reach this service already checked (type sniffed, size within the limit): see online.routes.tsx.
 */
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Db } from '../../platform/db.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import type { FieldErrors } from '../../web/components/form-errors.js';
import type { FileStorage } from '../../platform/storage.js';
import { localDate } from '../../platform/time.js';
import type { Actor } from '../accounts/actor.js';
import type { AccountService } from '../accounts/accounts.service.js';
import type { Procedure, ProceduresService } from '../procedures/procedures.service.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { formatDossierCode } from './dossier-code.js';
import type { DossierRepository, DossierRow } from './dossiers.repository.js';
import { searchTextOf } from './dossiers.service.js';
import { onlineMessages as m } from './online.messages.js';
import type { DraftRow, OnlineRepository } from './online.repository.js';
import {
  checkSubmission,
  defaultReturnMethod,
  type OnlineSubmission,
  type OnlineValues,
} from './online.schemas.js';

/** A procedure the unit offers online. */
export type OnlineProcedure = Procedure & { onlineLevel: 'toan_trinh' | 'mot_phan' };

/** A file kept with a draft: the document it is for (index in the procedure's list) and where it is stored. */
export type DraftFile = {
  document: number;
  documentName: string;
  fileName: string;
  mime: string;
  size: number;
  storageKey: string;
};

/** A file of this request, checked by the route. */
export type NewFile = { document: number; fileName: string; mime: string; extension: string; bytes: Buffer };

export type Draft = {
  id: number;
  procedureCode: string;
  procedureName: string;
  formKey: string;
  values: OnlineValues;
  files: DraftFile[];
  updatedAt: string;
};

export type SubmitResult =
  { ok: true; dossier: DossierRow; created: boolean } | { ok: false; errors: FieldErrors; draft: Draft };

type Deps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  repo: DossierRepository;
  online: OnlineRepository;
  procedures: ProceduresService;
  accounts: AccountService;
};

/** The dossiers "my dossiers" lists (the newest first). */
export const MY_DOSSIERS_LIMIT = 100;
/** How often a draft write is retried when another request changed the draft in between. */
const DRAFT_WRITE_ATTEMPTS = 3;

/** The draft changed between reading and writing it (another tab or a double click): the caller retries. */
class DraftChanged extends Error {}

const draftOf = (row: DraftRow): Draft => ({
  id: row.id,
  procedureCode: row.procedureCode,
  procedureName: row.procedureName,
  formKey: row.formKey,
  // Written by this service as JSON.
  values: JSON.parse(row.formValues) as OnlineValues,
  files: JSON.parse(row.files) as DraftFile[],
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** The draft's files after this request: new files replace those of their document, `remove` drops some. */
function mergeFiles(before: readonly DraftFile[], added: readonly DraftFile[], remove: readonly number[]) {
  const replaced = new Set([...remove, ...added.map((f) => f.document)]);
  const kept = before.filter((f) => !replaced.has(f.document));
  return {
    files: [...kept, ...added].sort((a, b) => a.document - b.document),
    dropped: before.filter((f) => replaced.has(f.document)).map((f) => f.storageKey),
  };
}

export class OnlineIntakeService {
  constructor(private readonly deps: Deps) {}

  /** The procedure of the form: published and offered online ('toan_trinh' or 'mot_phan'), else a 404 that explains. */
  async procedure(unitId: number, code: string): Promise<OnlineProcedure> {
    const p = await this.deps.procedures.byCode(unitId, code, true);
    if (p.onlineLevel === 'truc_tiep') {
      throw new NotFoundError('procedure_not_online', m.notOnline(p.name));
    }
    if (!this.deps.directory.get(unitId)?.agencyCode) {
      // No dossier code can be given without the unit's identifier code (Circular 10/2016/TT-BTTTT).
      throw new NotFoundError('agency_code_missing', m.notReady);
    }
    return { ...p, onlineLevel: p.onlineLevel };
  }

  /** A new form: its key (the future dossier's idempotency key) and the values prefilled from the account. */
  async newForm(citizen: Actor, procedure: OnlineProcedure): Promise<{ key: string; values: OnlineValues }> {
    const profile = await this.deps.accounts.citizens.profile(citizen.id);
    return {
      key: randomBytes(16).toString('base64url'),
      values: {
        name: profile.fullName,
        idNumber: profile.idNumber,
        phone: profile.phone ?? '',
        email: profile.email ?? '',
        address: '',
        requestSummary: '',
        returnMethod: defaultReturnMethod(procedure.onlineLevel),
      },
    };
  }

  /** The citizen's own draft of this procedure in the unit, or a 404. */
  async draft(citizen: Actor, unitId: number, procedureCode: string, id: number): Promise<Draft> {
    const row = await this.deps.online.draftById(this.deps.db, id);
    return draftOf(this.own(row, citizen, unitId, procedureCode) ?? this.draftNotFound());
  }

  /** The draft of a form key, when one was saved (a key of someone else's draft is a 404). */
  async draftByKey(citizen: Actor, unitId: number, procedureCode: string, key: string) {
    const row = await this.deps.online.draftByKey(this.deps.db, key);
    if (row && !this.own(row, citizen, unitId, procedureCode)) {
      this.draftNotFound();
    }
    return row ? draftOf(row) : undefined;
  }

  async drafts(citizen: Actor, unitId: number): Promise<Draft[]> {
    return (await this.deps.online.draftsOf(this.deps.db, citizen.id, unitId)).map(draftOf);
  }

  dossiers(citizen: Actor, unitId: number) {
    return this.deps.online.dossiersOf(this.deps.db, citizen.id, unitId, MY_DOSSIERS_LIMIT);
  }

  /**
   * The electronic result of the citizen's own dossier once it was returned electronically (Decree 61/2018 Art. 20),
   * the latest file attached; otherwise a 404.
   */
  async resultFile(citizen: Actor, unitId: number, dossierId: number) {
    const d = await this.submitted(citizen, unitId, dossierId);
    const files =
      d.status === 'returned' && d.returnedVia === 'electronic'
        ? await this.deps.repo.files(this.deps.db, d.id)
        : [];
    const file = files.filter((f) => f.kind === 'result').at(-1);
    if (!file) {
      throw new NotFoundError('result_not_found', m.dossierNotFound);
    }
    return file;
  }

  /** The citizen's own dossier (the confirmation page), or a 404. */
  async submitted(citizen: Actor, unitId: number, dossierId: number): Promise<DossierRow> {
    const d = await this.deps.repo.byId(this.deps.db, unitId, dossierId);
    if (!d || d.citizenAccountId !== citizen.id) {
      throw new NotFoundError('dossier_not_found', m.dossierNotFound);
    }
    return d;
  }

  /**
   * Saves the draft of a form key: the values as typed, the new files (replacing those of the same document) and the
   * files kept. When the key already made a dossier (the form was submitted), that dossier is returned instead.
   */
  async saveDraft(
    citizen: Actor,
    unitId: number,
    procedure: OnlineProcedure,
    key: string,
    values: OnlineValues,
    files: readonly NewFile[],
    remove: readonly number[],
  ): Promise<{ kind: 'draft'; draft: Draft } | { kind: 'submitted'; dossier: DossierRow }> {
    const made = await this.ownDossierByKey(citizen, unitId, key);
    if (made) {
      return { kind: 'submitted', dossier: made };
    }
    const added = await this.store(procedure, files);
    let written: { id: number; dropped: string[] };
    try {
      written = await this.writeDraft(citizen, unitId, procedure, key, values, added, remove);
    } catch (err) {
      await this.removeFiles(added.map((f) => f.storageKey));
      throw err;
    }
    await this.removeFiles(written.dropped);
    return { kind: 'draft', draft: await this.draft(citizen, unitId, procedure.code, written.id) };
  }

  /**
   * Submits the form: every problem at once (each field's, and each required document without a file), with the
   * draft saved so that nothing typed or uploaded is lost; or the dossier, in one transaction with its files, its
   * 'submit' event and its audit row, the draft deleted. The form key is the dossier's idempotency key.
   */
  async submit(
    citizen: Actor,
    unitId: number,
    procedure: OnlineProcedure,
    key: string,
    values: OnlineValues,
    files: readonly NewFile[],
    remove: readonly number[],
  ): Promise<SubmitResult> {
    const made = await this.ownDossierByKey(citizen, unitId, key);
    if (made) {
      return { ok: true, dossier: made, created: false };
    }
    const current = await this.deps.online.draftByKey(this.deps.db, key);
    if (current && !this.own(current, citizen, unitId, procedure.code)) {
      this.draftNotFound();
    }
    const before = current ? draftOf(current).files : [];
    const kept = mergeFiles(before, [], [...remove, ...files.map((f) => f.document)]).files;
    const present = new Set([...kept, ...files].map((f) => f.document));
    const check = checkSubmission(procedure.documents, values, present);
    if (!check.ok) {
      const saved = await this.saveDraft(citizen, unitId, procedure, key, values, files, remove);
      return saved.kind === 'submitted'
        ? { ok: true, dossier: saved.dossier, created: false }
        : { ok: false, errors: check.errors, draft: saved.draft };
    }
    const added = await this.store(procedure, files);
    const merged = mergeFiles(before, added, remove);
    let dossier: DossierRow;
    try {
      dossier = await this.insertDossier(citizen, unitId, procedure, key, check.data, merged.files, current);
    } catch (err) {
      await this.removeFiles(added.map((f) => f.storageKey));
      if (isUniqueViolation(err)) {
        // The same form submitted twice at once: the other request made the dossier.
        const other = await this.ownDossierByKey(citizen, unitId, key);
        if (other) {
          return { ok: true, dossier: other, created: false };
        }
      }
      if (err instanceof DraftChanged) {
        throw new ConflictError('draft_changed', m.draftChanged);
      }
      throw err;
    }
    await this.removeFiles(merged.dropped);
    return { ok: true, dossier, created: true };
  }

  /** Deletes the citizen's draft and its files. */
  async deleteDraft(citizen: Actor, unitId: number, id: number): Promise<void> {
    const { db, online } = this.deps;
    const row = this.own(await online.draftById(db, id), citizen, unitId) ?? this.draftNotFound();
    if (!(await db.transaction().execute((trx) => online.deleteDraftIf(trx, row)))) {
      throw new ConflictError('draft_changed', m.draftChanged);
    }
    await this.removeFiles(draftOf(row).files.map((f) => f.storageKey));
  }

  private async insertDossier(
    citizen: Actor,
    unitId: number,
    procedure: OnlineProcedure,
    key: string,
    input: OnlineSubmission,
    files: readonly DraftFile[],
    draft: DraftRow | undefined,
  ): Promise<DossierRow> {
    const { db, clock, audit, repo, online } = this.deps;
    const agencyCode = this.deps.directory.get(unitId)?.agencyCode;
    if (!agencyCode) {
      throw new NotFoundError('agency_code_missing', m.notReady);
    }
    const at = clock.now();
    const stamp = at.toISOString();
    const provided = new Set(files.map((f) => f.document));
    const documents = procedure.documents.map((d, i) => ({
      name: d.name,
      original: d.original,
      required: d.required,
      provided: provided.has(i),
    }));
    return db.transaction().execute(async (trx) => {
      const day = localDate(at);
      const seq = await repo.nextSequence(trx, unitId, day.slice(2).replaceAll('-', ''));
      const code = formatDossierCode(agencyCode, day, seq);
      const id = await repo.insert(trx, {
        unitId,
        code,
        procedureId: procedure.id,
        procedureCode: procedure.code,
        procedureName: procedure.name,
        procedureField: procedure.field,
        // An online dossier is processed within the procedure's online time limit when it has one (domain.md §1.5).
        timeLimitKind: (procedure.onlineTimeLimit ?? procedure.timeLimit).kind,
        timeLimitAmount: (procedure.onlineTimeLimit ?? procedure.timeLimit).amount,
        after15: procedure.timeLimit.after15 ? 1 : 0,
        channel: 'online',
        status: 'submitted',
        applicantName: input.name,
        applicantIdNumber: input.idNumber,
        applicantPhone: input.phone,
        applicantEmail: input.email,
        applicantAddress: input.address,
        requestSummary: input.requestSummary || procedure.name,
        documents: JSON.stringify(documents),
        sets: 1,
        returnMethod: input.returnMethod,
        citizenAccountId: citizen.id,
        submittedAt: stamp,
        feeVnd: procedure.fee.kind === 'fixed' ? procedure.fee.vnd : null,
        searchText: searchTextOf(code, input.name, procedure.name),
        idempotencyKey: key,
        createdAt: stamp,
        updatedAt: stamp,
      });
      for (const f of files) {
        await repo.insertFile(trx, {
          dossierId: id,
          kind: 'document',
          documentName: f.documentName,
          fileName: f.fileName,
          mime: f.mime,
          size: f.size,
          storageKey: f.storageKey,
          uploadedAt: stamp,
          uploadedBy: citizen.id,
        });
      }
      await repo.appendEvent(trx, {
        dossierId: id,
        at: stamp,
        actorId: citizen.id,
        actorName: citizen.name,
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        reason: null,
        dueAt: null,
        data: JSON.stringify({ channel: 'online', files: files.length }),
      });
      await audit.append(trx, {
        at,
        actor: citizen,
        unitId,
        action: 'dossier.submit',
        entity: 'dossier',
        entityId: id,
        after: { code, procedure: procedure.code, channel: 'online' },
      });
      if (draft && !(await online.deleteDraftIf(trx, draft))) {
        throw new DraftChanged();
      }
      return (await repo.byId(trx, unitId, id))!; // inserted above
    });
  }

  /** Writes the draft of `key` (insert or compare-and-swap update), retried when another request got there first. */
  private async writeDraft(
    citizen: Actor,
    unitId: number,
    procedure: OnlineProcedure,
    key: string,
    values: OnlineValues,
    added: readonly DraftFile[],
    remove: readonly number[],
  ): Promise<{ id: number; dropped: string[] }> {
    const { db, clock, online } = this.deps;
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          const stamp = clock.now().toISOString();
          const current = await online.draftByKey(trx, key);
          if (current && !this.own(current, citizen, unitId, procedure.code)) {
            this.draftNotFound();
          }
          const merged = mergeFiles(current ? draftOf(current).files : [], added, remove);
          const formValues = JSON.stringify(values);
          const files = JSON.stringify(merged.files);
          if (!current) {
            const id = await online.insertDraft(trx, {
              unitId,
              citizenAccountId: citizen.id,
              procedureCode: procedure.code,
              procedureName: procedure.name,
              formKey: key,
              formValues,
              files,
              createdAt: stamp,
              updatedAt: stamp,
            });
            return { id, dropped: merged.dropped };
          }
          if (!(await online.updateDraftIf(trx, current, { formValues, files, updatedAt: stamp }))) {
            throw new DraftChanged();
          }
          return { id: current.id, dropped: merged.dropped };
        });
      } catch (err) {
        const retry = err instanceof DraftChanged || isUniqueViolation(err);
        if (!retry) {
          throw err;
        }
        if (attempt >= DRAFT_WRITE_ATTEMPTS) {
          throw new ConflictError('draft_changed', m.draftChanged);
        }
      }
    }
  }

  private async store(procedure: OnlineProcedure, files: readonly NewFile[]): Promise<DraftFile[]> {
    const keys = await Promise.all(files.map((f) => this.deps.storage.put(f.bytes, f.extension)));
    return files.map((f, i) => ({
      document: f.document,
      documentName: procedure.documents[f.document]?.name ?? '',
      fileName: f.fileName,
      mime: f.mime,
      size: f.bytes.length,
      storageKey: keys[i]!, // one key per file, same order
    }));
  }

  private async removeFiles(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.deps.storage.remove(k)));
  }

  private async ownDossierByKey(citizen: Actor, unitId: number, key: string) {
    const d = await this.deps.repo.byIdempotencyKey(this.deps.db, unitId, key);
    if (d && d.citizenAccountId !== citizen.id) {
      throw new NotFoundError('dossier_not_found', m.dossierNotFound);
    }
    return d;
  }

  /** The row when it is the citizen's, in the unit (and of the procedure, when given). */
  private own(row: DraftRow | undefined, citizen: Actor, unitId: number, procedureCode?: string) {
    const mine =
      row !== undefined &&
      row.citizenAccountId === citizen.id &&
      row.unitId === unitId &&
      (procedureCode === undefined || row.procedureCode === procedureCode);
    return mine ? row : undefined;
  }

  private draftNotFound(): never {
    throw new NotFoundError('draft_not_found', m.draftNotFound);
  }
}
