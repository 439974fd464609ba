import { formatDate, formatNumber } from '../../../platform/time.js';
import type { XlsxColumn } from '../../../platform/xlsx.js';
import type { Period } from '../dossier-outcome.js';
import { resultsMessages } from '../public/results.messages.js';
import type { ResultsPeriod } from '../public/results.schemas.js';
import type { Evaluation, IndexScore, StaffBand, UnitBand } from './circular-01-evaluation.js';
import type { Decision766Config } from './decision-766.config.js';
import type { Decision766Result, IndicatorRow } from './decision-766.js';
import { indicatorMessages } from './indicators.messages.js';
import type { OfficerRow } from './indicators.service.js';

/*
 * View models and export tables of the indicator pages (issue #4 items 5–7). Pure: the page and both exports are
 * built from the same results, so their numbers agree.
 */

const m = indicatorMessages;
const d = m.d766;

/** A number the Vietnamese way, up to 2 decimals: 93,33. */
const num = (n: number): string => formatNumber(n, 2);

/** "Quý III/2026", with "(số liệu đến hết ngày …)" when the period is cut at today (`effective`). */
export function periodLabel(p: ResultsPeriod, effective: Period): string {
  return effective.to < p.period.to
    ? `${p.label}${m.page.cutAt(formatDate(`${effective.to}T12:00:00+07:00`))}`
    : p.label;
}

/** The short form of a period for file names: "2026", "Quý III-2026", "Tháng 03-2026". */
export function periodFileLabel(p: ResultsPeriod): string {
  const { ky, nam = '', quy, thang } = p.params;
  return ky === 'quy'
    ? `Quý ${resultsMessages.period.roman[Number(quy) - 1]}-${nam}`
    : ky === 'thang'
      ? `Tháng ${thang}-${nam}`
      : ky === 'nam'
        ? nam
        : p.label; // a range: not on the indicator pages
}

/** How an indicator is computed and scored, in words. */
export function ruleText(r: IndicatorRow): string {
  const formula = d.formulas[r.id];
  if (r.status === 'no_data') {
    return `${formula} ${d.needs[r.id] ?? d.needsPortal}`;
  }
  const scoring =
    r.rule.max === 0
      ? d.scoring.trackOnly
      : d.scoring[r.rule.direction](num(r.rule.threshold), num(r.rule.max));
  return `${formula} ${scoring}`;
}

export type D766RowView = {
  code: string;
  name: string;
  numerator: string;
  denominator: string;
  quantity: string;
  ratio: string;
  score: string;
  max: string;
  status: IndicatorRow['status'];
  statusLabel: string;
  rule: string;
};

export type D766View = {
  groups: {
    name: string;
    rows: D766RowView[];
    score: string;
    maxCounted: string;
    max: string;
    note: string;
  }[];
  totalLine: string;
  score: string;
  maxCounted: string;
  provisional: string | null;
};

const orNone = (v: number | null): string => (v === null ? d.none : num(v));

export function toD766View(r: Decision766Result, config: Decision766Config): D766View {
  return {
    groups: r.groups.map((g) => ({
      name: d.groups[g.id],
      rows: g.rows.map((row) => ({
        code: d.codes[row.id] ?? row.id,
        name: d.names[row.id],
        numerator: orNone(row.numerator),
        denominator: orNone(row.denominator),
        quantity: row.quantity === null ? d.none : d.quantities[row.quantity],
        ratio: orNone(row.ratio),
        score: orNone(row.score),
        max: num(row.rule.max),
        status: row.status,
        statusLabel: d.status[row.status],
        rule: ruleText(row),
      })),
      score: num(g.score),
      maxCounted: num(g.maxCounted),
      max: num(g.max),
      note: d.groupTotalNote(g.counted, num(g.maxCounted)),
    })),
    totalLine: d.totalLine(num(r.score), num(r.maxCounted), r.counted, r.indicators, num(r.max)),
    score: num(r.score),
    maxCounted: num(r.maxCounted),
    provisional: config.provisional ? d.provisional(config.source) : null,
  };
}

export type C01View = {
  rows: { index: number; name: string; value: string; counted: boolean; status: string; rule: string }[];
  total: string;
  band: string;
  totalLine: string;
  bandsNote: string;
  countedNote: string;
};

function evaluationSummary<B extends string>(e: Evaluation<B>, bands: Record<B, string>) {
  return {
    total: e.total === null ? d.none : formatNumber(e.total, 1),
    band: e.band === null ? m.c01.noBand : bands[e.band],
  };
}

