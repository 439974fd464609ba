/**
 * The yearly civil-service holiday notice, as data (the province admin edits it; the seed is
 * seed/vn-civil-service-holidays.json, copied from the project's shared reference data).
 *
 * Public interface (pure):
 * - `NoticeEntry`, `NoticeFile` (the JSON shape), `NoticeSource` = `(year) => entries | undefined`.
 * - `holidaysCoveredBy(entry)` → the `HolidayId`s an entry replaces (explicit `covers`, else read from its name).
 * - `noticeProblems(year, entries)` → `NoticeProblem[]` (Vietnamese messages; empty when valid).
 * - `parseNoticeFile(json)` → `NoticeFile` (throws on any problem) and `noticeSourceOf(file)`.
 */
import { z } from 'zod';
import { type HolidayId, HOLIDAY_IDS } from './holidays.js';
import {
  dayNumberOf,
  isLocalDate,
  type LocalDate,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './local-time.js';
import { noticeMessages } from './calendar.messages.js';

/** 'sourced': from the official notice or reports of it; 'unverified': believed right, not checked; 'unknown': not found. */
export type NoticeConfidence = 'sourced' | 'unverified' | 'unknown';

export interface NoticeEntry {
  readonly name: string;
  /** Inclusive range of days off (weekends inside it included); null when not announced or not found. */
  readonly off: readonly [LocalDate, LocalDate] | null;
  /** Saturdays (or Sundays) that become working days with normal office hours. */
  readonly makeUpWorkdays: readonly LocalDate[];
  readonly confidence: NoticeConfidence;
  readonly note?: string;
  /** Where the entry comes from (letter number, URL). */
  readonly source?: string;
  /** Holidays this entry replaces; when absent they are read from `name` (see `holidaysCoveredBy`). */
  readonly covers?: readonly HolidayId[];
}

export interface NoticeFile {
  readonly about?: string;
  readonly origin?: string;
  readonly years: Readonly<Record<string, readonly NoticeEntry[]>>;
}

/** The notice entries of a year, or undefined when the year has none (derived defaults apply). */
export type NoticeSource = (year: number) => readonly NoticeEntry[] | undefined;

export interface NoticeProblem {
  /** e.g. '2026[1].off' */
  readonly path: string;
  readonly code: keyof typeof noticeMessages;
  readonly message: string;
}

const NAME_PATTERNS: readonly [HolidayId, RegExp][] = [
  ['new_year', /\btet duong lich\b|(^|[^\d])1\/1([^\d]|$)/],
  ['lunar_new_year', /\btet (nguyen dan|am lich)\b/],
  ['hung_kings', /\bgio to\b|\bhung vuong\b/],
  ['reunification', /(^|[^\d])30\/4([^\d]|$)|\bchien thang\b/],
  ['labour_day', /(^|[^\d])1\/5([^\d]|$)|\blao dong\b/],
  ['national_day', /\bquoc khanh\b|(^|[^\d])2\/9([^\d]|$)/],
  ['culture_day', /\bvan hoa\b/],
];

/**
 * The holidays a notice entry stands for: its `covers`, else those named in `name` ("Giỗ Tổ Hùng Vương, 30/4 and 1/5"
 * → hung_kings, reunification, labour_day). An entry replaces the derived days of exactly these holidays.
 */
export function holidaysCoveredBy(entry: Pick<NoticeEntry, 'name' | 'covers'>): HolidayId[] {
  if (entry.covers !== undefined && entry.covers.length > 0) {
    return [...entry.covers];
  }
  // Lower-cased without diacritics, slashes kept (platform fold() would turn '30/4' into '30 4').
  const text = entry.name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return NAME_PATTERNS.filter(([, re]) => re.test(text)).map(([id]) => id);
}

const entrySchema = z.object({
  name: z.string().trim().min(1),
  off: z.tuple([z.string(), z.string()]).nullable(),
  makeUpWorkdays: z.array(z.string()),
  confidence: z.enum(['sourced', 'unverified', 'unknown']),
  note: z.string().optional(),
  source: z.string().optional(),
  covers: z.array(z.enum(HOLIDAY_IDS)).optional(),
});

const fileSchema = z.object({
  about: z.string().optional(),
  origin: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/), z.array(entrySchema)),
});

