/**
 * Vietnam civil time, without Intl and without the server's TZ.
 *
 * Vietnam keeps UTC+07:00 all year, with no daylight saving time (one time zone, Asia/Ho_Chi_Minh, since the
 * reunification in 1975), so local time is plain arithmetic on the UTC instant. Deadlines are INSTANTS (DESIGN.md,
 * overriding STYLE.md §2.9): stored as UTC ISO strings, shown with "+07:00".
 *
 * Public interface (pure, no I/O, never reads "now"):
 * - `LocalDate`: 'YYYY-MM-DD' in Vietnam; `isLocalDate(s)`.
 * - `toLocal(instant)` → `{ date, minutes }` (minutes since local midnight, fractional when the instant has seconds).
 * - `instantAt(date, minutes)` → the `Date` of a local civil time.
 * - `formatVnIso(instant)` → "2026-02-13T17:00:00+07:00"; `parseInstant(text)` → `Date | undefined`.
 * - `parseClock('07:30')` → 450 and `formatClock(450)` → '07:30'.
 * - Day numbers (days since 1970-01-01, local) for fast loops: `dayNumberOf(date)`, `dateOfDayNumber(n)`,
 *   `weekdayOfDayNumber(n)` (0 = Sunday … 6 = Saturday), `yearOfDayNumber(n)`, `addDays(date, n)`, `weekdayOf(date)`.
 */

/** A Vietnamese civil date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Vietnam's offset from UTC in milliseconds (UTC+7, no DST). */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to a proleptic Gregorian y-m-d (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The y-m-d of a day number (H. Hinnant's `civil_from_days`). */
export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(s: string): boolean {
  const m = LOCAL_DATE.exec(s);
  if (!m) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = civilFromDays(daysFromCivil(y, mo, d));
  return back.year === y && back.month === mo && back.day === d;
}

/** The day number of a 'YYYY-MM-DD' date. Throws RangeError for anything else. */
export function dayNumberOf(date: LocalDate): number {
  if (!isLocalDate(date)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDayNumber(n: number): LocalDate {
  const { year, month, day } = civilFromDays(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The Gregorian year of a day number. */
export function yearOfDayNumber(n: number): number {
  return civilFromDays(n).year;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: LocalDate): number {
  return weekdayOfDayNumber(dayNumberOf(date));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** The local day number and milliseconds since local midnight of an instant: the hot-path form of `toLocal`. */
export function localDayAndMs(instant: Date): { day: number; ms: number } {
  const t = instant.getTime() + VN_OFFSET_MS;
  const day = Math.floor(t / DAY_MS);
  return { day, ms: t - day * DAY_MS };
}

/** The instant of local midnight + `ms` on day number `day`. */
export function instantOfDayMs(day: number, ms: number): Date {
  return new Date(day * DAY_MS + ms - VN_OFFSET_MS);
}

/** The Vietnamese civil date and time of an instant: minutes since local midnight, fractional with seconds. */
export function toLocal(instant: Date | string): { date: LocalDate; minutes: number } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) {
    throw new RangeError(`Not an instant: ${String(instant)}`);
  }
  const { day, ms } = localDayAndMs(d);
  return { date: dateOfDayNumber(day), minutes: ms / MINUTE_MS };
}

/** The instant at `minutes` after local midnight of `date` in Vietnam. */
export function instantAt(date: LocalDate, minutes: number): Date {
  return instantOfDayMs(dayNumberOf(date), minutes * MINUTE_MS);
}

/** ISO 8601 in Vietnam's offset: "2026-02-13T17:00:00+07:00" (milliseconds only when not zero). */
export function formatVnIso(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const { day, ms } = localDayAndMs(d);
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor((ms % 3_600_000) / MINUTE_MS);
  const s = Math.floor((ms % MINUTE_MS) / 1000);
  const milli = ms % 1000;
  const frac = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${dateOfDayNumber(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}+07:00`;
}

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+\- ]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 instant. An explicit 'Z' or ±hh:mm offset is honoured; without one the time is read as Vietnam
 * local time (never as the server's TZ, which is what `new Date('2026-02-10T09:00')` would do). A space in place of
 * '+' is accepted because an unescaped '+' in a query string arrives as a space. Returns undefined when invalid.
 */
export function parseInstant(text: string): Date | undefined {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m || !isLocalDate(m[1] ?? '')) {
    return undefined;
  }
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  const milli = Number((m[5] ?? '0').padEnd(3, '0'));
  const zone = m[6];
  let offsetMs = VN_OFFSET_MS;
  if (zone === 'Z') {
    offsetMs = 0;
  } else if (zone !== undefined) {
    const digits = zone.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
    if (oh > 23 || om > 59) {
      return undefined;
    }
    offsetMs = (zone[0] === '-' ? -1 : 1) * (oh * 3_600_000 + om * MINUTE_MS);
  }
  const local = dayNumberOf(m[1] ?? '') * DAY_MS + h * 3_600_000 + mi * MINUTE_MS + s * 1000 + milli;
  return new Date(local - offsetMs);
}

/** '07:30' → 450 (minutes since midnight). Throws RangeError on anything else; '24:00' is allowed as end of day. */
export function parseClock(hm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 1440)) {
    throw new RangeError(`Not a clock time (HH:MM): ${hm}`);
  }
  return minutes;
}

/** 450 → '07:30'. */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(Math.floor(minutes % 60))}`;
}
