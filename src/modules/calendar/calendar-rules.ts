/**
 * Counting rules, versioned by effective date. Every computed deadline records the `version` that made it, so a
 * stored deadline can be explained after the rules change.
 *
 * Public interface (pure):
 * - `CalendarRules` `{ version, effectiveFrom, officeHours, afternoonCutoffMinutes, apologyDeadline }`.
 * - `CALENDAR_RULES_2018` (Decree 61/2018, in force since 21/06/2018) and `CALENDAR_RULE_VERSIONS`.
 * - `rulesInForce(versions, at)` → the version in force at an instant or local date.
 * Holidays are not part of a version: each holiday rule carries its own effective date (holidays.ts), and the yearly
 * notices are data.
 */
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours.js';
import { isLocalDate, type LocalDate, toLocal } from './local-time.js';

/**
 * How "no later than 1 day before the due date" (Decree 61/2018 Art. 19) is read for the apology with a new
 * appointment. 'close_of_previous_working_day': the apology must be issued by the close of office hours of the last
 * working day before the local day of the due date (due Fri 17:00 → by Thu 17:00; due Mon → by Fri 17:00). For a
 * due date at the close of office hours this is exactly "at least one working day earlier"; it never requires staff to
 * act on a day off, and it leaves the one-stop unit the working day it needs to change the date and tell the citizen.
 */
export type ApologyDeadlinePolicy = 'close_of_previous_working_day';

export interface CalendarRules {
  readonly version: string;
  /** First local date on which this version applies (by the instant the counting starts from). */
  readonly effectiveFrom: LocalDate;
  /** Default office hours; a unit's own hours override them when the calendar is built. */
  readonly officeHours: OfficeHours;
  /** "After 15:00" (Decree 61/2018 Art. 18): a receipt strictly later than this counts from the next working day. */
  readonly afternoonCutoffMinutes: number;
  readonly apologyDeadline: ApologyDeadlinePolicy;
}

/** Decree 61/2018/NĐ-CP (effective 21/06/2018), Civil Code 2015 Arts. 147–148, Labour Code 2019 Arts. 111–112. */
export const CALENDAR_RULES_2018: CalendarRules = Object.freeze({
  version: 'nd61-2018.1',
  effectiveFrom: '2018-06-21',
  officeHours: DEFAULT_OFFICE_HOURS,
  afternoonCutoffMinutes: 15 * 60,
  apologyDeadline: 'close_of_previous_working_day',
});

/** All versions, oldest first. Append a new version; never edit one that deadlines were stored with. */
export const CALENDAR_RULE_VERSIONS: readonly CalendarRules[] = Object.freeze([CALENDAR_RULES_2018]);

/** The version in force at `at` (an instant, or a local date): the latest whose `effectiveFrom` is not after it. */
export function rulesInForce(versions: readonly CalendarRules[], at: Date | LocalDate): CalendarRules {
  const date = typeof at === 'string' && isLocalDate(at) ? at : toLocal(at).date;
  let found: CalendarRules | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= date && (found === undefined || v.effectiveFrom >= found.effectiveFrom)) {
      found = v;
    }
  }
  if (found === undefined) {
    throw new RangeError(`No calendar rules in force on ${date}`);
  }
  return found;
}
