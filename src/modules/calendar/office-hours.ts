/**
 * Office hours of a unit, as data (per unit, passed in; the defaults below are named configuration).
 *
 * Public interface (pure):
 * - `TimeRange` `{ start, end }` in minutes since local midnight, half-open [start, end).
 * - `OfficeHours` `{ working, receivingOnly }`.
 * - `DEFAULT_OFFICE_HOURS`, `SATURDAY_MORNING_RECEIVING`.
 * - `officeHoursProblems(h)` → string[] and `defineOfficeHours(h)` (validates, freezes, throws RangeError).
 */
import { formatClock, parseClock } from './local-time.js';

export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

export interface OfficeHours {
  /**
   * Sessions of working time on every working day, in order (Mon–Fri that are not days off, and make-up Saturdays,
   * which have the normal working hours). The first start is the opening, the last end is "the close of office hours"
   * at which day-based deadlines fall.
   */
  readonly working: readonly TimeRange[];
  /**
   * Openings for RECEIVING dossiers only, by weekday (0 = Sunday, 6 = Saturday), on weekly rest days that are not days
   * off: the counter takes dossiers, but this is not working time, so a receipt there counts from the next working day.
   */
  readonly receivingOnly: Readonly<Partial<Record<number, readonly TimeRange[]>>>;
}

export const range = (start: string, end: string): TimeRange => ({
  start: parseClock(start),
  end: parseClock(end),
});

/**
 * 07:00–11:30 and 13:30–17:00 (the default of the provincial one-stop software studied in domain.md §1.5; units set
 * their own). No Saturday opening by default.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  working: Object.freeze([range('07:00', '11:30'), range('13:30', '17:00')]),
  receivingOnly: Object.freeze({}),
});

/** A Saturday-morning receiving opening, for units that have one: `{ ...DEFAULT_OFFICE_HOURS, receivingOnly: … }`. */
export const SATURDAY_MORNING_RECEIVING: OfficeHours['receivingOnly'] = Object.freeze({
  6: Object.freeze([range('07:00', '11:30')]),
});

function rangesProblems(label: string, ranges: readonly TimeRange[]): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  for (const r of ranges) {
    const text = `${formatClock(r.start)}–${formatClock(r.end)}`;
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end > 1440) {
      problems.push(`${label}: ${text} is not within one day`);
    } else if (r.end <= r.start) {
      problems.push(`${label}: ${text} ends before it starts`);
    } else if (r.start < previousEnd) {
      problems.push(`${label}: ${text} overlaps or precedes the session before it`);
    }
    previousEnd = r.end;
  }
  return problems;
}

/** Everything wrong with `h` (empty when valid): at least one working session, sessions in order, not overlapping. */
export function officeHoursProblems(h: OfficeHours): string[] {
  const problems = h.working.length === 0 ? ['working: at least one session is needed'] : [];
  problems.push(...rangesProblems('working', h.working));
  for (const [weekday, ranges] of Object.entries(h.receivingOnly)) {
    if (!['0', '6'].includes(weekday)) {
      problems.push(`receivingOnly: weekday ${weekday} is not a weekly rest day (0 or 6)`);
    }
    problems.push(...rangesProblems(`receivingOnly[${weekday}]`, ranges ?? []));
  }
  return problems;
}

/** Validates and freezes office hours. Throws RangeError listing the problems. */
export function defineOfficeHours(h: OfficeHours): OfficeHours {
  const problems = officeHoursProblems(h);
  if (problems.length > 0) {
    throw new RangeError(`Invalid office hours: ${problems.join('; ')}`);
  }
  const receivingOnly: Record<number, readonly TimeRange[]> = {};
  for (const [weekday, ranges] of Object.entries(h.receivingOnly)) {
    receivingOnly[Number(weekday)] = Object.freeze((ranges ?? []).map((r) => Object.freeze({ ...r })));
  }
  return Object.freeze({
    working: Object.freeze(h.working.map((r) => Object.freeze({ ...r }))),
    receivingOnly: Object.freeze(receivingOnly),
  });
}
