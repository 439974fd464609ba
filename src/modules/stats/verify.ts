import type { Conn } from '../../platform/db.js';
import { addDays, type LocalDate } from '../calendar/local-time.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { bucketsOf, localDay, type DossierBuckets } from './dossier-buckets.js';
import { endIndex, receiptIndex, type HistoryDossier } from './dossier-history.js';
import { percent, type Period } from './dossier-outcome.js';
import { lastDayOf, nextMonth, type Month } from './stat-range.js';
import { figuresOf, type ResultFigures } from './stats-figures.js';
import { MEASURES } from './stat-measures.js';
import { DIMENSIONS, type Dimension } from './stat-rows.js';
import type { StatsRepository } from './stats.repository.js';
import type { HistorySource, StatsService } from './stats.service.js';

/*
 * `congxa stats verify` (issue #4 item 8, docs/statistics.md): every figure the aggregates give, recomputed from the
 * raw dossier events with a separate algorithm — where each dossier stands at the period's instants (bucketsOf), not
 * the day contributions of contribution.ts that maintain the aggregates — and each difference named.
 *
 * Per unit (alone) and month from its first receipt to today: the unit's figures (figuresByUnit: mostly the month
 * rows) and its figures by procedure, field, channel and officer (byDimension: the day rows), so that a wrong month
 * row and a wrong day row both show. A wrong stock delta shows in
 * its month and every later one; a wrong flow in its month. Before the first receipt, every figure must be zero. Then
 * the portal widget of every unit (year to date, rolled up over the units under it, from the month rows).
 *
 * Memory: one unit at a time, streaming its dossiers; per unit only counters per month and group are kept.
 */

export type VerifyDeps = {
  db: Conn;
  directory: UnitDirectory;
  histories: HistorySource;
  repo: StatsRepository;
  service: StatsService;
};

/** The figures compared (the others, onTimeRate, lateRate and inProgressWithinTime, are derived from these). */
export const CHECKED_FIGURES = [
  'received',
  'receivedCounter',
  'receivedOnline',
  'receivedPost',
  'carriedOver',
  'processed',
  'early',
  'onTime',
  'late',
  'resolved',
  'refused',
  'withdrawn',
  'stopped',
  'inProgress',
  'inProgressOverdue',
  'waitingSupplement',
] as const satisfies readonly (keyof ResultFigures)[];
export type CheckedFigure = (typeof CHECKED_FIGURES)[number];
export type Counts = Record<CheckedFigure, number>;

const WIDGET_FIGURES = ['processed', 'earlyOrOnTime', 'late', 'onTimeRate', 'lateRate', 'updatedAt'] as const;

/**
 * Where a difference is: the unit alone, one group of a dimension, or the widget (rolled up, year to date). `under`:
 * the figures of the units under the unit (its 'sub' roll-ups), not of its own dossiers.
 */
export type Scope =
  | { kind: 'unit'; under?: true }
  | { kind: 'dimension'; dimension: Dimension; key: string; under?: true }
  | { kind: 'widget' }
  /** A month's day rows summed against its month row (stored: the days; recomputed: the month row). */
  | { kind: 'rows'; dimension?: Dimension; key?: string; under?: true };

export type Difference = {
  unit: string;
  period: Period;
  scope: Scope;
  figure: string;
  stored: number | string | null;
  recomputed: number | string | null;
};

export type VerifyReport = {
  units: number;
  dossiers: number;
  /** How many figures were compared. */
  checked: number;
  differences: Difference[];
};

/** The earliest day the check reads: anything stored before the first receipt must be zero. */
const BEGINNING: LocalDate = '1970-01-01';

export const zeroCounts = (): Counts => Object.fromEntries(CHECKED_FIGURES.map((k) => [k, 0])) as Counts;

const RECEIVED_BY: Readonly<Record<HistoryDossier['channel'], CheckedFigure>> = {
  counter: 'receivedCounter',
  online: 'receivedOnline',
  post: 'receivedPost',
};
const TIMING: Readonly<Record<NonNullable<DossierBuckets['processed']>['timing'], CheckedFigure>> = {
  early: 'early',
  on_time: 'onTime',
  late: 'late',
};

