/**
 * Due-date arithmetic for administrative procedures. Deadlines are instants (UTC; shown at +07:00).
 *
 * Public interface (pure; `now` is always passed in):
 * - `TimeLimit` `{ kind, amount, after15 }`, `TIME_LIMIT_KINDS`.
 * - `computeDueAt({ receivedAt, kind, amount, after15 }, calendar)` → `DueDateResult`
 *   `{ dueAt, countedFrom, countedFromDate, ruleVersion, provisional, kind, amount, after15 }`.
 * - `restartAfterSupplement({ limit, supplementRequestedAt, completedAt }, calendar)` → `DueDateResult`.
 * - `apologyLatestAt(dueAt, calendar)`, `canIssueApology({ dueAt, now, apologiesIssued }, calendar)`,
 *   `checkNewAppointment({ currentDueAt, newDueAt }, calendar)` and `issueApology(...)` for Mẫu 04.
 * The due date in force is always the last one computed (a restart or an accepted new appointment replaces it).
 */
import { type LocalDate, dateOfDayNumber, instantOfDayMs, localDayAndMs } from './local-time.js';
import { DAY_PROVISIONAL_OFF, type WorkingCalendar } from './working-calendar.js';
import { type apologyMessages } from './calendar.messages.js';

export const TIME_LIMIT_KINDS = ['working_days', 'same_day', 'calendar_days', 'working_hours'] as const;
export type TimeLimitKind = (typeof TIME_LIMIT_KINDS)[number];

/** A procedure's time limit. `after15`: the procedure applies the after-15:00 rule (always on for same_day). */
export interface TimeLimit {
  readonly kind: TimeLimitKind;
  /** Working days, calendar days or working hours; ignored for same_day (send 0). A non-negative integer. */
  readonly amount: number;
  readonly after15: boolean;
}

export interface DueDateInput extends TimeLimit {
  readonly receivedAt: Date;
}

export interface DueDateResult {
  readonly dueAt: Date;
  /** The instant counting starts from: the receipt, or the next opening when received outside working time. */
  readonly countedFrom: Date;
  /** The local working day treated as the day of receipt. */
  readonly countedFromDate: LocalDate;
  /** The CalendarRules version that made this deadline: store it with the deadline. */
  readonly ruleVersion: string;
  /**
   * True when a provisional day off (a derived default, no official notice yet) lies where it can move this deadline:
   * between the receipt day and the due day (for calendar_days: before the counted day, or where the due day was
   * pushed). Show the deadline as provisional ("dự kiến").
   */
  readonly provisional: boolean;
  readonly kind: TimeLimitKind;
  readonly amount: number;
  /** Whether the after-15:00 rule was applied (the procedure's flag, or same_day). */
  readonly after15: boolean;
}

/** The largest amount accepted: 2 years of working days; anything more is a data error. */
export const MAX_AMOUNT = 520;

/**
 * The working day a receipt counts as received on: the day itself when it is a working day and the receipt is before
 * the close of office hours (and, with the after-15:00 rule, not after 15:00: Decree 61/2018 Art. 18); otherwise the
 * next working day. Receipt on a day off (including a Saturday-morning receiving-only opening) → next working day.
 */
function countedFromDay(cal: WorkingCalendar, day: number, ms: number, after15: boolean): number {
  const late = ms >= cal.closeMs || (after15 && ms > cal.cutoffMs);
  return cal.days.isWorkingDayNumber(day) && !late ? day : cal.days.nextWorkingDayNumber(day);
}

function provisionalBetween(cal: WorkingCalendar, from: number, to: number): boolean {
  for (let d = from; d <= to; d++) {
    if ((cal.days.flagsOf(d) & DAY_PROVISIONAL_OFF) !== 0) {
      return true;
    }
  }
  return false;
}

/** `amount` hours of office time from (day, ms), skipping lunch and days off. Returns [due day, due ms, start day, start ms]. */
function addWorkingHours(
  cal: WorkingCalendar,
  day: number,
  ms: number,
  amount: number,
): [number, number, number, number] {
  let remaining = amount * 3_600_000;
  let start: [number, number] | undefined;
  for (;;) {
    if (cal.days.isWorkingDayNumber(day)) {
      for (const s of cal.sessionsMs) {
        if (ms >= s.end) {
          continue;
        }
        ms = Math.max(ms, s.start);
        start ??= [day, ms];
        if (remaining <= s.end - ms) {
          return [day, ms + remaining, start[0], start[1]];
        }
        remaining -= s.end - ms;
        ms = s.end;
      }
    }
    day = cal.days.nextWorkingDayNumber(day);
    ms = 0;
  }
}

/**
 * The due instant of a time limit counted from a receipt.
 * - working_days N: the close of office hours on the N-th working day after the day of receipt (the day of receipt is
 *   not counted: Civil Code 2015 Art. 147; a receipt after closing or on a day off counts from the next working day).
 * - same_day: the close of office hours on the day of receipt; after 15:00, after closing or on a day off, the close of
 *   the next working day (Decree 61/2018 Art. 18; Decree 23/2015 for chứng thực; Law on Civil Status 2014).
 * - calendar_days N: the close of office hours on the day of receipt + N days, moved to the next working day when that
 *   is a day off (Civil Code 2015 Art. 148). The day of receipt is the counted one, as for working_days.
 * - working_hours N: N hours of office time from the receipt (from the next opening if outside office hours), skipping
 *   the lunch break and days off.
 * With `after15`, a receipt after 15:00 counts from the next working day for every kind (Decree 61/2018 Art. 18).
 */
