/**
 * The one-stop dossier lifecycle (issue #3 items 3–6): intake at the counter or by post, online submission, the
 * workflow actions, and the reads the staff pages, the look-up and the API need.
 *
 * Public interface:
 * - `intake(actor, unitId, input, files)` → `{ dossier, created }`: a received dossier with its code and due date;
 *   the same idempotency key returns the dossier it made (`created: false`).
 * - `act(actor, unitId, dossierId, input)` → the dossier after the action (ConflictError when someone acted first,
 *   ForbiddenError for a missing role, FieldError at the field, ConflictError for a wrong status, with a reason).
 * - `get(unitId, id)`, `byCode(code)`, `events(id)`, `files(id)`, `list(...)`, `assignees(unitId)`.
 * - `resultsCandidates(query)`: received dossiers with their event logs, for the results lists (issue #4).
 * Every write is one transaction with its event row, its audit row and its notifications. What each action changes
 * (due dates, supplement window, apology, step deadline) is worked out by ActionPlanner (dossier-actions.ts).
 */
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Conn, type Db, type Tx } from '../../platform/db.js';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { fold } from '../../platform/fold.js';
import type { FileStorage } from '../../platform/storage.js';
import { formatDateTime, localDate } from '../../platform/time.js';
import type { AccountService } from '../accounts/accounts.service.js';
import { hasRole, type Actor } from '../accounts/actor.js';
import type { Role } from '../accounts/roles.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { apologyLatestAt } from '../calendar/due-date.js';
import { instantOfDayMs, localDayAndMs } from '../calendar/local-time.js';
import type { ProceduresService } from '../procedures/procedures.service.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { formatDossierCode } from './dossier-code.js';
import { dossierRulesAt } from './dossier-rules.js';
import {
  checkAction,
  CLOCK_RUNNING,
  endsProcessing,
  type DossierAction,
  type DossierStatus,
} from './dossier-workflow.js';
import { ActionPlanner } from './dossier-actions.js';
import { dossierMessages as m } from './dossiers.messages.js';
import { trackingBookRows, type BookPeriod } from './tracking-book.js';
import type { HistoryEvent } from '../stats/dossier-history.js';
import type {
  DossierListFilter,
  DossierRepository,
  DossierRow,
  Queue,
  ResultsCandidateQuery,
  ResultsCandidateRow,
} from './dossiers.repository.js';

export type { ResultsCandidateQuery } from './dossiers.repository.js';
/** A candidate of a results list with its event log (DossierService.resultsCandidates). */
export type ResultsCandidate = ResultsCandidateRow & { events: HistoryEvent[] };
import type { ActionInput, IntakeInput } from './dossiers.schemas.js';

/** A file already checked by the route (type sniffed, size within the limit). */
export type IncomingFile = {
  documentName: string | null;
  fileName: string;
  mime: string;
  extension: string;
  bytes: Buffer;
};

/** What happened to a dossier, for the notifier (e-mail/SMS at receipt, supplement request, result, apology). */
export type DossierNotice = {
  kind: 'receipt' | 'supplement' | 'result_ready' | 'apology' | 'refusal';
  dossier: DossierRow;
  reason: string | null;
  documents: string[];
};
/** Called inside the transaction of the change, so a notification lands with it or not at all. */
export type DossierNotifier = (trx: Tx, notice: DossierNotice) => Promise<void>;

type Deps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  repo: DossierRepository;
  calendar: CalendarService;
  procedures: ProceduresService;
  accounts: AccountService;
  notifier?: DossierNotifier;
};

const STAFF_ROLES_OF_ACTIONS: readonly Role[] = ['one_stop_officer', 'specialist', 'leader'];
/** Statuses in which an electronic result may be attached. */
export const RESULT_STATUSES: readonly DossierStatus[] = ['processing', 'awaiting_approval', 'done'];

