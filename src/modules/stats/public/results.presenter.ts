import { formatDmy } from '../../calendar/calendar.presenter.js';
import { maskName } from '../../dossiers/lookup.presenter.js';
import { formatDateTime, formatNumber } from '../../../platform/time.js';
import { formatPercent } from '../dossier-outcome.js';
import type { ResultFigures } from '../stats-figures.js';
import { figureOfGroup, type ResultGroup } from './results-groups.js';
import { resultsMessages as m } from './results.messages.js';
import {
  CHANNEL_SLUGS,
  periodKinds,
  quarterOf,
  SORT_COLUMNS,
  sortParam,
  WITH_RANGES,
  type Breakdown,
  type FieldErrors,
  type ListFilters,
  type PeriodChoice,
  type PeriodValues,
  type Sort,
  type SortColumn,
} from './results.schemas.js';
import type { BreakdownData, ChildData, ListDossier, MonthData, Unit } from './results.service.js';
import type { PeriodFormView } from './views/PeriodForm.js';

/*
 * View models of the results page and its lists (issue #4 items 1, 3, 4): labels, Vietnamese numbers, links to the
 * lists, the sorted child units, the geometry of the SVG charts. Pure.
 */

/** A link to the list of the dossiers of a group, with the breakdown's filter. */
export type ListHref = (group: ResultGroup, filters?: ListFilters) => string;

/** A number of the page: its text and, for a count of dossiers, the link to their list. */
export type Cell = { text: string; href: string | null };

const count = (n: number): string => formatNumber(n);
const cell = (n: number, href: string | null): Cell => ({ text: count(n), href: n > 0 ? href : null });

export const formatDays = (d: number | null): string =>
  d === null ? m.summary.averageNone : m.summary.daysValue(formatNumber(d, 2));

/* ---- the period form ---- */

/**
 * The period form of a page, refilled with what was typed: the results page and its lists (with `extra`, the
 * breakdown or the group, and `hidden`, a list's filters) and the indicator pages (no range of dates).
 */
export function toPeriodForm(
  action: string,
  values: PeriodValues,
  errors: FieldErrors,
  page: { choice?: PeriodChoice; extra?: PeriodFormView['extra']; hidden?: PeriodFormView['hidden'] } = {},
): PeriodFormView {
  const choice = page.choice ?? WITH_RANGES;
  const quarter = quarterOf(values.quy);
  return {
    action,
    // The select shows the quarter a typed "IV" stands for.
    values: quarter === undefined ? values : { ...values, quy: String(quarter) },
    errors,
    kindOptions: periodKinds(choice).map((k) => ({ value: k, label: m.period.kinds[k] })),
    kindHint: choice.ranges ? m.period.kindHint : m.period.kindHintNoRange,
    quarterOptions: [
      { value: '', label: m.period.none },
      ...m.period.roman.map((r, i) => ({ value: String(i + 1), label: r })),
    ],
    ranges: choice.ranges,
    extra: page.extra ?? null,
    hidden: page.hidden ?? [],
  };
}

/* ---- the summary ---- */

export type SummaryItem = { label: string; cell: Cell; sub: boolean };
export type SummarySection = { heading: string; items: SummaryItem[] };

