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
const lastDay = (m: Month): LocalDate => addDays(firstDay(nextMonth(m)), -1);

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
    const end = lastDay(monthOf(from));
    days.push({ from, to: end < to ? end : to });
    startMonth = nextMonth(monthOf(from));
  }
  let endMonth: Month;
  if (to === lastDay(monthOf(to))) {
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