export function computeDueAt(input: DueDateInput, calendar: WorkingCalendar): DueDateResult {
  const { kind, after15: flag, receivedAt } = input;
  const amount = kind === 'same_day' ? 0 : input.amount;
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
    throw new RangeError(`Time limit amount must be an integer 0–${MAX_AMOUNT}: ${input.amount}`);
  }
  if (Number.isNaN(receivedAt.getTime())) {
    throw new RangeError('receivedAt is not a valid instant');
  }
  const after15 = flag || kind === 'same_day';
  const { day, ms } = localDayAndMs(receivedAt);
  const fromDay = countedFromDay(calendar, day, ms, after15);
  let dueDay: number;
  let dueMs = calendar.closeMs;
  let countedFrom = fromDay === day ? receivedAt : instantOfDayMs(fromDay, calendar.openMs);
  if (kind === 'working_hours') {
    const [d, m, sd, sm] = addWorkingHours(calendar, fromDay, fromDay === day ? ms : 0, amount);
    [dueDay, dueMs] = [d, m];
    countedFrom = sd === day && sm === ms ? receivedAt : instantOfDayMs(sd, sm);
  } else if (kind === 'calendar_days') {
    dueDay = fromDay + amount;
    if (!calendar.days.isWorkingDayNumber(dueDay)) {
      dueDay = calendar.days.nextWorkingDayNumber(dueDay);
    }
  } else {
    dueDay = fromDay;
    for (let i = 0; i < amount; i++) {
      dueDay = calendar.days.nextWorkingDayNumber(dueDay);
    }
  }
  return {
    dueAt: instantOfDayMs(dueDay, dueMs),
    countedFrom,
    countedFromDate: dateOfDayNumber(fromDay),
    ruleVersion: calendar.rules.version,
    provisional:
      kind === 'calendar_days'
        ? provisionalBetween(calendar, day, fromDay) || provisionalBetween(calendar, fromDay + amount, dueDay)
        : provisionalBetween(calendar, day, dueDay),
    kind,
    amount,
    after15,
  };
}

/**
 * After a request to supplement (Mẫu 02), the clock restarts from zero when the complete dossier arrives: a new due
 * date is computed from `completedAt` with the FULL time limit (Decree 61/2018 Art. 19). It becomes the due date in
 * force. Throws RangeError when `completedAt` is before `supplementRequestedAt`.
 */
export function restartAfterSupplement(
  input: { limit: TimeLimit; supplementRequestedAt: Date; completedAt: Date },
  calendar: WorkingCalendar,
): DueDateResult {
  if (input.completedAt.getTime() < input.supplementRequestedAt.getTime()) {
    throw new RangeError('The complete dossier cannot arrive before the supplement request');
  }
  return computeDueAt({ ...input.limit, receivedAt: input.completedAt }, calendar);
}

export type ApologyRefusal = keyof typeof apologyMessages;

/**
 * The last instant an apology with a new appointment may be issued for a due date: "no later than 1 day before the
 * due date" (Decree 61/2018 Art. 19), read per `rules.apologyDeadline` = 'close_of_previous_working_day': the close
 * of office hours of the last working day before the local day of `dueAt`.
 */
export function apologyLatestAt(dueAt: Date, calendar: WorkingCalendar): Date {
  const { day } = localDayAndMs(dueAt);
  return instantOfDayMs(calendar.days.previousWorkingDayNumber(day), calendar.closeMs);
}

/**
 * Whether the apology with a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04) may be issued now:
 * only once per dossier, and no later than `apologyLatestAt` (Decree 61/2018 Art. 19).
 */
export function canIssueApology(
  input: { dueAt: Date; now: Date; apologiesIssued: number },
  calendar: WorkingCalendar,
): { allowed: true; latestAt: Date } | { allowed: false; reason: ApologyRefusal; latestAt: Date } {
  const latestAt = apologyLatestAt(input.dueAt, calendar);
  if (input.apologiesIssued >= 1) {
    return { allowed: false, reason: 'chi_duoc_hen_lai_mot_lan', latestAt };
  }
  if (input.now.getTime() > latestAt.getTime()) {
    return { allowed: false, reason: 'qua_thoi_han_xin_loi', latestAt };
  }
  return { allowed: true, latestAt };
}

/**
 * The new appointment chosen by the caller must be after the due date in force and a working instant: on a working
 * day, within office hours (a session's end, e.g. 17:00, included) (Decree 61/2018 Art. 19: the one-stop unit changes
 * the due date to the new appointment). Returns null when acceptable.
 */
export function checkNewAppointment(
  input: { currentDueAt: Date; newDueAt: Date },
  calendar: WorkingCalendar,
): ApologyRefusal | null {
  if (input.newDueAt.getTime() <= input.currentDueAt.getTime()) {
    return 'hen_moi_khong_sau_han_cu';
  }
  return calendar.isWorkingTime(input.newDueAt, true) ? null : 'hen_moi_ngoai_gio_lam_viec';
}

/**
 * Issues the apology with a new appointment when both checks pass: the new appointment becomes the due date in force
 * and the count of apologies goes up by one.
 */
export function issueApology(
  input: { dueAt: Date; now: Date; apologiesIssued: number; newDueAt: Date },
  calendar: WorkingCalendar,
): { ok: true; dueAt: Date; apologiesIssued: number } | { ok: false; reason: ApologyRefusal } {
  const can = canIssueApology(input, calendar);
  if (!can.allowed) {
    return { ok: false, reason: can.reason };
  }
  const refusal = checkNewAppointment({ currentDueAt: input.dueAt, newDueAt: input.newDueAt }, calendar);
  return refusal === null
    ? { ok: true, dueAt: input.newDueAt, apologiesIssued: input.apologiesIssued + 1 }
    : { ok: false, reason: refusal };
}