/** The summary figures in three sections (received, processed, open at the end), each count linked to its list. */
export function toSummary(f: ResultFigures, href: ListHref): SummarySection[] {
  const s = m.summary;
  const item = (label: string, group: ResultGroup, sub = false, filters?: ListFilters): SummaryItem => ({
    label,
    cell: cell(filters ? channelFigure(f, filters) : figureOfGroup(f, group), href(group, filters)),
    sub,
  });
  const plain = (label: string, text: string, href_: string | null, sub = false): SummaryItem => ({
    label,
    cell: { text, href: href_ },
    sub,
  });
  return [
    {
      heading: s.receivedHeading,
      items: [
        item(s.carriedOver, 'carried_over'),
        item(s.received, 'received'),
        item(s.receivedCounter, 'received', true, { channel: 'counter' }),
        item(s.receivedOnline, 'received', true, { channel: 'online' }),
        item(s.receivedPost, 'received', true, { channel: 'post' }),
      ],
    },
    {
      heading: s.processedHeading,
      items: [
        item(s.processed, 'processed'),
        item(s.early, 'early', true),
        item(s.onTime, 'on_time', true),
        item(s.late, 'late', true),
        item(s.timely, 'timely'),
        plain(s.onTimeRate, formatPercent(f.onTimeRate), f.early + f.onTime > 0 ? href('timely') : null),
        plain(s.lateRate, formatPercent(f.lateRate), f.late > 0 ? href('late') : null),
        item(s.resolved, 'resolved'),
        item(s.refused, 'refused'),
        item(s.withdrawn, 'withdrawn'),
        item(s.stopped, 'stopped'),
        plain(s.averageDays, formatDays(f.averageDays), f.processed > 0 ? href('processed') : null),
      ],
    },
    {
      heading: s.openHeading,
      items: [
        item(s.inProgress, 'in_progress'),
        item(s.withinTime, 'within_time', true),
        item(s.overdue, 'overdue', true),
        item(s.waitingSupplement, 'waiting_supplement'),
      ],
    },
  ];
}

function channelFigure(f: ResultFigures, filters: ListFilters): number {
  switch (filters.channel) {
    case 'counter':
      return f.receivedCounter;
    case 'online':
      return f.receivedOnline;
    case 'post':
      return f.receivedPost;
    case undefined:
      return f.received;
  }
}

/* ---- the breakdowns ---- */

/** The figure columns of a breakdown: header, group of its list, value. */
const BREAKDOWN_COLUMNS: {
  header: string;
  group: ResultGroup | null;
  value: (f: ResultFigures) => number;
}[] = [
  { header: m.table.carriedOver, group: 'carried_over', value: (f) => f.carriedOver },
  { header: m.table.received, group: 'received', value: (f) => f.received },
  { header: m.table.processed, group: 'processed', value: (f) => f.processed },
  { header: m.table.early, group: 'early', value: (f) => f.early },
  { header: m.table.onTime, group: 'on_time', value: (f) => f.onTime },
  { header: m.table.late, group: 'late', value: (f) => f.late },
  { header: m.table.onTimeRate, group: null, value: (f) => f.onTimeRate },
  { header: m.table.lateRate, group: null, value: (f) => f.lateRate },
  { header: m.table.inProgress, group: 'in_progress', value: (f) => f.inProgress },
  { header: m.table.overdue, group: 'overdue', value: (f) => f.inProgressOverdue },
];

export type BreakdownRowView = { key: string; code: string | null; name: string; cells: Cell[] };
export type BreakdownView = {
  by: Breakdown;
  heading: string;
  /** The key's column(s) then the figures'. */
  columns: string[];
  rows: BreakdownRowView[];
};

/** What a breakdown key shows: a field's name, a procedure's code and name, a channel's or an officer's name. */
export function keyLabel(by: Breakdown, key: string, name: string): { code: string | null; name: string } {
  switch (by) {
    case 'linh-vuc':
      return { code: null, name: key === '' ? m.noField : key };
    case 'thu-tuc':
      return { code: key, name: name || key };
    case 'kenh':
      return { code: null, name: key in m.channel ? m.channel[key as keyof typeof m.channel] : key };
    case 'can-bo':
      return { code: null, name: key === '0' ? m.noOfficer : name || m.unknownOfficer(key) };
  }
}

/** The list filter of a breakdown key; null when its dossiers cannot be listed (no field, no officer). */
export function filterOfKey(by: Breakdown, key: string): ListFilters | null {
  switch (by) {
    case 'linh-vuc':
      return key === '' ? null : { procedureField: key };
    case 'thu-tuc':
      return { procedureCode: key };
    case 'kenh':
      return key in CHANNEL_SLUGS ? { channel: key as keyof typeof CHANNEL_SLUGS } : null;
    case 'can-bo':
      return key === '0' || !/^\d+$/.test(key) ? null : { officerId: Number(key) };
  }
}

export function breakdownKeyColumns(by: Breakdown): string[] {
  return by === 'thu-tuc' ? [m.table.code, m.table.procedureName] : [m.by[by]];
}

