import type { Conn } from '../../platform/db.js';
import { addDays, type LocalDate } from '../calendar/local-time.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { bucketsOf, localDay, type DossierBuckets } from './dossier-buckets.js';
import { endIndex, receiptIndex, type HistoryDossier } from './dossier-history.js';
import { percent, type Period } from './dossier-outcome.js';
import { nextMonth, type Month } from './stat-range.js';
import { figuresOf, type ResultFigures } from './stats-figures.js';
import type { Dimension, StatsRepository } from './stats.repository.js';
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

const DIMENSIONS: readonly Dimension[] = ['procedureCode', 'procedureField', 'channel', 'officerId'];

/** Where a difference is: the unit alone, one group of a dimension, or the widget (rolled up, year to date). */
export type Scope =
  { kind: 'unit' } | { kind: 'dimension'; dimension: Dimension; key: string } | { kind: 'widget' };

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
const lastDayOf = (m: Month): LocalDate => addDays(`${nextMonth(m)}-01`, -1);

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

const scopeLabel = (s: Scope): string =>
  s.kind === 'unit'
    ? 'unit alone'
    : s.kind === 'widget'
      ? 'widget (with the units under it)'
      : `${s.dimension}=${s.key}`;

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

/** Compares one unit's recounted months (and the zeros before them) with its figures and breakdowns as stored. */
async function checkUnit(
  deps: VerifyDeps,
  unit: { id: number; slug: string },
  months: Map<Month, MonthCounts>,
  today: LocalDate,
  findings: Findings,
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
  for (const [period, want] of periods) {
    if (period.from > period.to) {
      continue;
    }
    // The five reads at once (PostgreSQL runs them side by side).
    const [byUnit, ...byDim] = await Promise.all([
      deps.service.figuresByUnit([unit.id], period),
      ...DIMENSIONS.map((dim) => deps.repo.byDimension(deps.db, [unit.id], dim, period.from, period.to)),
    ]);
    findings.compareCounts(unit.slug, period, { kind: 'unit' }, byUnit.get(unit.id)!, want.unit); // asked for it
    DIMENSIONS.forEach((dim, i) => {
      const groups = byDim[i]!; // one result per dimension
      for (const key of new Set([...groups.keys(), ...want.groups[dim].keys()])) {
        const s = groups.get(key);
        const stored = s ? figuresOf(period, s.flows, s.before, s.end) : null;
        const scope: Scope = { kind: 'dimension', dimension: dim, key };
        findings.compareCounts(unit.slug, period, scope, stored, want.groups[dim].get(key) ?? zeroCounts());
      }
    });
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
  let dossiers = 0;
  for (const [i, unit] of units.entries()) {
    const counted = await recount(deps.histories, unit.id, today, year);
    dossiers += counted.dossiers;
    years.set(unit.id, counted.year);
    await checkUnit(deps, unit, counted.months, today, findings);
    opts.progress?.(unit.slug, i + 1, units.length);
  }
  // The widget of every unit: its subtree is among the units counted.
  for (const unit of units) {
    await checkWidget(service, unit, years, year, findings);
  }
  return { units: units.length, dossiers, checked: findings.checked, differences: findings.differences };
}
