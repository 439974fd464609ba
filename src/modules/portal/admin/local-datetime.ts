/**
 * The publish date and time as staff type it: Vietnam local time (UTC+7 all year, no daylight saving since 1975),
 * either "dd/mm/yyyy hh:mm" (what people write) or "yyyy-mm-ddThh:mm" (an HTML datetime-local input). Stored as a
 * UTC ISO instant. Pure.
 */
const VN_OFFSET_MS = 7 * 3600_000;

/** The instant, null for an empty value, undefined when the text is not a valid date and time. */
export function parseLocalDateTime(input: string): string | null | undefined {
  const s = input.trim();
  if (s === '') {
    return null;
  }
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  let parts: number[];
  if (vn) {
    parts = [vn[3], vn[2], vn[1], vn[4], vn[5], vn[6] ?? '0'].map(Number);
  } else if (iso) {
    parts = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6] ?? '0'].map(Number);
  } else {
    return undefined;
  }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  if (year < 1900 || year > 2999 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined; // 31/02 and the like
  }
  return new Date(local - VN_OFFSET_MS).toISOString();
}

/** The value of a datetime-local input for an instant, in Vietnam time: "2026-11-20T10:00". */
export function toLocalInputValue(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}
