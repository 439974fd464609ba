/**
 * The two lunar-calendar holidays, as solar dates in Vietnam (UTC+7).
 *
 * Public interface: `lunarNewYear(year)` (mùng 1 Tết) and `hungKingsDay(year)` (10/3 lunar), both 'YYYY-MM-DD', and
 * `LUNAR_YEAR_RANGE`. Backed by @dqcai/vn-lunar, which computes the Vietnamese calendar at UTC+7 (so it gives, for
 * example, Tết 1985 on 21/01 and Tết 2007 on 17/02, where the Chinese calendar differs) for lunar years 1200–2199.
 */
import * as vnLunar from '@dqcai/vn-lunar';
import { type LocalDate } from './local-time.js';

// The package's .d.ts re-exports from extensionless paths that NodeNext resolution cannot follow, so its types come
// out unresolved; name the one function used here (getSolarDate(day, month, lunarYear, leap) → solar y/m/d).
type SolarDateFn = (
  day: number,
  month: number,
  lunarYear: number,
  leap: boolean,
) => { day: number; month: number; year: number };
const getSolarDate = (vnLunar as unknown as { getSolarDate: SolarDateFn }).getSolarDate;

export const LUNAR_YEAR_RANGE = { min: 1200, max: 2199 } as const;

function solar(day: number, month: number, lunarYear: number): LocalDate {
  if (!Number.isInteger(lunarYear) || lunarYear < LUNAR_YEAR_RANGE.min || lunarYear > LUNAR_YEAR_RANGE.max) {
    throw new RangeError(
      `Lunar year out of range ${LUNAR_YEAR_RANGE.min}–${LUNAR_YEAR_RANGE.max}: ${lunarYear}`,
    );
  }
  // leap = false: a holiday falls in the regular month, never in a leap (nhuận) month of the same number.
  const s = getSolarDate(day, month, lunarYear, false);
  return `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
}

/**
 * Mùng 1 tháng Giêng (lunar New Year's day) of the lunar year that begins in solar `year` (always in Jan–Feb).
 * Source: Labour Code 2019 Art. 112(1) (Tết Âm lịch, 5 days).
 */
export function lunarNewYear(year: number): LocalDate {
  return solar(1, 1, year);
}

/** 10 tháng 3 âm lịch, Giỗ Tổ Hùng Vương. Source: Labour Code 2019 Art. 112(1). */
export function hungKingsDay(year: number): LocalDate {
  return solar(10, 3, year);
}