export function toC01View(e: Evaluation<UnitBand>): C01View {
  return {
    rows: e.indices.map((i: IndexScore) => ({
      index: i.index,
      name: m.c01.names[i.index],
      value: orNone(i.value),
      counted: i.value !== null,
      status: i.value === null ? m.c01.status.none : m.c01.status.counted,
      rule: m.c01.rules[i.index],
    })),
    ...evaluationSummary(e, m.c01.unitBands),
    totalLine: m.c01.totalLine(
      e.total === null ? d.none : formatNumber(e.total, 1),
      e.maxCounted,
      e.counted,
      e.of,
    ),
    bandsNote: m.c01.unitBandsNote,
    countedNote: m.c01.countedNote(e.counted, e.of, e.maxCounted, 2 * e.of),
  };
}

export type OfficerRowView = {
  name: string;
  processed: string;
  indices: string[];
  total: string;
  counted: string;
  band: string;
};

export function toOfficerRows(rows: readonly OfficerRow[]): OfficerRowView[] {
  return rows.map((r) => ({
    name: r.name ?? m.officers.unknown(r.officerId),
    processed: formatNumber(r.processed),
    indices: r.evaluation.indices.map((i) => orNone(i.value)),
    ...evaluationSummary<StaffBand>(r.evaluation, m.c01.staffBands),
    counted: `${r.evaluation.counted}/${r.evaluation.of}`,
  }));
}

/* ---- exports: one sheet each, Vietnamese headers, numbers as numbers ---- */

export type ExportTable = { columns: XlsxColumn[]; rows: (string | number | null)[][] };

export function d766Table(r: Decision766Result): ExportTable {
  const c = d.columns;
  const columns: XlsxColumn[] = [
    { header: c.group, width: 28 },
    { header: c.code, width: 6, kind: 'text' },
    { header: c.name, width: 50 },
    { header: c.numerator, width: 10 },
    { header: c.denominator, width: 10 },
    { header: c.quantity, width: 10 },
    { header: c.ratio, width: 10 },
    { header: c.score, width: 8 },
    { header: c.max, width: 10 },
    { header: c.status, width: 22 },
    { header: c.rule, width: 80 },
  ];
  const rows: ExportTable['rows'] = [];
  for (const g of r.groups) {
    for (const row of g.rows) {
      rows.push([
        d.groups[g.id],
        d.codes[row.id] ?? row.id,
        d.names[row.id],
        row.numerator,
        row.denominator,
        row.quantity === null ? null : d.quantities[row.quantity],
        row.ratio,
        row.score,
        row.rule.max,
        d.status[row.status],
        ruleText(row),
      ]);
    }
    rows.push([
      d.groups[g.id],
      null,
      d.groupTotal(d.groups[g.id]),
      null,
      null,
      null,
      null,
      g.score,
      g.maxCounted,
      d.groupTotalNote(g.counted, num(g.maxCounted)),
      null,
    ]);
  }
  rows.push([null, null, d.total, null, null, null, null, r.score, r.maxCounted, null, null]);
  return { columns, rows };
}

export function c01Table(e: Evaluation<UnitBand>): ExportTable {
  const c = m.c01.columns;
  const columns: XlsxColumn[] = [
    { header: c.index, width: 8, kind: 'integer' },
    { header: c.name, width: 50 },
    { header: c.value, width: 10 },
    { header: c.status, width: 18 },
    { header: c.rule, width: 80 },
  ];
  const rows: ExportTable['rows'] = e.indices.map((i) => [
    i.index,
    m.c01.names[i.index],
    i.value,
    i.value === null ? m.c01.status.none : m.c01.status.counted,
    m.c01.rules[i.index],
  ]);
  rows.push([
    null,
    m.c01.total,
    e.total,
    `${e.counted}/${e.of}`,
    m.c01.countedNote(e.counted, e.of, e.maxCounted, 2 * e.of),
  ]);
  rows.push([
    null,
    m.c01.band,
    null,
    e.band === null ? m.c01.noBand : m.c01.unitBands[e.band],
    m.c01.unitBandsNote,
  ]);
  return { columns, rows };
}

export function officersTable(rows: readonly OfficerRow[]): ExportTable {
  const c = m.officers.columns;
  const indices = rows[0]?.evaluation.indices.map((i) => i.index) ?? [1, 2, 3, 4, 7];
  const columns: XlsxColumn[] = [
    { header: c.officer, width: 30 },
    { header: c.processed, width: 12, kind: 'integer' },
    ...indices.map((n) => ({ header: c.index(n), width: 10 })),
    { header: c.total, width: 10 },
    { header: c.counted, width: 12, kind: 'text' as const },
    { header: c.band, width: 40 },
  ];
  return {
    columns,
    rows: rows.map((r) => [
      r.name ?? m.officers.unknown(r.officerId),
      r.processed,
      ...r.evaluation.indices.map((i) => i.value),
      r.evaluation.total,
      `${r.evaluation.counted}/${r.evaluation.of}`,
      r.evaluation.band === null ? m.c01.noBand : m.c01.staffBands[r.evaluation.band],
    ]),
  };
}
