import type { LocalDate } from '../../calendar/local-time.js';
import { addDays } from '../../calendar/local-time.js';
import type { Period } from '../dossier-outcome.js';
import { nextMonth } from '../stat-range.js';

/*
 * The period of the indicator pages (issue #4 items 5, 6): a year, a quarter or a month, chosen by a GET form with
 * the same parameters as the results page, so that links between them keep the period: `ky` (nam|quy|thang), `nam`
 * (2026), `thang` (1–12), `quy` (1–4 or I–IV). Without any: the current year to date. Pure.
 */

export const PERIOD_KINDS = ['nam', 'quy', 'thang'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The first year a period may start in. */
export const FIRST_YEAR = 2000;
/** The longest value the form echoes back. */
const KEPT_CHARS = 20;

export type PeriodValues = { ky: string; nam: string; thang: string; quy: string };

export type PeriodProblem =
  'kind' | 'year_missing' | 'year_format' | 'too_early' | 'year_future' | 'month' | 'quarter' | 'future';

export type ParsedPeriod =
  | { ok: true; kind: PeriodKind; year: number; number: number | null; period: Period; values: PeriodValues }
  | { ok: false; values: PeriodValues; errors: Partial<Record<keyof PeriodValues, PeriodProblem>> };

const QUARTERS: Readonly<Record<string, number>> = {
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
};

const pad = (n: number) => String(n).padStart(2, '0');

function rangeOf(kind: PeriodKind, year: number, n: number | null): Period {
  if (kind === 'nam' || n === null) {
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const firstMonth = kind === 'quy' ? (n - 1) * 3 + 1 : n;
  const lastMonth = kind === 'quy' ? firstMonth + 2 : firstMonth;
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: addDays(`${nextMonth(`${year}-${pad(lastMonth)}`)}-01`, -1),
  };
}

/** The period fields of a query as typed; the kind guessed from the fields given when it is missing. */
export function periodValues(query: Record<string, unknown>): PeriodValues {
  const text = (k: string) => (typeof query[k] === 'string' ? query[k].trim().slice(0, KEPT_CHARS) : '');
  const v = { ky: text('ky'), nam: text('nam'), thang: text('thang'), quy: text('quy') };
  if (v.ky === '') {
    v.ky = v.thang ? 'thang' : v.quy ? 'quy' : v.nam ? 'nam' : '';
  }
  return v;
}

/** Reads the period from a query; `today` sets the default and the latest start. */
export function parsePeriod(query: Record<string, unknown>, today: LocalDate): ParsedPeriod {
  const thisYear = Number(today.slice(0, 4));
  const values = periodValues(query);
  if (values.ky === '') {
    const v = { ky: 'nam', nam: String(thisYear), thang: '', quy: '' };
    return {
      ok: true,
      kind: 'nam',
      year: thisYear,
      number: null,
      period: rangeOf('nam', thisYear, null),
      values: v,
    };
  }
  const fail = (field: keyof PeriodValues, problem: PeriodProblem): ParsedPeriod => ({
    ok: false,
    values,
    errors: { [field]: problem },
  });
  const kind = PERIOD_KINDS.find((k) => k === values.ky);
  if (kind === undefined) {
    return fail('ky', 'kind');
  }
  if (values.nam === '') {
    return fail('nam', 'year_missing');
  }
  if (!/^\d{4}$/.test(values.nam)) {
    return fail('nam', 'year_format');
  }
  const year = Number(values.nam);
  if (year < FIRST_YEAR) {
    return fail('nam', 'too_early');
  }
  if (year > thisYear) {
    return fail('nam', 'year_future');
  }
  let n: number | null = null;
  if (kind === 'thang') {
    const month = /^\d{1,2}$/.test(values.thang) ? Number(values.thang) : 0;
    if (month < 1 || month > 12) {
      return fail('thang', 'month');
    }
    n = month;
  } else if (kind === 'quy') {
    const quarter = QUARTERS[values.quy.toLowerCase()];
    if (quarter === undefined) {
      return fail('quy', 'quarter');
    }
    n = quarter;
  }
  const period = rangeOf(kind, year, n);
  if (period.from > today) {
    return fail(kind === 'thang' ? 'thang' : 'quy', 'future'); // a year of the past or present has begun
  }
  return { ok: true, kind, year, number: n, period, values };
}

/** The canonical query of a period, for links (the exports, the other pages); the values as typed on an error. */
export function periodQuery(p: ParsedPeriod): Record<string, string> {
  if (!p.ok) {
    return Object.fromEntries(Object.entries(p.values).filter(([, v]) => v !== ''));
  }
  const out: Record<string, string> = { ky: p.kind, nam: String(p.year) };
  if (p.kind === 'thang') {
    out.thang = pad(p.number!); // months have a number
  } else if (p.kind === 'quy') {
    out.quy = String(p.number);
  }
  return out;
}
