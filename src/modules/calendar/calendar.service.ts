/**
 * The working calendar with its data: the yearly holiday notices (deployment-wide, edited by the province admin) and
 * each unit's office hours, loaded once into a DayCalendar and per-unit WorkingCalendars, and rebuilt after each edit.
 *
 * Public interface:
 * - `dueDate({ unitId, receivedAt, kind, amount, after15 })` → `computeDueAt` result + `noticeRevision`.
 * - `workingCalendar(unitId, at)`, `yearCalendar(year)`, `noticeRevision()`.
 * - Notices: `noticeYears()`, `noticesOfYear(year)`, `getNotice(id)`, `saveNotice(...)`, `deleteNotice(...)`.
 * - Office hours: `officeHoursOf(unitId)`, `setOfficeHours(...)`.
 * - `canEditNotices(actor, unitId)`: the national notice is edited by an admin of a unit without a parent.
 * Every write is one transaction with its audit row.
 */
import { createHash } from 'node:crypto';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { FieldError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { hasRole, type Actor } from '../accounts/actor.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { CALENDAR_RULE_VERSIONS, rulesInForce, type CalendarRules } from './calendar-rules.js';
import { calendarMessages } from './calendar.messages.js';
import type { NoticeRow, NoticeWrite, CalendarRepository } from './calendar.repository.js';
import { computeDueAt, type DueDateResult, type TimeLimitKind } from './due-date.js';
import { HOLIDAY_IDS, type HolidayId } from './holidays.js';
import { noticeProblems, type NoticeConfidence, type NoticeEntry } from './notices.js';
import { officeHoursProblems, type OfficeHours } from './office-hours.js';
import { DayCalendar, WorkingCalendar } from './working-calendar.js';
import type { YearCalendar } from './year-calendar.js';

type Deps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  directory: UnitDirectory;
  repo: CalendarRepository;
  rules?: readonly CalendarRules[];
  /**
   * How long a process trusts what it loaded before reading the tables again (edits made by another process of the
   * same deployment show up within this time; edits made here apply at once).
   */
  cacheTtlMs?: number;
};

export type DueDateRequest = {
  unitId: number;
  receivedAt: Date;
  kind: TimeLimitKind;
  amount: number;
  after15: boolean;
};

export type DueDateAnswer = DueDateResult & {
  /** Identifies the notices the deadline was computed with: store it beside the deadline and `ruleVersion`. */
  readonly noticeRevision: string;
};

/** A notice entry as the admin form gives it (dates 'YYYY-MM-DD'; empty `covers`: read from the name). */
export type NoticeInput = {
  year: number;
  name: string;
  offFrom: string | null;
  offTo: string | null;
  makeUpWorkdays: string[];
  confidence: NoticeConfidence;
  covers: HolidayId[];
  note: string;
  source: string;
};

export type SaveResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

type Snapshot = {
  loadedAt: number;
  days: DayCalendar;
  revision: string;
  rows: NoticeRow[];
  officeHours: Map<number, OfficeHours>;
  calendars: Map<string, WorkingCalendar>;
};

