import { formatDmy } from '../../calendar/calendar.presenter.js';
import { parseDateText } from '../../calendar/calendar.schemas.js';
import { addDays, type LocalDate } from '../../calendar/local-time.js';
import { isProcedureCode } from '../../procedures/procedures.model.js';
import type { Period } from '../dossier-outcome.js';
import { groupOfSlug, type ResultGroup } from './results-groups.js';
import { resultsMessages as m } from './results.messages.js';

/*
 * The query parameters of the results page, its lists and its exports (issue #4 items 1, 3, 7): the period
 * (`ky` = thang|quy|nam|khoang with `thang`, `quy`, `nam`, `tu`, `den`), the breakdown (`theo`), the drill-down
 * group (`nhom`) and its filters (`linh-vuc`, `thu-tuc`, `kenh`, `can-bo`), the sort of the child units (`sap-xep`).
 * The indicator pages (issue #4 items 5, 6) read their period here too, without ranges, so that links between the
 * pages keep it. Pure: `today` is passed in.
 */

export const PERIOD_KINDS = ['thang', 'quy', 'nam', 'khoang'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * Whether a page takes a range of dates (`ky=khoang`). The indicator pages do not: Decision 766/QĐ-TTg reports by
 * month, quarter and year, and Circular 01/2018 by quarter and year.
 */
export type PeriodChoice = { ranges: boolean };
export const WITH_RANGES: PeriodChoice = { ranges: true };
export const CALENDAR_ONLY: PeriodChoice = { ranges: false };

/** The kinds of period a page offers, in the form's order. */
export const periodKinds = (choice: PeriodChoice): readonly PeriodKind[] =>
  choice.ranges ? PERIOD_KINDS : PERIOD_KINDS.filter((k) => k !== 'khoang');

/** What the visitor typed, kept to refill the form. */
export type PeriodValues = { ky: string; thang: string; quy: string; nam: string; tu: string; den: string };

export type ResultsPeriod = {
  kind: PeriodKind;
  /** The period asked for (it may run past today; the figures cut it at today). */
  period: Period;
  /** "Tháng 03/2026", "Quý I/2026", "Năm 2026", "Từ 01/02/2026 đến 15/03/2026". */
  label: string;
  /** The canonical query parameters of the period, for links to the lists, exports and other breakdowns. */
  params: Record<string, string>;
};

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const MIN_YEAR = 2000;
/** The longest input the page echoes back. */
const KEPT = 40;

const text = (query: unknown, key: string): string => {
  const v = (query as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim().slice(0, KEPT) : '';
};

/**
 * The period fields of the query as typed; the year to date (kind `nam`, this year) when none is given. Without
 * `ky`, the kind is guessed from the fields given, a range only where the page takes one (elsewhere `tu` and `den`
 * are not read as a period).
 */
export function periodValues(query: unknown, today: LocalDate, choice = WITH_RANGES): PeriodValues {
  const v: PeriodValues = {
    ky: text(query, 'ky'),
    thang: text(query, 'thang'),
    quy: text(query, 'quy'),
    nam: text(query, 'nam'),
    tu: text(query, 'tu'),
    den: text(query, 'den'),
  };
  if (v.ky === '') {
    // A hand-made link without the kind: the fields given say which it is.
    const range = choice.ranges && (v.tu || v.den);
    v.ky = range ? 'khoang' : v.thang ? 'thang' : v.quy ? 'quy' : v.nam ? 'nam' : '';
  }
  if (v.ky === '') {
    return { ...v, ky: 'nam', nam: today.slice(0, 4) };
  }
  return v;
}

const QUARTERS: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, i: 1, ii: 2, iii: 3, iv: 4 };

/** The quarter a typed `quy` stands for: 1–4 or I–IV, in either case. */
export const quarterOf = (typed: string): number | undefined => QUARTERS[typed.toLowerCase()];

const lastDayOfMonth = (year: number, month: number): LocalDate =>
  addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);

