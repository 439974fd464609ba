import type { XlsxCell, XlsxColumn, XlsxSheet } from '../../../platform/xlsx.js';
import { toCsv as csvOf } from '../indicators/csv.js';
import type { ResultFigures } from '../stats-figures.js';
import { breakdownKeyColumns, keyLabel, sortChildren } from './results.presenter.js';
import { resultsMessages as m } from './results.messages.js';
import type { Sort } from './results.schemas.js';
import type { BreakdownData, ChildData, MonthData } from './results.service.js';

/*
 * The tables of the results page as downloads (issue #4 item 7): XLSX with the period in a title row, and CSV in
 * UTF-8 with a byte-order mark (so that Excel reads the Vietnamese), both with Vietnamese headers and numbers as
 * numbers (rates in percent, to 2 decimals, as the page shows them). Pure.
 */

/** The tables that can be downloaded, by the name in their URL. */
export const EXPORT_TABLES = [
  'tong-hop',
  'linh-vuc',
  'thu-tuc',
  'kenh',
  'can-bo',
  'don-vi',
  'theo-thang',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export type Table = { columns: XlsxColumn[]; rows: XlsxCell[][] };

const int = (header: string): XlsxColumn => ({ header, kind: 'integer' });
const num = (header: string): XlsxColumn => ({ header });
const rate = (header: string): XlsxColumn => ({ header: m.exports.percentHeader(header) });
const txt = (header: string, width?: number): XlsxColumn => ({
  header,
  kind: 'text',
  ...(width ? { width } : {}),
});

/** The summary: one row per figure, with its unit. */
export function summaryTable(f: ResultFigures): Table {
  const s = m.summary;
  const n = (label: string, v: number): XlsxCell[] => [label, v, s.dossiers];
  return {
    columns: [txt(s.item, 40), num(s.value), txt(s.unit, 12)],
    rows: [
      n(s.carriedOver, f.carriedOver),
      n(s.received, f.received),
      n(s.receivedCounter, f.receivedCounter),
      n(s.receivedOnline, f.receivedOnline),
      n(s.receivedPost, f.receivedPost),
      n(s.processed, f.processed),
      n(s.early, f.early),
      n(s.onTime, f.onTime),
      n(s.late, f.late),
      n(s.timely, f.early + f.onTime),
      [s.onTimeRate, f.onTimeRate, s.percent],
      [s.lateRate, f.lateRate, s.percent],
      n(s.resolved, f.resolved),
      n(s.refused, f.refused),
      n(s.withdrawn, f.withdrawn),
      n(s.stopped, f.stopped),
      [s.averageDays, f.averageDays, s.days],
      n(s.inProgress, f.inProgress),
      n(s.withinTime, f.inProgressWithinTime),
      n(s.overdue, f.inProgressOverdue),
      n(s.waitingSupplement, f.waitingSupplement),
    ],
  };
}

const FIGURE_COLUMNS: XlsxColumn[] = [
  int(m.table.carriedOver),
  int(m.table.received),
  int(m.table.processed),
  int(m.table.early),
  int(m.table.onTime),
  int(m.table.late),
  rate(m.table.onTimeRate),
  rate(m.table.lateRate),
  int(m.table.inProgress),
  int(m.table.overdue),
];
const figureCells = (f: ResultFigures): XlsxCell[] => [
  f.carriedOver,
  f.received,
  f.processed,
  f.early,
  f.onTime,
  f.late,
  f.onTimeRate,
  f.lateRate,
  f.inProgress,
  f.inProgressOverdue,
];

/** A breakdown: its key (a procedure: code and name), then the figures. */
export function breakdownTable(data: BreakdownData): Table {
  const keyColumns = breakdownKeyColumns(data.by).map((h) =>
    txt(h, data.by === 'thu-tuc' && h === m.table.code ? 12 : 40),
  );
  return {
    columns: [...keyColumns, ...FIGURE_COLUMNS],
    rows: data.rows.map((r) => {
      const label = keyLabel(data.by, r.key, r.name);
      const key = data.by === 'thu-tuc' ? [label.code, label.name] : [label.name];
      return [...key, ...figureCells(r.figures)];
    }),
  };
}

/** The child units in the page's order, then the parent's own dossiers when it has any. */
export function childrenTable(
  children: { rows: ChildData[]; own: ResultFigures | null },
  unitName: string,
  sort: Sort,
): Table {
  const rows = sortChildren(
    children.rows.map((c) => ({ name: c.unit.name, figures: c.figures })),
    sort,
  );
  if (children.own) {
    rows.push({ name: m.children.own(unitName), figures: children.own });
  }
  return {
    columns: [
      txt(m.children.unit, 40),
      int(m.children.received),
      int(m.children.processed),
      rate(m.children.onTimeRate),
      int(m.children.late),
      rate(m.children.lateRate),
      int(m.children.overdue),
    ],
    rows: rows.map(({ name, figures: f }) => [
      name,
      f.received,
      f.processed,
      f.onTimeRate,
      f.late,
      f.lateRate,
      f.inProgressOverdue,
    ]),
  };
}

/** The months of the chart; months not begun are left out. */
export function monthsTable(months: { year: string; rows: MonthData[] }): Table {
  return {
    columns: [
      txt(m.charts.month, 12),
      int(m.table.received),
      int(m.table.processed),
      int(m.table.early),
      int(m.table.onTime),
      int(m.table.late),
      rate(m.table.onTimeRate),
    ],
    rows: months.rows.flatMap(({ month, figures: f }) =>
      f === null
        ? []
        : [
            [
              `${String(month).padStart(2, '0')}/${months.year}`,
              f.received,
              f.processed,
              f.early,
              f.onTime,
              f.late,
              f.onTimeRate,
            ],
          ],
    ),
  };
}

/** The workbook's one sheet: the table under a title row naming the table, the unit and the period. */
export function toSheet(table: Table, name: string, title: string): XlsxSheet {
  return { name, title, columns: table.columns, rows: table.rows };
}

/** The table as CSV: UTF-8 with a byte-order mark, the header row first (indicators/csv.ts, shared with the 766 pages). */
export function toCsv(table: Table): string {
  return csvOf(
    table.columns.map((c) => c.header),
    table.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
  );
}