/** Counts one dossier where it stands in a period (the definitions of docs/statistics.md). */
export function count(c: Counts, d: HistoryDossier, b: DossierBuckets): void {
  if (b.received) {
    c.received++;
    c[RECEIVED_BY[d.channel]]++;
  }
  if (b.carriedOver) {
    c.carriedOver++;
  }
  if (b.processed) {
    c.processed++;
    c[TIMING[b.processed.timing]]++;
    const s = b.processed.status;
    if (s === 'done' || s === 'returned') {
      c.resolved++;
    } else if (s === 'refused' || s === 'withdrawn' || s === 'stopped') {
      c[s]++;
    }
  }
  if (b.inProgress) {
    c.inProgress++;
    if (b.inProgress.overdue) {
      c.inProgressOverdue++;
    }
    if (b.inProgress.waitingSupplement) {
      c.waitingSupplement++;
    }
  }
}

/** A unit's recomputed counts of one month: the unit alone, and per group of each dimension. */
type MonthCounts = { unit: Counts; groups: Record<Dimension, Map<string, Counts>> };

const newMonth = (): MonthCounts => ({
  unit: zeroCounts(),
  groups: { procedureCode: new Map(), procedureField: new Map(), channel: new Map(), officerId: new Map() },
});

function countIn(groups: Map<string, Counts>, key: string): Counts {
  let c = groups.get(key);
  if (!c) {
    c = zeroCounts();
    groups.set(key, c);
  }
  return c;
}

/** The widget's figures of one unit alone, year to date. */
type YearCounts = { processed: number; earlyOrOnTime: number; late: number; updatedAt: string | null };

const monthOf = (day: LocalDate): Month => day.slice(0, 7);

/** A month's period, cut at today as the service reads it. */
function monthPeriod(m: Month, today: LocalDate): Period {
  const last = lastDayOf(m);
  return { from: `${m}-01`, to: last < today ? last : today };
}

/** "2026-03", "2026-11 (to 2026-11-20)" or "1970-01-01..2026-02-28". */
export function periodLabel(p: Period): string {
  const m = monthOf(p.from);
  if (p.from === `${m}-01` && monthOf(p.to) === m) {
    return p.to === lastDayOf(m) ? m : `${m} (to ${p.to})`;
  }
  return `${p.from}..${p.to}`;
}

function scopeLabel(s: Scope): string {
  const under = s.kind !== 'widget' && s.under ? 'units under it, ' : '';
  switch (s.kind) {
    case 'unit':
      return s.under ? 'units under it' : 'unit alone';
    case 'widget':
      return 'widget (with the units under it)';
    case 'dimension':
      return `${under}${s.dimension}=${s.key}`;
    case 'rows':
      return `${under}day rows against month row${s.dimension ? ` ${s.dimension}=${s.key}` : ''}`;
  }
}

/** One line per difference, e.g. "tan-hong 2026-03 officerId=12 late: stored 5, recomputed 4". */
export function formatDifference(d: Difference): string {
  return `${d.unit} ${periodLabel(d.period)} ${scopeLabel(d.scope)} ${d.figure}: stored ${String(d.stored)}, recomputed ${String(d.recomputed)}`;
}

export type VerifyOptions = {
  /** Only this unit and the units under it (every widget checked has its whole subtree among them). */
  unitId?: number;
  /** Called as each unit is done (a long run's progress). */
  progress?: (unit: string, done: number, total: number) => void;
};

/** The comparisons made so far and the differences found. */
class Findings {
  checked = 0;
  readonly differences: Difference[] = [];

  compare(
    unit: string,
    period: Period,
    scope: Scope,
    figure: string,
    stored: number | string | null,
    recomputed: number | string | null,
  ): void {
    this.checked++;
    if (stored !== recomputed) {
      this.differences.push({ unit, period, scope, figure, stored, recomputed });
    }
  }

  /** stored null: the aggregates have no such group, so each of its figures is 0. */
  compareCounts(
    unit: string,
    period: Period,
    scope: Scope,
    stored: Pick<ResultFigures, CheckedFigure> | null,
    want: Counts,
  ): void {
    for (const k of CHECKED_FIGURES) {
      this.compare(unit, period, scope, k, stored?.[k] ?? 0, want[k]);
    }
  }
}