/** Longest plausible off range: Tết has reached 9 days; anything past a month is a typing mistake. */
export const MAX_OFF_RANGE_DAYS = 31;

function problem(path: string, code: keyof typeof noticeMessages): NoticeProblem {
  return { path, code, message: noticeMessages[code] };
}

function rangeProblems(year: number, path: string, off: readonly [string, string]): NoticeProblem[] {
  if (!isLocalDate(off[0]) || !isLocalDate(off[1])) {
    return [problem(`${path}.off`, 'invalid_date')];
  }
  const [from, to] = [dayNumberOf(off[0]), dayNumberOf(off[1])];
  if (to < from || to - from + 1 > MAX_OFF_RANGE_DAYS) {
    return [problem(`${path}.off`, 'bad_range')];
  }
  // A range may spill into a neighbouring year (Tết Dương lịch 2023 began on 31/12/2022), never further.
  if (Math.abs(yearOfDayNumber(from) - year) > 1 || Math.abs(yearOfDayNumber(to) - year) > 1) {
    return [problem(`${path}.off`, 'range_outside_year')];
  }
  return [];
}

/**
 * Checks one year's entries: real dates, ranges in order and near the year, make-up days on a weekend and not inside
 * a range, each entry naming at least one holiday and no holiday covered twice, confidence 'unknown' iff off is null.
 */
export function noticeProblems(year: number, entries: readonly NoticeEntry[]): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const seen = new Set<HolidayId>();
  const offDays = new Set<number>();
  entries.forEach((e, i) => {
    const path = `${year}[${i}]`;
    const covers = holidaysCoveredBy(e);
    if (covers.length === 0) {
      problems.push(problem(`${path}.name`, 'unknown_holiday'));
    }
    if (covers.some((id) => seen.has(id))) {
      problems.push(problem(`${path}.name`, 'holiday_twice'));
    }
    covers.forEach((id) => seen.add(id));
    if ((e.off === null) !== (e.confidence === 'unknown')) {
      problems.push(problem(`${path}.confidence`, 'confidence_mismatch'));
    }
    const rp = e.off === null ? [] : rangeProblems(year, path, e.off);
    problems.push(...rp);
    if (e.off !== null && rp.length === 0) {
      for (let d = dayNumberOf(e.off[0]); d <= dayNumberOf(e.off[1]); d++) {
        offDays.add(d);
      }
    }
  });
  entries.forEach((e, i) =>
    e.makeUpWorkdays.forEach((date, j) => {
      const path = `${year}[${i}].makeUpWorkdays[${j}]`;
      if (!isLocalDate(date) || yearOfDayNumber(dayNumberOf(date)) !== year) {
        problems.push(problem(path, 'invalid_date'));
      } else if (![0, 6].includes(weekdayOfDayNumber(dayNumberOf(date)))) {
        problems.push(problem(path, 'make_up_not_weekend'));
      } else if (offDays.has(dayNumberOf(date))) {
        problems.push(problem(path, 'make_up_inside_off'));
      }
    }),
  );
  return problems;
}

/** Parses and checks a notice file (the seed or an import). Throws an Error listing every problem. */
export function parseNoticeFile(json: unknown): NoticeFile {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Invalid holiday notice file: ${parsed.error.message}`);
  }
  const problems = Object.entries(parsed.data.years).flatMap(([y, entries]) =>
    noticeProblems(Number(y), entries),
  );
  if (problems.length > 0) {
    throw new Error(`Invalid holiday notice file: ${problems.map((p) => `${p.path}: ${p.code}`).join('; ')}`);
  }
  return parsed.data;
}

/** A `NoticeSource` over a parsed file. */
export function noticeSourceOf(file: NoticeFile): NoticeSource {
  return (year) => file.years[String(year)];
}