export type ListQuery = {
  queue: Queue;
  status?: DossierStatus | undefined;
  procedureCode?: string | undefined;
  channel?: 'counter' | 'online' | 'post' | undefined;
  q?: string | undefined;
  page: number;
};
export const PAGE_SIZE = 20;

/** The words of a staff search, folded (diacritics and đ ignored). */
const tokensOf = (q: string | undefined) =>
  q === undefined ? [] : fold(q).split(' ').filter(Boolean).slice(0, 6);
/** The dossier's search_text (also written by online submission, online.service.ts). */
export const searchTextOf = (code: string | null, applicant: string, procedure: string) =>
  ` ${fold(`${code ?? ''} ${applicant} ${procedure}`)} `;

export class DossierService {
  /** What each action changes, checked against the calendar and the unit's staff (dossier-actions.ts). */
  private readonly actions: ActionPlanner;

  constructor(private readonly deps: Deps) {
    this.actions = new ActionPlanner(deps);
  }

  private get repo() {
    return this.deps.repo;
  }

  private rolesIn(actor: Actor, unitId: number): readonly Role[] {
    return actor.roles.get(unitId) ?? [];
  }

  /** Receives a dossier at the counter (or one that came by post): it gets its code and due date at once. */
  async intake(
    actor: Actor,
    unitId: number,
    input: IntakeInput,
    files: readonly IncomingFile[] = [],
  ): Promise<{ dossier: DossierRow; created: boolean }> {
    if (!hasRole(actor, unitId, ['one_stop_officer'])) {
      throw new ForbiddenError('role_required', m.refusal.role_required(m.action.intake));
    }
    if (input.idempotencyKey !== null) {
      const existing = await this.repo.byIdempotencyKey(this.deps.db, unitId, input.idempotencyKey);
      if (existing) {
        return { dossier: existing, created: false };
      }
    }
    const procedure = await this.procedureOf(unitId, input.procedureCode);
    const missing = procedure.documents
      .filter((d) => d.required && !input.provided.includes(d.name))
      .map((d) => d.name);
    if (missing.length > 0) {
      throw new FieldError('provided', 'missing_documents', m.field.missingDocuments(missing));
    }
    const unit = this.deps.directory.get(unitId);
    if (!unit?.agencyCode) {
      throw new FieldError('procedureCode', 'agency_code_missing', m.field.agencyCode);
    }
    const at = this.deps.clock.now();
    const due = await this.deps.calendar.dueDate({ unitId, receivedAt: at, ...procedure.timeLimit });
    const keys = await Promise.all(files.map((f) => this.deps.storage.put(f.bytes, f.extension)));
    const documents = procedure.documents.map((d) => ({
      name: d.name,
      original: d.original,
      required: d.required,
      provided: input.provided.includes(d.name),
    }));
    try {
      const dossier = await this.deps.db.transaction().execute(async (trx) => {
        const day = localDate(at);
        const seq = await this.repo.nextSequence(trx, unitId, day.slice(2).replaceAll('-', ''));
        const code = formatDossierCode(unit.agencyCode!, day, seq); // checked above
        const stamp = at.toISOString();
        const id = await this.repo.insert(trx, {
          unitId,
          code,
          procedureId: procedure.id,
          procedureCode: procedure.code,
          procedureName: procedure.name,
          procedureField: procedure.field,
          timeLimitKind: procedure.timeLimit.kind,
          timeLimitAmount: procedure.timeLimit.amount,
          after15: procedure.timeLimit.after15 ? 1 : 0,
          channel: input.channel,
          status: 'received',
          applicantName: input.applicant.name,
          applicantIdNumber: input.applicant.idNumber,
          applicantPhone: input.applicant.phone,
          applicantEmail: input.applicant.email,
          applicantAddress: input.applicant.address,
          requestSummary: input.requestSummary || procedure.name,
          documents: JSON.stringify(documents),
          sets: input.sets,
          returnMethod: input.returnMethod,
          receivedBy: actor.id,
          submittedAt: stamp,
          receivedAt: stamp,
          dueAt: due.dueAt.toISOString(),
          dueRuleVersion: due.ruleVersion,
          dueNoticeRevision: due.noticeRevision,
          dueProvisional: due.provisional ? 1 : 0,
          feeVnd: procedure.fee.kind === 'fixed' ? procedure.fee.vnd : null,
          searchText: searchTextOf(code, input.applicant.name, procedure.name),
          idempotencyKey: input.idempotencyKey,
          createdAt: stamp,
          updatedAt: stamp,
        });
        await Promise.all(
          files.map((f, i) =>
            this.repo.insertFile(trx, {
              dossierId: id,
              kind: 'document',
              documentName: f.documentName,
              fileName: f.fileName,
              mime: f.mime,
              size: f.bytes.length,
              storageKey: keys[i]!, // one key per file, same order
              uploadedAt: stamp,
              uploadedBy: actor.id,
            }),
          ),
        );
        await this.repo.appendEvent(trx, {
          dossierId: id,
          at: stamp,
          actorId: actor.id,
          actorName: actor.name,
          action: 'intake',
          fromStatus: null,
          toStatus: 'received',
          reason: null,
          dueAt: due.dueAt.toISOString(),
          data: JSON.stringify({ channel: input.channel, files: files.length }),
        });
        await this.deps.audit.append(trx, {
          at,
          actor,
          unitId,
          action: 'dossier.intake',
          entity: 'dossier',
          entityId: id,
          after: { code, procedure: procedure.code },
        });
        const row = (await this.repo.byId(trx, unitId, id))!; // inserted above
        await this.deps.notifier?.(trx, { kind: 'receipt', dossier: row, reason: null, documents: [] });
        return row;
      });
      return { dossier, created: true };
    } catch (err) {
      await Promise.all(keys.map((k) => this.deps.storage.remove(k)));
      if (input.idempotencyKey !== null && isUniqueViolation(err)) {
        const existing = await this.repo.byIdempotencyKey(this.deps.db, unitId, input.idempotencyKey);
        if (existing) {
          return { dossier: existing, created: false };
        }
      }
      throw err;
    }
  }

