/**
 * One year's days off and make-up working days: the derived holidays with the year's official notice applied.
 *
 * Public interface (pure):
 * - `buildYearCalendar(year, notices | undefined, holidayRules)` → `YearCalendar`
 *   `{ year, daysOff: Map<date, DayOff>, makeUpWorkdays: Map<date, MakeUpDay>, notices: entries | undefined }`.
 *   Both maps iterate in date order. `daysOff` may hold dates of a neighbouring year when a notice range spills over
 *   (Tết Dương lịch 2023 began on 31/12/2022); `DayCalendar` merges neighbours for that reason.
 * Weekends are NOT in `daysOff`: it lists holidays, compensatory days and every day of an announced range.
 */
import { deriveHolidays, type HolidayId, type HolidayRule, LABOUR_CODE_HOLIDAY_RULES } from './holidays.js';
import { dateOfDayNumber, dayNumberOf, type LocalDate } from './local-time.js';
import { holidaysCoveredBy, type NoticeConfidence, type NoticeEntry } from './notices.js';

export interface DayOff {
  readonly date: LocalDate;
  /** Vietnamese name: the holiday's, or the notice entry's. */
  readonly name: string;
  /** 'announced' = a day inside an official notice range (holiday, compensatory or swapped day alike). */
  readonly kind: 'holiday' | 'compensatory' | 'announced';
  readonly source: 'notice' | 'derived';
  /** A default the yearly notice may still change (derived Tết span, Quốc khánh's adjacent day, unverified rules). */
  readonly provisional: boolean;
  /** The notice entry's confidence; null for a derived day no notice entry speaks about. */
  readonly confidence: NoticeConfidence | null;
  readonly holidays: readonly HolidayId[];
  readonly note?: string;
  /** The notice entry's `source` (letter number, URL). */
  readonly reference?: string;
}

export interface MakeUpDay {
  readonly date: LocalDate;
  /** The notice entry that announced the swap. */
  readonly name: string;
  readonly confidence: NoticeConfidence;
  readonly note?: string;
  readonly reference?: string;
}

export interface YearCalendar {
  readonly year: number;
  readonly daysOff: ReadonlyMap<LocalDate, DayOff>;
  readonly makeUpWorkdays: ReadonlyMap<LocalDate, MakeUpDay>;
  /** The notice entries applied, or undefined when the year had none (everything derived). */
  readonly notices: readonly NoticeEntry[] | undefined;
}

function sortedByDate<V>(m: Map<LocalDate, V>): Map<LocalDate, V> {
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The year's days off. Start from `deriveHolidays` (Labour Code 2019 Arts. 111(3), 112). Each notice entry with an
 * `off` range REPLACES the derived days (holiday and compensatory) of the holidays it covers, and every day of its
 * range becomes a day off (kind 'announced', weekends included). An entry with `off: null` (confidence 'unknown')
 * leaves the derived days in place, tagged with confidence 'unknown' and the entry's note. Make-up days of every
 * entry become working days (the notices that swap days, e.g. letter 12729/VPCP-KGVX for 10/01/2026).
 */
export function buildYearCalendar(
  year: number,
  notices: readonly NoticeEntry[] | undefined,
  holidayRules: readonly HolidayRule[] = LABOUR_CODE_HOLIDAY_RULES,
): YearCalendar {
  const entries = notices ?? [];
  const replacing = new Map<HolidayId, NoticeEntry>();
  const unknown = new Map<HolidayId, NoticeEntry>();
  for (const e of entries) {
    for (const id of holidaysCoveredBy(e)) {
      (e.off === null ? unknown : replacing).set(id, e);
    }
  }
  const daysOff = new Map<LocalDate, DayOff>();
  for (const d of deriveHolidays(year, holidayRules)) {
    if (replacing.has(d.holiday)) {
      continue;
    }
    const u = unknown.get(d.holiday);
    daysOff.set(d.date, {
      date: d.date,
      name: d.name,
      kind: d.kind,
      source: 'derived',
      provisional: d.provisional,
      confidence: u ? u.confidence : null,
      holidays: [d.holiday],
      ...(u?.note === undefined ? {} : { note: u.note }),
      ...(u?.source === undefined ? {} : { reference: u.source }),
    });
  }
  const makeUpWorkdays = new Map<LocalDate, MakeUpDay>();
  for (const e of entries) {
    const extra = {
      ...(e.note === undefined ? {} : { note: e.note }),
      ...(e.source === undefined ? {} : { reference: e.source }),
    };
    if (e.off !== null) {
      for (let n = dayNumberOf(e.off[0]); n <= dayNumberOf(e.off[1]); n++) {
        const date = dateOfDayNumber(n);
        const base = { name: e.name, kind: 'announced', source: 'notice', provisional: false } as const;
        daysOff.set(date, {
          date,
          ...base,
          confidence: e.confidence,
          holidays: holidaysCoveredBy(e),
          ...extra,
        });
      }
    }
    for (const date of e.makeUpWorkdays) {
      makeUpWorkdays.set(date, { date, name: e.name, confidence: e.confidence, ...extra });
    }
  }
  return { year, daysOff: sortedByDate(daysOff), makeUpWorkdays: sortedByDate(makeUpWorkdays), notices };
}
