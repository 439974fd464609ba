import { formatClock, type LocalDate, toLocal } from '../../calendar/local-time.js';

/* Dates and times as the forms write them, always in Vietnam time (UTC+7) whatever the server's TZ. */

/** The dotted leader printed where a value is missing, for handwriting. */
export const DOTS = '…………';
const GAP = '……';

function dayMonthYear(date: LocalDate): { d: string; m: string; y: string } {
  return { d: date.slice(8, 10), m: date.slice(5, 7), y: date.slice(0, 4) };
}

/** "ngày 03 tháng 02 năm 2025". */
export function dateInWords(date: LocalDate): string {
  const { d, m, y } = dayMonthYear(date);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * "14 giờ 05 phút, ngày 03 tháng 02 năm 2025"; for a missing instant the same words with dotted gaps, as on the
 * blank paper form.
 */
export function instantInWords(instant: Date | null | undefined): string {
  if (!instant) {
    return `${GAP} giờ ${GAP} phút, ngày ${GAP} tháng ${GAP} năm ${GAP}`;
  }
  const { date, minutes } = toLocal(instant);
  const [hh, mm] = formatClock(Math.floor(minutes)).split(':');
  return `${hh} giờ ${mm} phút, ${dateInWords(date)}`;
}

/** "03/02/2025". */
export function shortDate(date: LocalDate): string {
  const { d, m, y } = dayMonthYear(date);
  return `${d}/${m}/${y}`;
}

/** "03/02/2025 14:05", for narrow table cells; null stays null (printed as a dotted leader). */
export function shortDateTime(instant: Date | null | undefined): string | null {
  if (!instant) {
    return null;
  }
  const { date, minutes } = toLocal(instant);
  return `${shortDate(date)} ${formatClock(Math.floor(minutes))}`;
}