  private async procedureOf(unitId: number, code: string) {
    try {
      return await this.deps.procedures.byCode(unitId, code, true);
    } catch (err) {
      if (err instanceof NotFoundError) {
        throw new FieldError('procedureCode', 'procedure_not_offered', m.field.procedureNotOffered);
      }
      throw err;
    }
  }

  /** Takes a workflow action on a dossier of the unit, checked against its status, the actor's roles and version. */
  async act(actor: Actor, unitId: number, dossierId: number, input: ActionInput): Promise<DossierRow> {
    const d = await this.get(unitId, dossierId);
    const roles = this.rolesIn(actor, unitId);
    const label = m.action[input.action];
    if (d.version !== input.version) {
      throw await this.conflict(d);
    }
    const check = checkAction(d, input.action, { id: actor.id, roles }, input.reason);
    if (!check.ok) {
      if (check.refusal === 'not_in_status') {
        throw new ConflictError('not_in_status', m.refusal.not_in_status(label, m.status[d.status]));
      }
      if (check.refusal === 'reason_required') {
        throw new FieldError('reason', 'reason_required', m.field.reason);
      }
      const explain: (action: string, status: string) => string = m.refusal[check.refusal];
      throw new ForbiddenError(check.refusal, explain(label, m.status[d.status]));
    }
    const at = this.deps.clock.now();
    const changes = await this.actions.changesOf(d, input, at, actor.id);
    const to = check.to;
    const stamp = at.toISOString();
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const updated = await this.repo.update(trx, d.id, d.version, {
        ...changes.dossier,
        status: to,
        ...(endsProcessing(d.status, to) ? { endedAt: stamp } : {}),
        updatedAt: stamp,
      });
      if (!updated) {
        throw await this.conflict(d, trx);
      }
      const row = (await this.repo.byId(trx, unitId, d.id))!; // updated above
      await this.repo.appendEvent(trx, {
        dossierId: d.id,
        at: stamp,
        actorId: actor.id,
        actorName: actor.name,
        action: input.action,
        fromStatus: d.status,
        toStatus: to,
        reason: input.reason,
        dueAt: row.dueAt,
        data: JSON.stringify(changes.data),
      });
      await this.deps.audit.append(trx, {
        at,
        actor,
        unitId,
        action: `dossier.${input.action}`,
        entity: 'dossier',
        entityId: d.id,
        before: { status: d.status, dueAt: d.dueAt },
        after: { status: to, dueAt: row.dueAt },
      });
      if (changes.notice) {
        await this.deps.notifier?.(trx, {
          kind: changes.notice,
          dossier: row,
          reason: input.reason,
          documents: input.documents,
        });
      }
      return row;
    });
    // The widget's cached figures are dropped again now that the change is visible to every reader (ADR 0008).
    this.repo.stats?.committed(unitId);
    return result;
  }

  /**
   * Attaches the electronic result (a PDF, JPEG or PNG already checked by the route) while the dossier is processed,
   * approved or waiting to be returned: a `result` file and an event, no change of status (Decree 61/2018 Art. 20:
   * results are stored in the system and may be returned as an electronic file).
   */
  async attachResult(actor: Actor, unitId: number, dossierId: number, file: IncomingFile): Promise<void> {
    const d = await this.get(unitId, dossierId);
    if (!hasRole(actor, unitId, ['one_stop_officer', 'specialist', 'leader'])) {
      throw new ForbiddenError('role_required', m.refusal.role_required(m.action.attach_result));
    }
    if (!RESULT_STATUSES.includes(d.status)) {
      throw new ConflictError(
        'not_in_status',
        m.refusal.not_in_status(m.action.attach_result, m.status[d.status]),
      );
    }
    const key = await this.deps.storage.put(file.bytes, file.extension);
    const at = this.deps.clock.now();
    const stamp = at.toISOString();
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await this.repo.insertFile(trx, {
          dossierId: d.id,
          kind: 'result',
          documentName: null,
          fileName: file.fileName,
          mime: file.mime,
          size: file.bytes.length,
          storageKey: key,
          uploadedAt: stamp,
          uploadedBy: actor.id,
        });
        await this.repo.appendEvent(trx, {
          dossierId: d.id,
          at: stamp,
          actorId: actor.id,
          actorName: actor.name,
          action: 'attach_result',
          fromStatus: d.status,
          toStatus: d.status,
          reason: null,
          dueAt: d.dueAt,
          data: JSON.stringify({ fileName: file.fileName }),
        });
        await this.deps.audit.append(trx, {
          at,
          actor,
          unitId,
          action: 'dossier.attach_result',
          entity: 'dossier',
          entityId: d.id,
          after: { fileName: file.fileName },
        });
      });
    } catch (err) {
      await this.deps.storage.remove(key);
      throw err;
    }
  }

  /** The unit's enabled specialists (and leaders), who can be given a dossier. */
  assignees(unitId: number): Promise<{ id: number; name: string }[]> {
    return this.actions.assignees(unitId);
  }

  /** What to tell the second of two people acting at once: who changed the dossier, how, and when. */
  private async conflict(d: DossierRow, conn: Conn = this.deps.db): Promise<ConflictError> {
    const last = await this.repo.lastEvent(conn, d.id);
    const action = last ? (m.action[last.action as DossierAction] ?? last.action) : '';
    return new ConflictError(
      'dossier_changed',
      m.conflict(last?.actorName ?? 'người khác', action, last ? formatDateTime(last.at) : ''),
    );
  }

  async get(unitId: number, id: number): Promise<DossierRow> {
    const d = await this.repo.byId(this.deps.db, unitId, id);
    if (!d) {
      throw new NotFoundError('dossier_not_found', m.notFound);
    }
    return d;
  }

  byCode(code: string): Promise<DossierRow | undefined> {
    return this.repo.byCode(this.deps.db, code);
  }

  events(dossierId: number) {
    return this.repo.events(this.deps.db, dossierId);
  }

  files(dossierId: number) {
    return this.repo.files(this.deps.db, dossierId);
  }

  file(dossierId: number, fileId: number) {
    return this.repo.file(this.deps.db, dossierId, fileId);
  }

  /**
   * The warning the staff page shows before and after the due date (issue #3 item 4: "the system warns before the due
   * date, and offers the apology"): due soon (from the start of the working day before the due day) or overdue, with
   * the last instant the apology with a new appointment may still be issued (Decree 61/2018 Art. 19), when it may.
   */
  async deadlineWarning(
    d: DossierRow,
  ): Promise<{ kind: 'due_soon' | 'overdue'; apologyUntil: Date | null } | null> {
    if (!CLOCK_RUNNING.has(d.status) || d.dueAt === null) {
      return null;
    }
    const now = this.deps.clock.now();
    const due = new Date(d.dueAt);
    const cal = await this.deps.calendar.workingCalendar(d.unitId, now);
    // From the start of the working day before the due day: a full working day to issue the apology.
    const dueDay = localDayAndMs(due).day;
    const warnFrom = instantOfDayMs(cal.days.previousWorkingDayNumber(dueDay), 0);
    if (now.getTime() < warnFrom.getTime()) {
      return null;
    }
    const latest = apologyLatestAt(due, cal);
    const apologyUntil = d.apologyCount === 0 && latest.getTime() >= now.getTime() ? latest : null;
    return { kind: now.getTime() > due.getTime() ? 'overdue' : 'due_soon', apologyUntil };
  }

  /**
   * The received dossiers a results list may need (issue #4 item 3: the dossiers behind a figure), each with its event
   * log, in order of receipt; the logs are read 500 dossiers at a time as the caller goes through them.
   */
  async *resultsCandidates(query: ResultsCandidateQuery): AsyncGenerator<ResultsCandidate> {
    const rows = await this.repo.resultsCandidates(this.deps.db, query);
    const CHUNK = 500;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const logs = await this.repo.eventLogs(
        this.deps.db,
        part.map((r) => r.id),
      );
      for (const r of part) {
        yield { ...r, events: logs.get(r.id) ?? [] };
      }
    }
  }

  /** The lines of the unit's tracking book (Mẫu 06) for a period of local dates. */
  trackingBook(unit: { id: number; name: string }, period: BookPeriod) {
    return trackingBookRows(this.deps.db, this.repo, unit, period);
  }

  /** May the actor see the unit's dossiers at all (any one-stop role)? */
  canSee(actor: Actor | null, unitId: number): boolean {
    return hasRole(actor, unitId, [...STAFF_ROLES_OF_ACTIONS, 'cchc_focal_point', 'inspector']);
  }

  /** A page of a work queue with the counts of every queue (issue #3 item 6). */
  async list(actor: Actor, unitId: number, query: ListQuery) {
    const now = this.deps.clock.now();
    const rules = dossierRulesAt(localDate(now));
    const base: Omit<DossierListFilter, 'queue'> = {
      unitId,
      actorId: actor.id,
      now: now.toISOString(),
      dueSoonBefore: new Date(now.getTime() + rules.dueSoonHours * 3_600_000).toISOString(),
      status: query.status,
      procedureCode: query.procedureCode,
      channel: query.channel,
      tokens: tokensOf(query.q),
    };
    const filter = { ...base, queue: query.queue };
    const [rows, total, counts] = await Promise.all([
      this.repo.list(this.deps.db, filter, PAGE_SIZE, (query.page - 1) * PAGE_SIZE),
      this.repo.count(this.deps.db, filter),
      // The tabs count each queue as a whole (not the search): 8 counts over a text filter cost too much at scale.
      this.repo.queueCounts(this.deps.db, { ...base, tokens: [] }),
    ]);
    return { rows, total, counts, now };
  }
}
