/**
 * Public holidays derived from the law, for any year, before any official notice is applied.
 *
 * Public interface (pure):
 * - `HolidayId`: the identity of a holiday, used to match an official notice entry to the derived days it replaces.
 * - `HolidayRule`: one holiday as a rule `{ id, name, source, effectiveFrom?, provisional, days(year) }`.
 * - `LABOUR_CODE_HOLIDAY_RULES`: Labour Code 2019 Art. 112(1) plus the reported Ngày Văn hóa Việt Nam.
 * - `deriveHolidays(year, rules)` → `DerivedDay[]` (sorted by date): each holiday day and each compensatory day
 *   (Art. 111(3)), with `provisional` set where the day is a default that the yearly notice may change.
 */
import { hungKingsDay, lunarNewYear } from './lunar.js';
import { dateOfDayNumber, dayNumberOf, type LocalDate, weekdayOfDayNumber } from './local-time.js';

export const HOLIDAY_IDS = [
  'new_year',
  'lunar_new_year',
  'hung_kings',
  'reunification',
  'labour_day',
  'national_day',
  'culture_day',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** One day a rule gives; `provisional` = a default the Government decides yearly (Art. 112(3)), not fixed by law. */
export interface RuleDay {
  readonly date: LocalDate;
  readonly provisional: boolean;
}

export interface HolidayRule {
  readonly id: HolidayId;
  /** Vietnamese name shown to users. */
  readonly name: string;
  /** The legal source, for docs and the listing page. */
  readonly source: string;
  /** The rule gives no day before this date (inclusive start). */
  readonly effectiveFrom?: LocalDate;
  /** The rule itself is reported but not verified against the official text: all its days are provisional. */
  readonly provisional: boolean;
  days(year: number): readonly RuleDay[];
}

export interface DerivedDay {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: 'holiday' | 'compensatory';
  readonly provisional: boolean;
  /** The holiday this day belongs to (for a compensatory day, the holiday it compensates). */
  readonly holiday: HolidayId;
}

const fixed = (month: number, day: number) => (year: number) => [
  { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, provisional: false },
];

/**
 * Tết Âm lịch, 5 days (Labour Code 2019 Art. 112(1)); the Prime Minister fixes the days each year (Art. 112(3)).
 * PROVISIONAL DEFAULT without a notice: the day before mùng 1 and mùng 1–4, all marked provisional.
 */
export function lunarNewYearDays(year: number): readonly RuleDay[] {
  const first = dayNumberOf(lunarNewYear(year));
  return [-1, 0, 1, 2, 3].map((offset) => ({ date: dateOfDayNumber(first + offset), provisional: true }));
}

/**
 * Quốc khánh, 2/9 plus one adjacent day (Labour Code 2019 Art. 112(1)), the adjacent day decided yearly (Art. 112(3)).
 * PROVISIONAL DEFAULT without a notice (issue #3): the day after 2/9, or the day before when 2/9 is a Tuesday (so
 * Sat–Tue is one break) or a Saturday (then 2/9 itself is compensated on Monday). 2/9 itself is not provisional.
 */
export function nationalDayDays(year: number): readonly RuleDay[] {
  const second = dayNumberOf(`${year}-09-02`);
  const weekday = weekdayOfDayNumber(second);
  const adjacent = weekday === 2 || weekday === 6 ? second - 1 : second + 1;
  return [
    { date: dateOfDayNumber(second), provisional: false },
    { date: dateOfDayNumber(adjacent), provisional: true },
  ];
}

/** Labour Code 2019 (Law 45/2019/QH14) Art. 112(1) holidays, plus the reported Ngày Văn hóa Việt Nam. */
export const LABOUR_CODE_HOLIDAY_RULES: readonly HolidayRule[] = Object.freeze([
  {
    id: 'new_year',
    name: 'Tết Dương lịch',
    source: 'Bộ luật Lao động 2019, Điều 112(1): 01 ngày (1/1)',
    provisional: false,
    days: fixed(1, 1),
  },
  {
    id: 'lunar_new_year',
    name: 'Tết Nguyên đán',
    source: 'Bộ luật Lao động 2019, Điều 112(1) và (3): 05 ngày, Thủ tướng quyết định cụ thể',
    provisional: false,
    days: lunarNewYearDays,
  },
  {
    id: 'hung_kings',
    name: 'Giỗ Tổ Hùng Vương',
    source: 'Bộ luật Lao động 2019, Điều 112(1): 01 ngày (10/3 âm lịch)',
    provisional: false,
    days: (year: number) => [{ date: hungKingsDay(year), provisional: false }],
  },
  {
    id: 'reunification',
    name: 'Ngày Chiến thắng 30/4',
    source: 'Bộ luật Lao động 2019, Điều 112(1): 01 ngày (30/4)',
    provisional: false,
    days: fixed(4, 30),
  },
  {
    id: 'labour_day',
    name: 'Ngày Quốc tế Lao động 1/5',
    source: 'Bộ luật Lao động 2019, Điều 112(1): 01 ngày (1/5)',
    provisional: false,
    days: fixed(5, 1),
  },
  {
    id: 'national_day',
    name: 'Quốc khánh 2/9',
    source: 'Bộ luật Lao động 2019, Điều 112(1) và (3): 2/9 và 01 ngày liền kề trước hoặc sau',
    provisional: false,
    days: nationalDayDays,
  },
  {
    // Reported (domain.md §6), not verified against the official text: provisional until it is.
    id: 'culture_day',
    name: 'Ngày Văn hóa Việt Nam',
    source: 'Nghị quyết 28/2026/QH16 (được báo chí đưa tin, chưa đối chiếu văn bản): 24/11, từ 01/7/2026',
    effectiveFrom: '2026-07-01',
    provisional: true,
    days: fixed(11, 24),
  },
]);

/** Monday–Friday: civil servants rest on Saturday and Sunday (40-hour week, Decision 188/1999/QĐ-TTg). */
export function isWeekdayNumber(day: number): boolean {
  const w = weekdayOfDayNumber(day);
  return w !== 0 && w !== 6;
}

/**
 * The holidays of `year` by rule, and a compensatory day for each holiday day that falls on a weekly rest day (or on
 * another holiday), on the next working day (Labour Code 2019 Art. 111(3)). A compensatory day is provisional when the
 * day it compensates is.
 */
export function deriveHolidays(
  year: number,
  rules: readonly HolidayRule[] = LABOUR_CODE_HOLIDAY_RULES,
): DerivedDay[] {
  const byDay = new Map<number, DerivedDay>();
  const needCompensation: { day: number; from: DerivedDay }[] = [];
  for (const rule of rules) {
    const since = rule.effectiveFrom === undefined ? -Infinity : dayNumberOf(rule.effectiveFrom);
    for (const d of rule.days(year)) {
      const day = dayNumberOf(d.date);
      if (day < since) {
        continue;
      }
      const derived: DerivedDay = {
        date: d.date,
        name: rule.name,
        kind: 'holiday',
        provisional: rule.provisional || d.provisional,
        holiday: rule.id,
      };
      if (byDay.has(day) || !isWeekdayNumber(day)) {
        needCompensation.push({ day, from: derived });
      }
      if (!byDay.has(day)) {
        byDay.set(day, derived);
      }
    }
  }
  needCompensation.sort((a, b) => a.day - b.day);
  for (const { day, from } of needCompensation) {
    let next = day + 1;
    while (!isWeekdayNumber(next) || byDay.has(next)) {
      next += 1;
    }
    byDay.set(next, {
      date: dateOfDayNumber(next),
      name: `Nghỉ bù ${from.name}`,
      kind: 'compensatory',
      provisional: from.provisional,
      holiday: from.holiday,
    });
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}