/** One unit's dossiers counted where they stand in each month (and the year to date), streamed from their events. */
async function recount(
  histories: HistorySource,
  unitId: number,
  today: LocalDate,
  year: Period,
): Promise<{ dossiers: number; months: Map<Month, MonthCounts>; year: YearCounts }> {
  const months = new Map<Month, MonthCounts>();
  const y: YearCounts = { processed: 0, earlyOrOnTime: 0, late: 0, updatedAt: null };
  let dossiers = 0;
  for await (const { dossier, events } of histories(unitId)) {
    dossiers++;
    const r = receiptIndex(events);
    if (r < 0) {
      continue; // never received: counts nowhere
    }
    // Outside [month of receipt, month of end] a dossier counts in no figure: its months are enough.
    const e = endIndex(events);
    const first = monthOf(localDay(events[r]!.at));
    const endMonth = e >= 0 ? monthOf(localDay(events[e]!.at)) : null;
    const last = endMonth !== null && endMonth < monthOf(today) ? endMonth : monthOf(today);
    for (let m = first; m <= last; m = nextMonth(m)) {
      const b = bucketsOf(dossier, events, monthPeriod(m, today));
      if (b === null) {
        break;
      }
      const mc = months.get(m) ?? newMonth();
      months.set(m, mc);
      count(mc.unit, dossier, b);
      const keys: Record<Dimension, string> = {
        procedureCode: dossier.procedureCode,
        procedureField: dossier.procedureField,
        channel: dossier.channel,
        officerId: String(b.officerId),
      };
      for (const dim of DIMENSIONS) {
        count(countIn(mc.groups[dim], keys[dim]), dossier, b);
      }
    }
    const processed = bucketsOf(dossier, events, year)?.processed;
    if (processed) {
      y.processed++;
      y.earlyOrOnTime += processed.timing === 'late' ? 0 : 1;
      y.late += processed.timing === 'late' ? 1 : 0;
      const endedAt = events[e]!.at; // processed in the year: it ended
      if (y.updatedAt === null || endedAt > y.updatedAt) {
        y.updatedAt = endedAt;
      }
    }
  }
  return { dossiers, months, year: y };
}

/** Adds the counts of `from` to `into`, figure by figure. */
function addCounts(into: Counts, from: Counts): void {
  for (const k of CHECKED_FIGURES) {
    into[k] += from[k];
  }
}

/** Adds a unit's recounted months to the months of a unit above it (what its 'sub' roll-ups must hold). */
function addMonths(into: Map<Month, MonthCounts>, from: ReadonlyMap<Month, MonthCounts>): void {
  for (const [m, mc] of from) {
    const to = into.get(m) ?? newMonth();
    into.set(m, to);
    addCounts(to.unit, mc.unit);
    for (const dim of DIMENSIONS) {
      for (const [key, c] of mc.groups[dim]) {
        addCounts(countIn(to.groups[dim], key), c);
      }
    }
  }
}

/**
 * Compares one unit's recounted months (and the zeros before them) with its figures and breakdowns as stored: of its
 * own dossiers (`under` false), or of the dossiers of the units under it (`under` true, its 'sub' roll-ups).
 */
async function checkUnit(
  deps: VerifyDeps,
  unit: { id: number; slug: string },
  months: Map<Month, MonthCounts>,
  today: LocalDate,
  findings: Findings,
  under = false,
): Promise<void> {
  // Before the first receipt (or up to today when nothing was received) every stored figure must be zero.
  const sorted = [...months.keys()].sort();
  const before: Period = {
    from: BEGINNING,
    to: sorted[0] === undefined ? today : addDays(`${sorted[0]}-01`, -1),
  };
  const periods: [Period, MonthCounts][] = [[before, newMonth()]];
  for (let m = sorted[0]; m !== undefined && m <= monthOf(today); m = nextMonth(m)) {
    periods.push([monthPeriod(m, today), months.get(m) ?? newMonth()]);
  }
  const reach = under ? 'sub' : 'own';
  const flag = under ? { under: true as const } : {};
  for (const [period, want] of periods) {
    if (period.from > period.to) {
      continue;
    }
    // The five reads at once (PostgreSQL runs them side by side).
    const [figures, ...byDim] = await Promise.all([
      deps.service.figures(unit.id, period, reach),
      ...DIMENSIONS.map((dim) => deps.service.groups(unit.id, dim, period, reach)),
    ]);
    findings.compareCounts(unit.slug, period, { kind: 'unit', ...flag }, figures, want.unit);
    DIMENSIONS.forEach((dim, i) => {
      const groups = byDim[i]!; // one result per dimension
      for (const key of new Set([...groups.keys(), ...want.groups[dim].keys()])) {
        const s = groups.get(key);
        const stored = s ? figuresOf(period, s.flows, s.before, s.end) : null;
        const scope: Scope = { kind: 'dimension', dimension: dim, key, ...flag };
        findings.compareCounts(unit.slug, period, scope, stored, want.groups[dim].get(key) ?? zeroCounts());
      }
    });
  }
}

