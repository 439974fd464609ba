/**
 * Which days are working days (DayCalendar) and when a unit works on them (WorkingCalendar).
 *
 * Public interface (pure; no I/O, never reads "now"):
 * - `new DayCalendar({ notices?: NoticeSource, holidayRules? })`: the days off of every year, built lazily per year
 *   from the derived holidays and that year's notice, and cached. Share one per deployment; build a new one when an
 *   admin edits a notice (it is cheap: nothing is computed until a year is asked for).
 *   `yearCalendar(year)`, `dayInfo(date)`, `isWorkingDay(date)`, and day-number forms for hot loops.
 * - `new WorkingCalendar({ days, rules, officeHours? })`: a DayCalendar + one unit's office hours + the rule version.
 *   `isWorkingDay`, `nextWorkingDay`, `previousWorkingDay`, `addWorkingDays`, `workingHoursOn`, `receivingHoursOn`,
 *   `isWorkingTime`, `isReceivingTime`, `openingOf`, `closeOf`, `yearCalendar`.
 * - `createWorkingCalendar({ notices?, holidayRules?, rules?, officeHours? })` for the common case.
 * A working day is Monday–Friday, or a make-up Saturday/Sunday, that is not a day off.
 */
import { CALENDAR_RULES_2018, type CalendarRules } from './calendar-rules.js';
import { type HolidayRule, isWeekdayNumber, LABOUR_CODE_HOLIDAY_RULES } from './holidays.js';
import {
  dateOfDayNumber,
  dayNumberOf,
  daysFromCivil,
  instantOfDayMs,
  type LocalDate,
  localDayAndMs,
  MINUTE_MS,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './local-time.js';
import { type NoticeSource } from './notices.js';
import { defineOfficeHours, type OfficeHours, type TimeRange } from './office-hours.js';
import { buildYearCalendar, type DayOff, type MakeUpDay, type YearCalendar } from './year-calendar.js';

/** Years a calendar answers for: one UTC+7 time zone for the whole country since 1975; lunar data to 2199. */
export const SUPPORTED_YEARS = { min: 1976, max: 2198 } as const;

/** Day flags: bit 0 = working day; bit 1 = a day off that is provisional. */
export const DAY_WORKING = 1;
export const DAY_PROVISIONAL_OFF = 2;
/** No year has more than a few weeks off in a row; a longer search means broken data. */
const MAX_SEARCH_DAYS = 400;

export interface DayInfo {
  readonly date: LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly working: boolean;
  readonly dayOff?: DayOff;
  readonly makeUp?: MakeUpDay;
}

export interface DayCalendarOptions {
  readonly notices?: NoticeSource;
  readonly holidayRules?: readonly HolidayRule[];
}

export class DayCalendar {
  private readonly notices: NoticeSource;
  private readonly holidayRules: readonly HolidayRule[];
  private readonly years = new Map<number, YearCalendar>();
  private readonly flagYears = new Map<number, Uint8Array>();
  private hotStart = 0;
  private hotFlags: Uint8Array = new Uint8Array(0);

  constructor(options: DayCalendarOptions = {}) {
    this.notices = options.notices ?? (() => undefined);
    this.holidayRules = options.holidayRules ?? LABOUR_CODE_HOLIDAY_RULES;
  }

  /** The year's days off and make-up days (cached). Throws RangeError outside SUPPORTED_YEARS (±1 for neighbours). */
  yearCalendar(year: number): YearCalendar {
    let cal = this.years.get(year);
    if (cal === undefined) {
      if (!Number.isInteger(year) || year < SUPPORTED_YEARS.min - 1 || year > SUPPORTED_YEARS.max + 1) {
        throw new RangeError(`Year outside ${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}: ${year}`);
      }
      cal = buildYearCalendar(year, this.notices(year), this.holidayRules);
      this.years.set(year, cal);
    }
    return cal;
  }

  private neighbours(year: number): YearCalendar[] {
    return [this.yearCalendar(year), this.yearCalendar(year - 1), this.yearCalendar(year + 1)];
  }

  /** Everything known about a date. A day off in any year calendar wins over a make-up day in another. */
  dayInfo(date: LocalDate): DayInfo {
    const day = dayNumberOf(date);
    const year = yearOfDayNumber(day);
    this.checkYear(year);
    const cals = this.neighbours(year);
    const dayOff = cals.map((c) => c.daysOff.get(date)).find((d) => d !== undefined);
    const makeUp = cals.map((c) => c.makeUpWorkdays.get(date)).find((d) => d !== undefined);
    return {
      date,
      weekday: weekdayOfDayNumber(day),
      working: (this.flagsOf(day) & DAY_WORKING) !== 0,
      ...(dayOff === undefined ? {} : { dayOff }),
      ...(makeUp === undefined ? {} : { makeUp }),
    };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** The flags of a day number (DAY_WORKING | DAY_PROVISIONAL_OFF). The hot path: one array read after warm-up. */
  flagsOf(day: number): number {
    const i = day - this.hotStart;
    if (i >= 0 && i < this.hotFlags.length) {
      return this.hotFlags[i] ?? 0;
    }
    const year = yearOfDayNumber(day);
    this.hotStart = daysFromCivil(year, 1, 1);
    this.hotFlags = this.flagsOfYear(year);
    return this.hotFlags[day - this.hotStart] ?? 0;
  }

  isWorkingDayNumber(day: number): boolean {
    return (this.flagsOf(day) & DAY_WORKING) !== 0;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDayNumber(day: number): number {
    for (let d = day + 1; d <= day + MAX_SEARCH_DAYS; d++) {
      if (this.isWorkingDayNumber(d)) {
        return d;
      }
    }
    throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days after ${dateOfDayNumber(day)}`);
  }

  /** The last working day strictly before `day`. */
  previousWorkingDayNumber(day: number): number {
    for (let d = day - 1; d >= day - MAX_SEARCH_DAYS; d--) {
      if (this.isWorkingDayNumber(d)) {
        return d;
      }
    }
    throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days before ${dateOfDayNumber(day)}`);
  }

  private checkYear(year: number): void {
    if (year < SUPPORTED_YEARS.min || year > SUPPORTED_YEARS.max) {
      throw new RangeError(`Year outside ${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}: ${year}`);
    }
  }

  private flagsOfYear(year: number): Uint8Array {
    let flags = this.flagYears.get(year);
    if (flags !== undefined) {
      return flags;
    }
    this.checkYear(year);
    const start = daysFromCivil(year, 1, 1);
    flags = new Uint8Array(daysFromCivil(year + 1, 1, 1) - start);
    const cals = this.neighbours(year);
    for (let i = 0; i < flags.length; i++) {
      const date = dateOfDayNumber(start + i);
      const off = cals.map((c) => c.daysOff.get(date)).find((d) => d !== undefined);
      const makeUp = cals.some((c) => c.makeUpWorkdays.has(date));
      if (off !== undefined) {
        flags[i] = off.provisional ? DAY_PROVISIONAL_OFF : 0;
      } else {
        flags[i] = isWeekdayNumber(start + i) || makeUp ? DAY_WORKING : 0;
      }
    }
    this.flagYears.set(year, flags);
    return flags;
  }
}

export interface WorkingCalendarOptions {
  readonly days: DayCalendar;
  readonly rules: CalendarRules;
  /** The unit's office hours; defaults to `rules.officeHours`. */
  readonly officeHours?: OfficeHours;
}

export class WorkingCalendar {
  readonly days: DayCalendar;
  readonly rules: CalendarRules;
  readonly officeHours: OfficeHours;
  /** Working sessions in milliseconds since local midnight (hot-path form of `officeHours.working`). */
  readonly sessionsMs: readonly TimeRange[];
  readonly openMs: number;
  readonly closeMs: number;
  readonly cutoffMs: number;

  constructor(options: WorkingCalendarOptions) {
    this.days = options.days;
    this.rules = options.rules;
    this.officeHours = defineOfficeHours(options.officeHours ?? options.rules.officeHours);
    this.sessionsMs = this.officeHours.working.map((r) => ({
      start: r.start * MINUTE_MS,
      end: r.end * MINUTE_MS,
    }));
    this.openMs = this.sessionsMs[0]?.start ?? 0;
    this.closeMs = this.sessionsMs[this.sessionsMs.length - 1]?.end ?? 0;
    this.cutoffMs = options.rules.afternoonCutoffMinutes * MINUTE_MS;
  }

  yearCalendar(year: number): YearCalendar {
    return this.days.yearCalendar(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.days.isWorkingDay(date);
  }

  nextWorkingDay(date: LocalDate): LocalDate {
    return dateOfDayNumber(this.days.nextWorkingDayNumber(dayNumberOf(date)));
  }

  previousWorkingDay(date: LocalDate): LocalDate {
    return dateOfDayNumber(this.days.previousWorkingDayNumber(dayNumberOf(date)));
  }

  /** The `n`-th working day after `date` (`date` itself not counted: Civil Code 2015 Art. 147); n = 0 gives `date`. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    let day = dayNumberOf(date);
    for (let i = 0; i < n; i++) {
      day = this.days.nextWorkingDayNumber(day);
    }
    return dateOfDayNumber(day);
  }

  /** Working sessions on `date`: the unit's hours on a working day, none on a day off or weekly rest day. */
  workingHoursOn(date: LocalDate): readonly TimeRange[] {
    return this.days.isWorkingDay(date) ? this.officeHours.working : [];
  }

  /** When the counter takes dossiers on `date`: working hours, or a receiving-only opening on a weekly rest day. */
  receivingHoursOn(date: LocalDate): readonly TimeRange[] {
    const info = this.days.dayInfo(date);
    if (info.working) {
      return this.officeHours.working;
    }
    return info.dayOff === undefined ? (this.officeHours.receivingOnly[info.weekday] ?? []) : [];
  }

  /** Whether an instant is working time; `includeClose` also accepts the end of a session (e.g. 17:00 sharp). */
  isWorkingTime(instant: Date, includeClose = false): boolean {
    const { day, ms } = localDayAndMs(instant);
    if (!this.days.isWorkingDayNumber(day)) {
      return false;
    }
    return this.sessionsMs.some((s) => ms >= s.start && (ms < s.end || (includeClose && ms === s.end)));
  }

  /** Whether the counter is open for receiving at an instant (working time or a receiving-only opening). */
  isReceivingTime(instant: Date): boolean {
    const { day, ms } = localDayAndMs(instant);
    const minutes = ms / MINUTE_MS;
    return this.receivingHoursOn(dateOfDayNumber(day)).some((r) => minutes >= r.start && minutes < r.end);
  }

  /** The opening instant of a working day. Throws RangeError on a day that is not a working day. */
  openingOf(date: LocalDate): Date {
    return instantOfDayMs(this.workingDayNumber(date), this.openMs);
  }

  /** The close of office hours of a working day: where day-based deadlines fall. Throws RangeError otherwise. */
  closeOf(date: LocalDate): Date {
    return instantOfDayMs(this.workingDayNumber(date), this.closeMs);
  }

  private workingDayNumber(date: LocalDate): number {
    const day = dayNumberOf(date);
    if (!this.days.isWorkingDayNumber(day)) {
      throw new RangeError(`Not a working day: ${date}`);
    }
    return day;
  }
}

export interface CreateWorkingCalendarOptions extends DayCalendarOptions {
  readonly rules?: CalendarRules;
  readonly officeHours?: OfficeHours;
}

/** A WorkingCalendar over a fresh DayCalendar (rules default to CALENDAR_RULES_2018). */
export function createWorkingCalendar(options: CreateWorkingCalendarOptions = {}): WorkingCalendar {
  return new WorkingCalendar({
    days: new DayCalendar(options),
    rules: options.rules ?? CALENDAR_RULES_2018,
    ...(options.officeHours === undefined ? {} : { officeHours: options.officeHours }),
  });
}
