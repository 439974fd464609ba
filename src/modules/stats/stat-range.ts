import { addDays, type LocalDate } from '../calendar/local-time.js';

/*
 * How a range of local days is read from the aggregates: whole months from dossier_stat_month, the days of partial
 * months from dossier_stat_day. Pure.
 */

export type Month = string; // YYYY-MM

export type RangeParts = {
  /** Whole months, both ends included; from null = since the beginning. */
  months: { from: Month | null; to: Month } | null;
  /** Ranges of days outside whole months, both ends included. */
  days: { from: LocalDate; to: LocalDate }[];
};

const monthOf = (d: LocalDate): Month => d.slice(0, 7);
const firstDay = (m: Month): LocalDate => `${m}-01`;
/** The last day of a month. */
export const lastDayOf = (m: Month): LocalDate => addDays(firstDay(nextMonth(m)), -1);

export function nextMonth(m: Month): Month {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
}

export function previousMonth(m: Month): Month {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

/** Splits [from, to] (from null: since the beginning) into whole months and the days left over. */
export function splitRange(from: LocalDate | null, to: LocalDate): RangeParts {
  if (from !== null && from > to) {
    return { months: null, days: [] };
  }
  const days: RangeParts['days'] = [];
  let startMonth: Month | null;
  if (from === null) {
    startMonth = null;
  } else if (from === firstDay(monthOf(from))) {
    startMonth = monthOf(from);
  } else {
    const end = lastDayOf(monthOf(from));
    days.push({ from, to: end < to ? end : to });
    startMonth = nextMonth(monthOf(from));
  }
  let endMonth: Month;
  if (to === lastDayOf(monthOf(to))) {
    endMonth = monthOf(to);
  } else {
    endMonth = previousMonth(monthOf(to));
    const start = firstDay(monthOf(to));
    if (from === null || start > from) {
      days.push({ from: start, to });
    } else if (days.length === 0) {
      days.push({ from, to });
    }
  }
  const months = startMonth === null || startMonth <= endMonth ? { from: startMonth, to: endMonth } : null;
  return { months, days };
}

/** A read plan where a partial month may be read as its month row less the days outside the range. */
export type MonthParts = RangeParts & {
  /** Days to take away (inside months read whole, outside the range), both ends included. */
  less: { from: LocalDate; to: LocalDate }[];
};

const daysIn = (from: LocalDate, to: LocalDate): number =>
  (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/**
 * `splitRange`, with each partial month read whole and the days outside the range taken away when those are fewer
 * than the days inside it: a month up to today then reads only the days after today, which hold nothing but future
 * overdue deltas, instead of every day row of the month so far. The months stay one contiguous run (a partial month
 * is next to the whole ones, or alone).
 */
export function splitMonths(from: LocalDate | null, to: LocalDate): MonthParts {
  const parts = splitRange(from, to);
  let months = parts.months;
  const days: MonthParts['days'] = [];
  const less: MonthParts['less'] = [];
  for (const r of parts.days) {
    const m = monthOf(r.from);
    const [first, last] = [firstDay(m), lastDayOf(m)];
    const inside = daysIn(r.from, r.to);
    const nextToMonths =
      months === null ||
      (months.from !== null && m === previousMonth(months.from)) ||
      m === nextMonth(months.to);
    if (nextToMonths && daysIn(first, last) - inside < inside) {
      months =
        months === null
          ? { from: m, to: m }
          : {
              from: months.from !== null && m < months.from ? m : months.from,
              to: m > months.to ? m : months.to,
            };
      if (r.from > first) {
        less.push({ from: first, to: addDays(r.from, -1) });
      }
      if (r.to < last) {
        less.push({ from: addDays(r.to, 1), to: last });
      }
    } else {
      days.push(r);
    }
  }
  return { months, days, less };
}