/** The period the values describe, or the problems at their fields; a range is refused where the page takes none. */
export function parsePeriod(v: PeriodValues, today: LocalDate, choice = WITH_RANGES): Parsed<ResultsPeriod> {
  const errors: FieldErrors = {};
  const kind = periodKinds(choice).find((k) => k === v.ky);
  if (kind === undefined) {
    const problem = choice.ranges
      ? m.errors.kind
      : v.ky === 'khoang'
        ? m.errors.noRange
        : m.errors.kindNoRange;
    return { ok: false, errors: { ky: problem } };
  }
  const thisYear = Number(today.slice(0, 4));
  let year = 0;
  if (kind !== 'khoang') {
    if (v.nam === '') {
      errors.nam = m.errors.yearMissing;
    } else if (!/^\d{4}$/.test(v.nam) || Number(v.nam) < MIN_YEAR || Number(v.nam) > thisYear) {
      errors.nam = m.errors.yearRange(thisYear);
    } else {
      year = Number(v.nam);
    }
  }
  const yyyy = String(year);
  switch (kind) {
    case 'nam': {
      if (year === 0) {
        return { ok: false, errors };
      }
      return {
        ok: true,
        value: {
          kind,
          period: { from: `${yyyy}-01-01`, to: `${yyyy}-12-31` },
          label: m.period.words.year(yyyy),
          params: { ky: kind, nam: yyyy },
        },
      };
    }
    case 'thang': {
      const month = /^\d{1,2}$/.test(v.thang) ? Number(v.thang) : 0;
      if (month < 1 || month > 12) {
        errors.thang = m.errors.month;
      }
      if (year === 0 || errors.thang) {
        return { ok: false, errors };
      }
      const mm = String(month).padStart(2, '0');
      const label = m.period.words.month(mm, yyyy);
      const from = `${yyyy}-${mm}-01`;
      if (from > today) {
        return { ok: false, errors: { thang: m.errors.monthFuture(label) } };
      }
      return {
        ok: true,
        value: {
          kind,
          period: { from, to: lastDayOfMonth(year, month) },
          label,
          params: { ky: kind, thang: mm, nam: yyyy },
        },
      };
    }
    case 'quy': {
      const quarter = quarterOf(v.quy);
      if (quarter === undefined) {
        errors.quy = m.errors.quarter;
      }
      if (year === 0 || quarter === undefined) {
        return { ok: false, errors };
      }
      const label = m.period.words.quarter(quarter, yyyy);
      const first = quarter * 3 - 2;
      const from = `${yyyy}-${String(first).padStart(2, '0')}-01`;
      if (from > today) {
        return { ok: false, errors: { quy: m.errors.quarterFuture(label) } };
      }
      return {
        ok: true,
        value: {
          kind,
          period: { from, to: lastDayOfMonth(year, first + 2) },
          label,
          params: { ky: kind, quy: String(quarter), nam: yyyy },
        },
      };
    }
    case 'khoang': {
      const from = v.tu === '' ? undefined : parseDateText(v.tu);
      const to = v.den === '' ? undefined : parseDateText(v.den);
      if (v.tu === '') {
        errors.tu = m.errors.fromMissing;
      } else if (from === undefined) {
        errors.tu = m.errors.fromInvalid;
      } else if (from < `${MIN_YEAR}-01-01`) {
        errors.tu = m.errors.fromTooEarly;
      } else if (from > today) {
        errors.tu = m.errors.fromFuture(formatDmy(today));
      }
      if (v.den === '') {
        errors.den = m.errors.toMissing;
      } else if (to === undefined) {
        errors.den = m.errors.toInvalid;
      } else if (from !== undefined && !errors.tu && to < from) {
        errors.den = m.errors.order;
      }
      if (from === undefined || to === undefined || Object.keys(errors).length > 0) {
        return { ok: false, errors };
      }
      return {
        ok: true,
        value: {
          kind,
          period: { from, to },
          label: m.period.words.range(formatDmy(from), formatDmy(to)),
          params: { ky: kind, tu: from, den: to },
        },
      };
    }
  }
}