/** Reads a JSON column written by this service; anything else reads as `fallback`. */
function parseJson<T>(text: string | null, ok: (v: unknown) => v is T, fallback: T): T {
  if (text === null) {
    return fallback;
  }
  try {
    const v: unknown = JSON.parse(text);
    return ok(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const isHolidayIds = (v: unknown): v is HolidayId[] =>
  Array.isArray(v) && v.every((x) => (HOLIDAY_IDS as readonly unknown[]).includes(x));
const isOfficeHours = (v: unknown): v is OfficeHours =>
  typeof v === 'object' && v !== null && Array.isArray((v as { working?: unknown }).working);

/** The calendar's view of a stored notice entry. */
export function noticeEntryOf(row: NoticeRow): NoticeEntry {
  const covers = parseJson<HolidayId[]>(row.covers, isHolidayIds, []);
  return {
    name: row.name,
    off: row.offFrom !== null && row.offTo !== null ? [row.offFrom, row.offTo] : null,
    makeUpWorkdays: parseJson<string[]>(row.makeUpWorkdays, isStringArray, []),
    confidence: row.confidence,
    ...(row.note ? { note: row.note } : {}),
    ...(row.source ? { source: row.source } : {}),
    ...(covers.length > 0 ? { covers } : {}),
  };
}

/**
 * A short, stable fingerprint of every notice entry (what the calendar reads, not ids or edit times): two deployments
 * or two moments with the same notices have the same revision, and the audit trail holds every revision's content.
 */
export function noticeRevisionOf(rows: readonly NoticeRow[]): string {
  const canonical = rows.map((r) => [r.year, noticeEntryOf(r)]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}

function entryOfInput(input: NoticeInput): NoticeEntry {
  return {
    name: input.name,
    off: input.offFrom !== null && input.offTo !== null ? [input.offFrom, input.offTo] : null,
    makeUpWorkdays: input.makeUpWorkdays,
    confidence: input.confidence,
    ...(input.note ? { note: input.note } : {}),
    ...(input.source ? { source: input.source } : {}),
    ...(input.covers.length > 0 ? { covers: input.covers } : {}),
  };
}

const NOTICE_FIELD: Record<string, string> = {
  name: 'name',
  confidence: 'confidence',
  off: 'offFrom',
};

export class CalendarService {
  private readonly rules: readonly CalendarRules[];
  private readonly ttlMs: number;
  private snap: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;
  private generation = 0;

  constructor(private readonly deps: Deps) {
    this.rules = deps.rules ?? CALENDAR_RULE_VERSIONS;
    this.ttlMs = deps.cacheTtlMs ?? 60_000;
  }

  /** What the calendar knows now; loaded on first use, again after an edit or when older than the TTL. */
  private async snapshot(): Promise<Snapshot> {
    const s = this.snap;
    if (s && Date.now() - s.loadedAt < this.ttlMs) {
      return s;
    }
    if (!this.loading) {
      const generation = this.generation;
      this.loading = this.load()
        .then((fresh) => {
          if (generation === this.generation) {
            this.snap = fresh;
          }
          return fresh;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const { db, repo } = this.deps;
    const [rows, hours] = await Promise.all([repo.findAllNotices(db), repo.findAllOfficeHours(db)]);
    const byYear = new Map<number, NoticeEntry[]>();
    for (const r of rows) {
      byYear.set(r.year, [...(byYear.get(r.year) ?? []), noticeEntryOf(r)]);
    }
    const officeHours = new Map<number, OfficeHours>();
    for (const h of hours) {
      const parsed = parseJson<OfficeHours | null>(h.hoursJson, isOfficeHours, null);
      if (parsed && officeHoursProblems(parsed).length === 0) {
        officeHours.set(h.unitId, parsed);
      }
    }
    return {
      loadedAt: Date.now(),
      days: new DayCalendar({ notices: (year) => byYear.get(year) }),
      revision: noticeRevisionOf(rows),
      rows,
      officeHours,
      calendars: new Map(),
    };
  }

  /** Drops what is loaded: the next question reads the tables again. */
  invalidate(): void {
    this.generation++;
    this.snap = undefined;
    this.loading = undefined;
  }

  private calendarIn(s: Snapshot, unitId: number, at: Date): WorkingCalendar {
    const rules = rulesInForce(this.rules, at);
    const key = `${unitId}|${rules.version}`;
    let cal = s.calendars.get(key);
    if (!cal) {
      const hours = s.officeHours.get(unitId);
      cal = new WorkingCalendar({ days: s.days, rules, ...(hours ? { officeHours: hours } : {}) });
      s.calendars.set(key, cal);
    }
    return cal;
  }

  /** The unit's working calendar under the rules in force at `at`. Throws RangeError before the first rules. */
  async workingCalendar(unitId: number, at: Date): Promise<WorkingCalendar> {
    return this.calendarIn(await this.snapshot(), unitId, at);
  }

  /**
   * When the result of a dossier received at `receivedAt` is due at the unit (computeDueAt, with the unit's office
   * hours and the rules in force at receipt). An instant the calendar cannot count from (before the first rules,
   * or too close to the end of the supported years) is a FieldError on `receivedAt`.
   */
  async dueDate(input: DueDateRequest): Promise<DueDateAnswer> {
    const s = await this.snapshot();
    try {
      const cal = this.calendarIn(s, input.unitId, input.receivedAt);
      const result = computeDueAt(input, cal);
      return { ...result, noticeRevision: s.revision };
    } catch (err) {
      if (err instanceof RangeError) {
        throw new FieldError('receivedAt', 'received_at_out_of_range', calendarMessages.api.receivedAtRange);
      }
      throw err;
    }
  }

  /** The days off and make-up days of a year. Throws RangeError outside the supported years. */
  async yearCalendar(year: number): Promise<YearCalendar> {
    return (await this.snapshot()).days.yearCalendar(year);
  }

  async noticeRevision(): Promise<string> {
    return (await this.snapshot()).revision;
  }

  /** Years that have notice entries, newest first. */
  async noticeYears(): Promise<number[]> {
    const years = new Set((await this.snapshot()).rows.map((r) => r.year));
    return [...years].sort((a, b) => b - a);
  }

  async noticesOfYear(year: number): Promise<NoticeRow[]> {
    return (await this.snapshot()).rows.filter((r) => r.year === year);
  }

  async getNotice(id: number): Promise<NoticeRow> {
    const row = await this.deps.repo.findNoticeById(this.deps.db, id);
    if (!row) {
      throw new NotFoundError('notice_not_found', calendarMessages.admin.noticeNotFound);
    }
    return row;
  }

  /**
   * The civil-service notice applies to the whole deployment, so only an admin of a unit without a parent (the
   * province, or the one root unit of a smaller deployment) edits it.
   */
  canEditNotices(actor: Actor | null | undefined, unitId: number): boolean {
    const unit = this.deps.directory.get(unitId);
    return !!actor && !!unit && unit.parentId === null && hasRole(actor, unitId, ['admin']);
  }

  private assertCanEditNotices(actor: Actor, unitId: number): void {
    if (!this.canEditNotices(actor, unitId)) {
      throw new ForbiddenError('notice_root_admin_only', calendarMessages.admin.rootOnly);
    }
  }

  /**
   * Adds (id null) or changes a notice entry, after checking the whole year with it (noticeProblems): messages are
   * returned per form field. The calendar is rebuilt at once, so the next due date uses the new notice.
   */
  async saveNotice(
    actor: Actor,
    unitId: number,
    id: number | null,
    input: NoticeInput,
    ip: string | null = null,
  ): Promise<SaveResult> {
    this.assertCanEditNotices(actor, unitId);
    const { db, repo, audit, clock } = this.deps;
    const entry = entryOfInput(input);
    const result = await db.transaction().execute(async (trx): Promise<SaveResult> => {
      const all = await repo.findAllNotices(trx);
      const existing = id === null ? undefined : all.find((r) => r.id === id);
      if (id !== null && !existing) {
        throw new NotFoundError('notice_not_found', calendarMessages.admin.noticeNotFound);
      }
      const others = all.filter((r) => r.year === input.year && r.id !== id);
      // The entry goes last, so a holiday it repeats is reported on it, not on the entry already there.
      const errors = this.noticeErrors(input.year, [...others.map(noticeEntryOf), entry]);
      if (Object.keys(errors).length > 0) {
        return { ok: false, errors };
      }
      const now = clock.now();
      const position =
        existing && existing.year === input.year
          ? existing.position
          : others.reduce((max, r) => Math.max(max, r.position + 1), 0);
      const row: NoticeWrite = {
        year: input.year,
        position,
        name: input.name,
        offFrom: input.offFrom,
        offTo: input.offTo,
        makeUpWorkdays: JSON.stringify(input.makeUpWorkdays),
        confidence: input.confidence,
        covers: input.covers.length > 0 ? JSON.stringify(input.covers) : null,
        note: input.note || null,
        source: input.source || null,
        updatedAt: now.toISOString(),
        updatedBy: actor.id,
      };
      const savedId = existing ? existing.id : await repo.insertNotice(trx, row);
      if (existing) {
        await repo.updateNotice(trx, existing.id, row);
      }
      await audit.append(trx, {
        at: now,
        actor,
        unitId,
        action: existing ? 'calendar_notice.update' : 'calendar_notice.create',
        entity: 'calendar_notice',
        entityId: savedId,
        before: existing ? { year: existing.year, ...noticeEntryOf(existing) } : undefined,
        after: { year: input.year, ...entry },
        ip,
      });
      return { ok: true, id: savedId };
    });
    if (result.ok) {
      this.invalidate();
    }
    return result;
  }

  private noticeErrors(year: number, entries: NoticeEntry[]): Record<string, string> {
    const last = `${year}[${entries.length - 1}]`;
    const errors: Record<string, string> = {};
    for (const p of noticeProblems(year, entries)) {
      let field: string;
      let message: string = p.message;
      if (p.path.startsWith(`${last}.makeUpWorkdays`)) {
        field = 'makeUpWorkdays';
      } else if (p.path.startsWith(`${last}.`)) {
        field = NOTICE_FIELD[p.path.slice(last.length + 1)] ?? 'name';
      } else if (p.code === 'make_up_inside_off') {
        // Another entry's make-up day falls inside the range being saved.
        field = 'offFrom';
        message = calendarMessages.admin.offCoversMakeUp;
      } else {
        field = 'name';
      }
      errors[field] ??= message;
    }
    return errors;
  }

  async deleteNotice(actor: Actor, unitId: number, id: number, ip: string | null = null): Promise<void> {
    this.assertCanEditNotices(actor, unitId);
    const { db, repo, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const existing = await repo.findNoticeById(trx, id);
      if (!existing) {
        throw new NotFoundError('notice_not_found', calendarMessages.admin.noticeNotFound);
      }
      await repo.deleteNotice(trx, id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'calendar_notice.delete',
        entity: 'calendar_notice',
        entityId: id,
        before: { year: existing.year, ...noticeEntryOf(existing) },
        ip,
      });
    });
    this.invalidate();
  }

  /** The unit's office hours, and whether they are its own (false: the rules' default). */
  async officeHoursOf(unitId: number, at: Date): Promise<{ hours: OfficeHours; custom: boolean }> {
    const s = await this.snapshot();
    const own = s.officeHours.get(unitId);
    return own
      ? { hours: own, custom: true }
      : { hours: rulesInForce(this.rules, at).officeHours, custom: false };
  }

  /** Sets the unit's office hours (an admin of the unit). Invalid hours are a FieldError; the form checks first. */
  async setOfficeHours(
    actor: Actor,
    unitId: number,
    hours: OfficeHours,
    ip: string | null = null,
  ): Promise<void> {
    if (!hasRole(actor, unitId, ['admin'])) {
      throw new ForbiddenError('role_required', calendarMessages.admin.unitAdminOnly);
    }
    if (officeHoursProblems(hours).length > 0) {
      throw new FieldError('morningStart', 'office_hours_invalid', calendarMessages.hours.order);
    }
    const { db, repo, audit, clock } = this.deps;
    const before = (await this.officeHoursOf(unitId, clock.now())).hours;
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await repo.upsertOfficeHours(trx, {
        unitId,
        hoursJson: JSON.stringify(hours),
        updatedAt: now.toISOString(),
        updatedBy: actor.id,
      });
      await audit.append(trx, {
        at: now,
        actor,
        unitId,
        action: 'unit_office_hours.update',
        entity: 'unit_office_hours',
        entityId: unitId,
        before,
        after: hours,
        ip,
      });
    });
    this.invalidate();
  }
}
