/**
 * Excel's date serials (pure). A serial counts days: in the 1900 system serial 1 is 1900-01-01 and, because Excel
 * keeps Lotus's fictional 1900-02-29 (serial 60), serial 61 is 1900-03-01; in the 1904 system serial 0 is 1904-01-01.
 * The fraction is the time of day. A serial has no time zone: it is the wall-clock date and time a reader sees.
 */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const FIRST_WRITABLE = Date.UTC(1900, 2, 1);
const LAST_WRITABLE = Date.UTC(9999, 11, 31);

/** The serial of a calendar date (1900 system); dates before 1900-03-01 or after 9999-12-31 are refused. */
export function serialOfDate(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    !Number.isFinite(ms) ||
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    ms < FIRST_WRITABLE ||
    ms > LAST_WRITABLE
  ) {
    throw new RangeError(`no Excel serial for ${year}-${month}-${day}`);
  }
  return (ms - EPOCH_1900) / DAY_MS;
}

/** The serial of a wall-clock date and time (1900 system). */
export function serialOfWallTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return serialOfDate(year, month, day) + (hour * 3600 + minute * 60 + second) / 86_400;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A serial as 'YYYY-MM-DD' and 'HH:MM:SS' (rounded to the second); undefined for a serial that is no date (negative,
 * past 9999-12-31, not finite). The fictional 1900-02-29 (serial 60) reads as 1900-03-01.
 */
export function wallTimeOfSerial(
  serial: number,
  date1904: boolean,
): { date: string; time: string } | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) {
    return undefined;
  }
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  const base = date1904 ? EPOCH_1904 : days < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const d = new Date(base + days * DAY_MS);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`,
  };
}

export type DateKind = 'date' | 'datetime' | 'time';

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30 and the East Asian ids Excel uses). */
const BUILTIN: ReadonlyMap<number, DateKind> = new Map<number, DateKind>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map(
    (id) => [id, 'date'] as [number, DateKind],
  ),
  ...[18, 19, 20, 21, 32, 33, 45, 47, 55, 56].map((id) => [id, 'time'] as [number, DateKind]),
  [22, 'datetime'],
]);

/**
 * Whether a number format shows a date, a date and time, or a time of day (undefined: a plain number, which includes
 * elapsed durations such as `[h]:mm`). Reads the first section of the format code, ignoring quoted text, escapes,
 * colours and locales.
 */
export function dateKindOf(numFmtId: number, formatCode: string | undefined): DateKind | undefined {
  if (formatCode === undefined) {
    return BUILTIN.get(numFmtId);
  }
  const first = formatCode.split(';')[0] ?? '';
  if (/\[(h+|m+|s+)\]/i.test(first)) {
    return undefined;
  }
  const code = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/am\/pm|a\/p/gi, '')
    .toLowerCase();
  const time = /[hs]/.test(code);
  const date = /[dy]/.test(code) || (/m/.test(code) && !time);
  return date ? (time ? 'datetime' : 'date') : time ? 'time' : undefined;
}
