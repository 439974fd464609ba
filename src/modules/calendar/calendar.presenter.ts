/**
 * View models of the calendar's pages and API answers (pure): Vietnamese dates and times, the explanation of a due
 * date, and a year's days off grouped by holiday with their source and confidence.
 */
import { confidenceLabels, calendarMessages as m, weekdayNames } from './calendar.messages.js';
import type { DueDateResult } from './due-date.js';
import { LABOUR_CODE_HOLIDAY_RULES } from './holidays.js';
import { formatClock, formatVnIso, type LocalDate, toLocal, weekdayOf } from './local-time.js';
import type { OfficeHours } from './office-hours.js';
import type { DayOff, MakeUpDay, YearCalendar } from './year-calendar.js';

/** '2026-02-13' → '13/02/2026'. */
export function formatDmy(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** '2026-02-13' → 'thứ Sáu, 13/02/2026'. */
export function formatDayLabel(date: LocalDate): string {
  return `${weekdayNames[weekdayOf(date)] ?? ''}, ${formatDmy(date)}`;
}

/** An instant → 'thứ Sáu, 13/02/2026 lúc 17:00' (Vietnam time). */
export function formatInstantLabel(at: Date): string {
  const { date, minutes } = toLocal(at);
  return `${formatDayLabel(date)} ${m.dueDatePage.at} ${formatClock(minutes)}`;
}

/** '07:00–11:30 và 13:30–17:00'. */
export function officeHoursLabel(hours: OfficeHours): string {
  return hours.working.map((r) => `${formatClock(r.start)}–${formatClock(r.end)}`).join(' và ');
}

/** Office hours as JSON for the API: minutes become 'HH:MM'. */
export function officeHoursJson(hours: OfficeHours) {
  const ranges = (rs: readonly { start: number; end: number }[]) =>
    rs.map((r) => ({ start: formatClock(r.start), end: formatClock(r.end) }));
  return {
    working: ranges(hours.working),
    receivingOnly: Object.fromEntries(
      Object.entries(hours.receivingOnly).map(([weekday, rs]) => [weekday, ranges(rs ?? [])]),
    ),
  };
}

/** The answer of GET /api/v1/calendar/due-date. */
export function dueDateJson(
  r: DueDateResult & { noticeRevision: string },
  receivedAt: Date,
  unitSlug: string,
) {
  return {
    dueAt: formatVnIso(r.dueAt),
    dueAtUtc: r.dueAt.toISOString(),
    receivedAt: formatVnIso(receivedAt),
    countedFrom: formatVnIso(r.countedFrom),
    countedFromDate: r.countedFromDate,
    kind: r.kind,
    amount: r.amount,
    after15: r.after15,
    provisional: r.provisional,
    ruleVersion: r.ruleVersion,
    noticeRevision: r.noticeRevision,
    unit: unitSlug,
  };
}

/** Days off of `years` whose date lies in [from, to], in date order, one per date. */
export function daysOffBetween(years: readonly YearCalendar[], from: LocalDate, to: LocalDate): DayOff[] {
  const byDate = new Map<LocalDate, DayOff>();
  for (const y of years) {
    for (const d of y.daysOff.values()) {
      if (d.date >= from && d.date <= to && !byDate.has(d.date)) {
        byDate.set(d.date, d);
      }
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

export type DueDateResultView = {
  dueLabel: string;
  dueIso: string;
  provisional: boolean;
  lines: string[];
  skipped: { label: string; name: string; provisional: boolean }[];
};

/** The answer shown to a citizen, with how it was counted. */
export function toDueDateResultView(
  r: DueDateResult,
  receivedAt: Date,
  hours: OfficeHours,
  skippedDays: readonly DayOff[],
): DueDateResultView {
  const e = m.explain;
  const received = toLocal(receivedAt).date;
  const lines = [e.received(formatInstantLabel(receivedAt))];
  lines.push(
    r.countedFromDate === received
      ? e.countedSameDay(formatDayLabel(r.countedFromDate))
      : e.countedNextDay(formatDayLabel(r.countedFromDate)),
  );
  switch (r.kind) {
    case 'working_days':
      lines.push(r.amount === 0 ? e.workingDaysZero : e.workingDays(r.amount));
      break;
    case 'same_day':
      lines.push(e.sameDay);
      break;
    case 'calendar_days':
      lines.push(e.calendarDays(r.amount));
      break;
    case 'working_hours':
      lines.push(e.workingHours(r.amount));
      break;
  }
  lines.push(e.officeHours(officeHoursLabel(hours)));
  return {
    dueLabel: formatInstantLabel(r.dueAt),
    dueIso: formatVnIso(r.dueAt),
    provisional: r.provisional,
    lines,
    skipped: skippedDays.map((d) => ({
      label: formatDayLabel(d.date),
      name: d.name,
      provisional: d.provisional,
    })),
  };
}

export type DayOffGroupView = {
  name: string;
  days: { date: LocalDate; label: string; kind: string; provisional: boolean }[];
  source: string;
  confidence: string;
  provisional: boolean;
  note: string | null;
};

export type MakeUpDayView = {
  date: LocalDate;
  label: string;
  name: string;
  source: string;
  confidence: string;
};

export type DaysOffView = {
  year: number;
  groups: DayOffGroupView[];
  makeUp: MakeUpDayView[];
  anyProvisional: boolean;
};

const ruleOf = (id: string | undefined) => LABOUR_CODE_HOLIDAY_RULES.find((r) => r.id === id);

/** Where a day off comes from, in words: the notice's reference, or the law for a derived day. */
export function sourceOf(d: Pick<DayOff, 'source' | 'reference' | 'holidays'>, year: number): string {
  if (d.source === 'notice') {
    return d.reference ?? m.daysOffPage.noticeWithoutNumber(year);
  }
  return d.reference ?? ruleOf(d.holidays[0])?.source ?? m.daysOffPage.derived;
}

function confidenceOf(d: DayOff, provisional: boolean): string {
  if (d.confidence !== null) {
    return confidenceLabels[d.confidence];
  }
  return provisional ? m.daysOffPage.provisional : m.daysOffPage.fixedByLaw;
}

function makeUpOf(d: MakeUpDay, year: number): MakeUpDayView {
  return {
    date: d.date,
    label: formatDayLabel(d.date),
    name: d.name,
    source: d.reference ?? m.daysOffPage.noticeWithoutNumber(year),
    confidence: confidenceLabels[d.confidence],
  };
}

/** The days off dated in `year`: its own calendar's, then those a neighbouring year's notice puts in it. */
export function mergedDaysOff(
  year: number,
  own: YearCalendar,
  neighbours: readonly YearCalendar[],
): { d: DayOff; year: number }[] {
  const days = new Map<LocalDate, { d: DayOff; year: number }>();
  for (const d of own.daysOff.values()) {
    days.set(d.date, { d, year });
  }
  for (const n of neighbours) {
    for (const d of n.daysOff.values()) {
      if (d.date.startsWith(`${year}-`) && !days.has(d.date)) {
        days.set(d.date, { d, year: n.year });
      }
    }
  }
  return [...days.values()].sort((a, b) => (a.d.date < b.d.date ? -1 : 1));
}

function makeUpDays(year: number, own: YearCalendar, neighbours: readonly YearCalendar[]) {
  return [own, ...neighbours]
    .flatMap((c) => [...c.makeUpWorkdays.values()].map((d) => ({ d, year: c.year })))
    .filter(({ d }) => d.date.startsWith(`${year}-`))
    .sort((a, b) => (a.d.date < b.d.date ? -1 : 1));
}

/**
 * The days off of `year` (with those a neighbouring year's notice puts in it), grouped by notice entry or by
 * derived holiday, in date order; and the make-up working days.
 */
export function toDaysOffView(
  year: number,
  own: YearCalendar,
  neighbours: readonly YearCalendar[],
): DaysOffView {
  const sorted = mergedDaysOff(year, own, neighbours);
  const groups = new Map<string, DayOffGroupView>();
  for (const { d, year: y } of sorted) {
    const key = d.source === 'notice' ? `${y}|n|${d.name}` : `${y}|d|${d.holidays[0] ?? d.name}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        name: d.source === 'notice' ? d.name : (ruleOf(d.holidays[0])?.name ?? d.name),
        days: [],
        source: sourceOf(d, y),
        confidence: '',
        provisional: false,
        note: d.note ?? null,
      };
      groups.set(key, g);
    }
    g.days.push({
      date: d.date,
      label: formatDayLabel(d.date),
      kind: m.daysOffPage.kinds[d.kind],
      provisional: d.provisional,
    });
    g.provisional ||= d.provisional;
    g.confidence = confidenceOf(d, g.provisional);
  }
  const makeUp = makeUpDays(year, own, neighbours).map(({ d, year: y }) => makeUpOf(d, y));
  const list = [...groups.values()];
  return { year, groups: list, makeUp, anyProvisional: list.some((g) => g.provisional) };
}

/** The answer of GET /api/v1/calendar/days-off: machine values (kind, origin, confidence) and the source text. */
export function daysOffJson(
  year: number,
  own: YearCalendar,
  neighbours: readonly YearCalendar[],
  unitSlug: string,
  noticeRevision: string,
) {
  return {
    year,
    unit: unitSlug,
    noticeRevision,
    hasNotice: own.notices !== undefined && own.notices.length > 0,
    daysOff: mergedDaysOff(year, own, neighbours).map(({ d, year: y }) => ({
      date: d.date,
      name: d.name,
      kind: d.kind,
      origin: d.source,
      source: sourceOf(d, y),
      confidence: d.confidence,
      provisional: d.provisional,
      holidays: d.holidays,
      ...(d.note ? { note: d.note } : {}),
    })),
    makeUpWorkdays: makeUpDays(year, own, neighbours).map(({ d, year: y }) => ({
      date: d.date,
      name: d.name,
      source: d.reference ?? m.daysOffPage.noticeWithoutNumber(y),
      confidence: d.confidence,
      ...(d.note ? { note: d.note } : {}),
    })),
  };
}
