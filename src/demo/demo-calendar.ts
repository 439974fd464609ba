/*
 * Calendar helpers for dating the demo content in Vietnam's time zone (UTC+7, no daylight saving): pure, the
 * instants come from the injected clock.
 */

const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export type VnDate = { year: number; month: number; day: number };

/** The calendar date in Asia/Ho_Chi_Minh of an instant. */
export function vnDate(instant: Date): VnDate {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant of a wall-clock time in Vietnam. Months and days out of range roll over as Date.UTC does. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MS);
}

/** The date `days` after (or before, when negative) a calendar date. */
export function addDays(d: VnDate, days: number): VnDate {
  return vnDate(new Date(vnInstant(d.year, d.month, d.day, 12).getTime() + days * DAY_MS));
}

/** The month after (or before) a calendar month: { year, month }. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekday(d: VnDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The n-th (1-based) given weekday of a month, e.g. the first Thursday. */
export function nthWeekday(year: number, month: number, dow: number, n: number): VnDate {
  const first = weekday({ year, month, day: 1 });
  return { year, month, day: 1 + ((dow - first + 7) % 7) + (n - 1) * 7 };
}

/** "5/9/2026": how Vietnamese news text writes a date. */
export const dmy = (d: VnDate): string => `${d.day}/${d.month}/${d.year}`;
export const dm = (d: VnDate): string => `${d.day}/${d.month}`;