/**
 * Compares, month by month, the unit's day rows summed with its month rows (by dimension too for its own rows): the
 * day rows are what partial months are read from, and the month rows are compared with the recount.
 */
async function checkRows(
  deps: VerifyDeps,
  unit: { id: number; slug: string },
  findings: Findings,
  under: boolean,
): Promise<void> {
  const scope = under ? 'sub' : 'own';
  const flag = under ? { under: true as const } : {};
  // The 'sub' day rows have no dimension.
  for (const dim of under ? [null] : [null, ...DIMENSIONS]) {
    const [days, months] = await Promise.all([
      deps.repo.dayTotals(deps.db, unit.id, scope, dim),
      deps.repo.monthRows(deps.db, unit.id, scope, dim),
    ]);
    for (const k of [...new Set([...days.keys(), ...months.keys()])].sort()) {
      const [month, key] = k.split('|') as [Month, string];
      const where: Scope =
        dim === null ? { kind: 'rows', ...flag } : { kind: 'rows', dimension: dim, key, ...flag };
      const period = { from: `${month}-01`, to: lastDayOf(month) };
      for (const m of MEASURES) {
        findings.compare(unit.slug, period, where, m, days.get(k)?.[m] ?? 0, months.get(k)?.[m] ?? 0);
      }
    }
  }
}

/** Compares the widget of a unit (year to date, rolled up over the units under it) with the recounted years. */
async function checkWidget(
  service: StatsService,
  unit: { id: number; slug: string },
  years: ReadonlyMap<number, YearCounts>,
  year: Period,
  findings: Findings,
): Promise<void> {
  const want: YearCounts = { processed: 0, earlyOrOnTime: 0, late: 0, updatedAt: null };
  for (const id of service.subtree(unit.id)) {
    const y = years.get(id);
    if (y) {
      want.processed += y.processed;
      want.earlyOrOnTime += y.earlyOrOnTime;
      want.late += y.late;
      if (y.updatedAt !== null && (want.updatedAt === null || y.updatedAt > want.updatedAt)) {
        want.updatedAt = y.updatedAt;
      }
    }
  }
  const stored = await service.widget(unit.id);
  const recomputed = {
    ...want,
    onTimeRate: percent(want.earlyOrOnTime, want.processed),
    lateRate: percent(want.late, want.processed),
  };
  for (const k of WIDGET_FIGURES) {
    findings.compare(unit.slug, year, { kind: 'widget' }, k, stored[k], recomputed[k]);
  }
}

/** Recomputes every figure of every unit from the dossiers' events and compares it with the aggregates. */
export async function verify(deps: VerifyDeps, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const { service, directory } = deps;
  const units =
    opts.unitId === undefined
      ? directory.all()
      : service.subtree(opts.unitId).flatMap((id) => directory.get(id) ?? []);
  const today = service.today();
  const year: Period = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const findings = new Findings();
  const years = new Map<number, YearCounts>();
  // What the 'sub' roll-ups of each unit with units under it must hold (its whole subtree is among the units).
  const verified = new Set(units.map((u) => u.id));
  const under = new Map<number, Map<Month, MonthCounts>>(
    units.filter((u) => service.subtree(u.id).length > 1).map((u) => [u.id, new Map()]),
  );
  let dossiers = 0;
  for (const [i, unit] of units.entries()) {
    const counted = await recount(deps.histories, unit.id, today, year);
    dossiers += counted.dossiers;
    years.set(unit.id, counted.year);
    await checkUnit(deps, unit, counted.months, today, findings);
    await checkRows(deps, unit, findings, false);
    for (const p of directory.parentsOf(unit.id).filter((id) => verified.has(id))) {
      addMonths(under.get(p)!, counted.months); // a parent has units under it
    }
    opts.progress?.(unit.slug, i + 1, units.length);
  }
  for (const [id, months] of under) {
    const unit = directory.get(id)!; // among the units
    await checkUnit(deps, unit, months, today, findings, true);
    await checkRows(deps, unit, findings, true);
  }
  // The widget of every unit: its subtree is among the units counted.
  for (const unit of units) {
    await checkWidget(service, unit, years, year, findings);
  }
  return { units: units.length, dossiers, checked: findings.checked, differences: findings.differences };
}