/** The period's parameters for links: the canonical ones, or the non-empty values as typed when they are wrong. */
export function periodParams(values: PeriodValues, parsed: Parsed<ResultsPeriod>): Record<string, string> {
  return parsed.ok
    ? parsed.value.params
    : Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

/** The breakdowns of the page, by the value of `theo`. */
export const BREAKDOWNS = ['linh-vuc', 'thu-tuc', 'kenh', 'can-bo'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const DIMENSION_OF = {
  'linh-vuc': 'procedureField',
  'thu-tuc': 'procedureCode',
  kenh: 'channel',
  'can-bo': 'officerId',
} as const;

/** `theo`: absent → by field. */
export function parseBreakdown(query: unknown): Parsed<Breakdown> {
  const v = text(query, 'theo');
  if (v === '') {
    return { ok: true, value: 'linh-vuc' };
  }
  return (BREAKDOWNS as readonly string[]).includes(v)
    ? { ok: true, value: v as Breakdown }
    : { ok: false, errors: { theo: m.errors.by } };
}

/** The channels as the lists' `kenh` parameter writes them. */
export const CHANNEL_SLUGS = { counter: 'truc-tiep', online: 'truc-tuyen', post: 'buu-chinh' } as const;
export type Channel = keyof typeof CHANNEL_SLUGS;
export const channelOfSlug = (s: string): Channel | undefined =>
  (Object.keys(CHANNEL_SLUGS) as Channel[]).find((c) => CHANNEL_SLUGS[c] === s);

/** A list's filters: the breakdown key it drills into. */
export type ListFilters = {
  procedureField?: string;
  procedureCode?: string;
  channel?: Channel;
  officerId?: number;
};

/** Their query parameters, for links. */
export function filterParams(f: ListFilters): Record<string, string | undefined> {
  return {
    'linh-vuc': f.procedureField,
    'thu-tuc': f.procedureCode,
    kenh: f.channel === undefined ? undefined : CHANNEL_SLUGS[f.channel],
    'can-bo': f.officerId === undefined ? undefined : String(f.officerId),
  };
}

const FIELD_MAX = 200;

/**
 * The list's group (`nhom`) and filters. A field is matched as stored, so `linh-vuc` is read whole (up to 200
 * characters), not cut to the kept length; an empty `linh-vuc=` means the dossiers without a field.
 */
export function parseList(query: unknown): Parsed<{ group: ResultGroup; filters: ListFilters }> {
  const q = (query ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const group = groupOfSlug(text(query, 'nhom'));
  if (group === undefined) {
    errors.nhom = m.errors.group;
  }
  const filters: ListFilters = {};
  const field = q['linh-vuc'];
  if (typeof field === 'string') {
    if (field.length > FIELD_MAX) {
      errors['linh-vuc'] = m.errors.field;
    } else {
      filters.procedureField = field;
    }
  }
  const code = text(query, 'thu-tuc');
  if (code !== '') {
    if (isProcedureCode(code)) {
      filters.procedureCode = code;
    } else {
      errors['thu-tuc'] = m.errors.procedure;
    }
  }
  const channel = text(query, 'kenh');
  if (channel !== '') {
    const c = channelOfSlug(channel);
    if (c) {
      filters.channel = c;
    } else {
      errors.kenh = m.errors.channel;
    }
  }
  const officer = text(query, 'can-bo');
  if (officer !== '') {
    if (/^\d{1,9}$/.test(officer)) {
      filters.officerId = Number(officer);
    } else {
      errors['can-bo'] = m.errors.officer;
    }
  }
  if (group === undefined || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: { group, filters } };
}

/** The child-unit table's columns, by their `sap-xep` name. */
export const SORT_COLUMNS = [
  'ten',
  'tiep-nhan',
  'da-xu-ly',
  'ty-le-dung-han',
  'tre-han',
  'ty-le-tre-han',
  'qua-han',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type Sort = { column: SortColumn; descending: boolean };
export const DEFAULT_SORT: Sort = { column: 'ten', descending: false };

export const sortParam = (s: Sort): string => `${s.column}-${s.descending ? 'giam' : 'tang'}`;

/** `sap-xep` = <column>-tang|<column>-giam; anything else sorts by name (a sort is no input to complain about). */
export function parseSort(query: unknown): Sort {
  const v = /^([a-z-]+)-(tang|giam)$/.exec(text(query, 'sap-xep'));
  const column = SORT_COLUMNS.find((c) => c === v?.[1]);
  return column ? { column, descending: v?.[2] === 'giam' } : DEFAULT_SORT;
}

/** `trang`: a page number; anything else is page 1. */
export function parsePage(query: unknown): number {
  const v = text(query, 'trang');
  return /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1;
}