export function toBreakdownView(data: BreakdownData, href: ListHref): BreakdownView {
  return {
    by: data.by,
    heading: m.byHeading[data.by],
    columns: [...breakdownKeyColumns(data.by), ...BREAKDOWN_COLUMNS.map((c) => c.header)],
    rows: data.rows.map((r) => {
      const label = keyLabel(data.by, r.key, r.name);
      const filters = filterOfKey(data.by, r.key);
      return {
        key: r.key,
        ...label,
        cells: BREAKDOWN_COLUMNS.map((c) =>
          c.group === null
            ? { text: formatPercent(c.value(r.figures)), href: null }
            : cell(c.value(r.figures), filters ? href(c.group, filters) : null),
        ),
      };
    }),
  };
}

/* ---- the child units ---- */

const CHILD_COLUMNS: Record<SortColumn, { header: string; value: (c: ChildRow) => number | string }> = {
  ten: { header: m.children.unit, value: (c) => c.name },
  'tiep-nhan': { header: m.children.received, value: (c) => c.figures.received },
  'da-xu-ly': { header: m.children.processed, value: (c) => c.figures.processed },
  'ty-le-dung-han': { header: m.children.onTimeRate, value: (c) => c.figures.onTimeRate },
  'tre-han': { header: m.children.late, value: (c) => c.figures.late },
  'ty-le-tre-han': { header: m.children.lateRate, value: (c) => c.figures.lateRate },
  'qua-han': { header: m.children.overdue, value: (c) => c.figures.inProgressOverdue },
};

type ChildRow = { name: string; figures: ResultFigures };

export type SortHeader = {
  label: string;
  href: string;
  /** aria-sort of the current column; null on the others. */
  ariaSort: 'ascending' | 'descending' | null;
  /** Words after the column name for screen readers: what the link does. */
  linkHint: string;
};
export type ChildRowView = { name: string; href: string | null; cells: Cell[] };
export type ChildrenView = { headers: SortHeader[]; rows: ChildRowView[]; own: ChildRowView | null };

/** Child units sorted by `sort` (ties by name), for the page and the export. */
export function sortChildren<T extends ChildRow>(rows: readonly T[], sort: Sort): T[] {
  const value = CHILD_COLUMNS[sort.column].value;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi');
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'string' ? va.localeCompare(String(vb), 'vi') : va - Number(vb);
    return (sort.descending ? -c : c) || byName(a, b);
  });
}

/**
 * The sortable table of child units: each header links to the sort by its column (descending first for figures,
 * ascending for names; a second click reverses), the current one marked with aria-sort.
 */
export function toChildrenView(
  children: { rows: ChildData[]; own: ResultFigures | null },
  unitName: string,
  sort: Sort,
  hrefs: { sort: (sortParam: string) => string; unit: (u: Unit) => string; unitList: (u: Unit) => ListHref },
): ChildrenView {
  const headers = SORT_COLUMNS.map((column): SortHeader => {
    const current = sort.column === column;
    const descending = current ? !sort.descending : column !== 'ten';
    return {
      label: CHILD_COLUMNS[column].header,
      href: hrefs.sort(sortParam({ column, descending })),
      ariaSort: current ? (sort.descending ? 'descending' : 'ascending') : null,
      linkHint: m.children.sortHint(descending),
    };
  });
  const cellsOf = (f: ResultFigures, list: ListHref | null): Cell[] => [
    cell(f.received, list ? list('received') : null),
    cell(f.processed, list ? list('processed') : null),
    { text: formatPercent(f.onTimeRate), href: null },
    cell(f.late, list ? list('late') : null),
    { text: formatPercent(f.lateRate), href: null },
    cell(f.inProgressOverdue, list ? list('overdue') : null),
  ];
  const rows = sortChildren(
    children.rows.map((c) => ({ name: c.unit.name, figures: c.figures, unit: c.unit })),
    sort,
  );
  return {
    headers,
    rows: rows.map((r) => ({
      name: r.name,
      href: hrefs.unit(r.unit),
      cells: cellsOf(r.figures, hrefs.unitList(r.unit)),
    })),
    // The unit's own dossiers alone have no list (a list covers the unit with the units under it).
    own: children.own
      ? { name: m.children.own(unitName), href: null, cells: cellsOf(children.own, null) }
      : null,
  };
}

/* ---- the charts ---- */

export type ChartSegment = { cls: string; label: string; value: number; x: number; width: number };
export type TimingChartView = {
  title: string;
  desc: string;
  width: number;
  height: number;
  segments: ChartSegment[];
  legend: { cls: string; label: string; text: string }[];
};

const TIMING_PARTS = [
  { key: 'early', cls: 'chart-early', label: m.summary.early },
  { key: 'onTime', cls: 'chart-on-time', label: m.summary.onTime },
  { key: 'late', cls: 'chart-late', label: m.summary.late },
] as const;

/** One bar of the processed dossiers, split early / on time / late in proportion. */
export function toTimingChart(f: ResultFigures, periodLabel: string): TimingChartView {
  const width = 600;
  let x = 0;
  const segments: ChartSegment[] = [];
  const legend: TimingChartView['legend'] = [];
  const parts: string[] = [];
  for (const p of TIMING_PARTS) {
    const value = f[p.key];
    const share = f.processed === 0 ? 0 : value / f.processed;
    const w = Math.round(share * width * 10) / 10;
    if (value > 0) {
      segments.push({ cls: p.cls, label: p.label, value, x, width: w });
    }
    x = Math.round((x + w) * 10) / 10;
    const pct = formatPercent(Math.round(share * 10_000) / 100);
    legend.push({ cls: p.cls, label: p.label, text: `${count(value)} (${pct})` });
    parts.push(`${p.label.toLocaleLowerCase('vi')} ${count(value)} (${pct})`);
  }
  return {
    title: m.charts.timing,
    desc:
      f.processed === 0
        ? m.charts.timingNone
        : m.charts.timingDesc(
            `${periodLabel.toLocaleLowerCase('vi')}, ${count(f.processed)} ${m.summary.dossiers} ${m.summary.processed.toLocaleLowerCase('vi')}: ${parts.join('; ')}`,
          ),
    width,
    height: 40,
    segments,
    legend,
  };
}

export type MonthBar = {
  label: string;
  longLabel: string;
  x: number;
  /** Early + on time, stacked under late; y and height in the chart's units. */
  timely: { y: number; height: number; value: number };
  late: { y: number; height: number; value: number };
  processed: number;
  received: number;
  notYet: boolean;
  /** The month's row of the table under the chart: received, processed, early and on time, late. */
  tableCells: string[];
  /** The number over the bar ('' when none) and its baseline. */
  valueText: string;
  valueY: number;
};
export type MonthsChartView = {
  title: string;
  desc: string;
  width: number;
  height: number;
  /** The plot's bottom (y of zero) and the bar width. */
  baseline: number;
  barWidth: number;
  max: number;
  gridlines: { y: number; label: string }[];
  bars: MonthBar[];
  legend: { cls: string; label: string }[];
};

/** A rounded top of the scale: 1, 2, 5 × 10^n at or above the largest bar. */
export function niceMax(n: number): number {
  if (n <= 0) {
    return 1;
  }
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= n) ?? 10 * p;
}

/** A bar per month of the year: processed dossiers, early and on time at the bottom, late on top. */
export function toMonthsChart(months: { year: string; rows: MonthData[] }): MonthsChartView {
  const width = 600;
  const height = 220;
  const top = 20;
  const baseline = 190;
  const left = 40;
  const slot = (width - left) / 12;
  const barWidth = Math.round(slot * 0.6);
  const max = niceMax(Math.max(0, ...months.rows.map((r) => r.figures?.processed ?? 0)));
  const scale = (v: number) => Math.round((v / max) * (baseline - top) * 10) / 10;
  const bars = months.rows.map((r): MonthBar => {
    const f = r.figures;
    const timely = f ? f.early + f.onTime : 0;
    const late = f ? f.late : 0;
    const th = scale(timely);
    const lh = scale(late);
    return {
      label: m.charts.monthShort(r.month),
      longLabel: m.charts.monthLong(r.month),
      x: Math.round(left + slot * (r.month - 1) + (slot - barWidth) / 2),
      timely: { y: Math.round((baseline - th) * 10) / 10, height: th, value: timely },
      late: { y: Math.round((baseline - th - lh) * 10) / 10, height: lh, value: late },
      processed: f?.processed ?? 0,
      received: f?.received ?? 0,
      notYet: f === null,
      tableCells: [f?.received ?? 0, f?.processed ?? 0, timely, late].map(count),
      valueText: f && f.processed > 0 ? count(f.processed) : '',
      valueY: Math.round((baseline - th - lh - 3) * 10) / 10,
    };
  });
  const gridlines = [0, 0.5, 1].map((k) => ({
    y: Math.round((baseline - k * (baseline - top)) * 10) / 10,
    label: count(Math.round(k * max)),
  }));
  const lines = bars
    .filter((b) => !b.notYet)
    .map(
      (b) =>
        `${b.longLabel.toLocaleLowerCase('vi')}: ${count(b.processed)} (${count(b.timely.value)}; ${count(b.late.value)})`,
    );
  return {
    title: m.charts.months(months.year),
    desc: m.charts.monthsDesc(lines.join(', ')),
    width,
    height,
    baseline,
    barWidth,
    max,
    gridlines,
    bars,
    legend: [
      { cls: 'chart-timely', label: m.summary.timely },
      { cls: 'chart-late', label: m.summary.late },
    ],
  };
}

/* ---- the period ---- */

/** The sentence under the period: figures as of today while it runs, else to its last day. */
export function periodNote(asked: { to: string }, effective: { to: string }, today: string): string {
  return asked.to > today ? m.period.asOfToday(formatDmy(today)) : m.period.closed(formatDmy(effective.to));
}

/* ---- the lists ---- */

export type ListRowView = {
  code: string;
  href: string | null;
  procedure: string;
  applicant: string;
  receivedAt: string;
  dueAt: string;
  endedAt: string;
  state: string;
};

const dateTime = (at: string | null): string => (at === null ? '—' : formatDateTime(at).slice(0, 16));

/** Where a listed dossier stands in the period, in words. */
export function stateLabel(d: ListDossier): string {
  const s = m.list.state;
  const p = d.buckets.processed;
  if (p) {
    const outcome = m.list.outcome[p.status];
    return outcome ? `${s[p.timing]} (${outcome})` : s[p.timing];
  }
  const open = d.buckets.inProgress;
  if (open) {
    return open.waitingSupplement ? s.waiting : open.overdue ? s.overdue : s.withinTime;
  }
  return '—';
}

/** A row of a public list: the applicant's name masked, no contact data, the code linked to the public look-up. */
export function toListRow(d: ListDossier, lookupHref: (code: string) => string): ListRowView {
  return {
    code: d.code ?? '—',
    href: d.code === null ? null : lookupHref(d.code),
    procedure: `${d.procedureCode} – ${d.procedureName}`,
    applicant: maskName(d.applicantName),
    receivedAt: dateTime(d.receivedAt),
    dueAt: dateTime(d.dueAt),
    endedAt: dateTime(d.endedAt),
    state: stateLabel(d),
  };
}

/** The words of a list's filters ("Lĩnh vực: Hộ tịch"), with the officer's name for staff. */
export function filterWords(f: ListFilters, names: { procedure?: string; officer?: string }): string[] {
  const out: string[] = [];
  if (f.procedureField !== undefined) {
    out.push(`${m.by['linh-vuc']}: ${f.procedureField || m.noField}`);
  }
  if (f.procedureCode !== undefined) {
    out.push(`${m.by['thu-tuc']}: ${f.procedureCode}${names.procedure ? ` – ${names.procedure}` : ''}`);
  }
  if (f.channel !== undefined) {
    out.push(`${m.by.kenh}: ${m.channel[f.channel]}`);
  }
  if (f.officerId !== undefined) {
    out.push(`${m.by['can-bo']}: ${names.officer ?? m.unknownOfficer(String(f.officerId))}`);
  }
  return out;
}
