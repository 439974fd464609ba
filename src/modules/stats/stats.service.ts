import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { addDays, toLocal, type LocalDate } from '../calendar/local-time.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { percent, type Period } from './dossier-outcome.js';
import {
  addMeasures,
  MEASURES,
  STOCK_MEASURES,
  zeroMeasures,
  type Measure,
  type Measures,
} from './stat-measures.js';
import { lastDayOf, splitMonths } from './stat-range.js';
import type { DossierHistory, StatsRecorder } from './stats-recorder.js';
import { figuresOf, type ResultFigures } from './stats-figures.js';
import { later, type Dimension, type Scope } from './stat-rows.js';
import { rebuildAggregates } from './stats-rebuild.js';
import type { PeriodSums, StatsRepository } from './stats.repository.js';

/** Whose dossiers a figure counts: the unit's own, those of the units under it, or both (rolled up). */
export type Reach = Scope | 'all';

/** The year-to-date figures of the portal widget (issue #4 item 2). */
export type WidgetFigures = {
  /** The current month, "MM". */
  month: string;
  processed: number;
  earlyOrOnTime: number;
  late: number;
  onTimeRate: number;
  lateRate: number;
  /** The last change to these figures, or null when none this year. */
  updatedAt: string | null;
};

export type BreakdownRow = { key: string; figures: ResultFigures };

/** Where the dossiers' histories come from (the dossiers module), for a rebuild and `verify`. */
export type HistorySource = (unitId: number) => AsyncIterable<DossierHistory>;

export type StatsDeps = {
  db: Db;
  clock: Clock;
  directory: UnitDirectory;
  repo: StatsRepository;
  recorder: StatsRecorder;
};

/** The results of administrative procedures read from the aggregates (docs/statistics.md). */
export class StatsService {
  private readonly widgetCache = new Map<number, { generation: number; figures: WidgetFigures }>();
  /** Widget figures being read, so that the requests that miss the cache together share one read. */
  private readonly widgetReads = new Map<number, { key: string; figures: Promise<WidgetFigures> }>();
  /** Subtrees by the directory's row of the unit: a reload of the directory (any change of units) starts afresh. */
  private readonly subtrees = new WeakMap<object, readonly number[]>();

  constructor(private readonly deps: StatsDeps) {}

  /** The unit and every unit under it (a district rolls up its communes). */
  subtree(unitId: number): number[] {
    return [...this.unitsOf(unitId)];
  }

  private unitsOf(unitId: number): readonly number[] {
    const row = this.deps.directory.get(unitId);
    const kept = row && this.subtrees.get(row);
    if (kept) {
      return kept;
    }
    const children = new Map<number, number[]>();
    for (const u of this.deps.directory.all()) {
      if (u.parentId !== null) {
        const list = children.get(u.parentId);
        if (list) {
          list.push(u.id);
        } else {
          children.set(u.parentId, [u.id]);
        }
      }
    }
    const out = [unitId];
    for (let i = 0; i < out.length; i++) {
      out.push(...(children.get(out[i]!) ?? []));
    }
    if (row) {
      this.subtrees.set(row, out);
    }
    return out;
  }

  today(): LocalDate {
    return toLocal(this.deps.clock.now()).date;
  }

  /**
   * The widget's figures for the year to date, cached until the unit's (or, for a parent, any) figures change. The
   * requests that miss the cache at the same generation share one read (on PostgreSQL, each portal request after a
   * change would otherwise send its own, and queue on the pool with the dossier transactions).
   */
  widget(unitId: number): Promise<WidgetFigures> {
    const units = this.unitsOf(unitId);
    const { recorder } = this.deps;
    const generation = units.length > 1 ? recorder.allGeneration : recorder.generationOf(unitId);
    const today = this.today();
    const hit = this.widgetCache.get(unitId);
    if (hit && hit.generation === generation && hit.figures.month === today.slice(5, 7)) {
      return Promise.resolve(hit.figures);
    }
    const key = `${generation}|${today}`;
    const reading = this.widgetReads.get(unitId);
    if (reading && reading.key === key) {
      return reading.figures;
    }
    const figures = this.readWidget(unitId, today).then(
      (f) => {
        if (this.widgetReads.get(unitId)?.figures === figures) {
          this.widgetReads.delete(unitId);
        }
        // A read that a later one overtook keeps the later figures.
        if ((this.widgetCache.get(unitId)?.generation ?? -1) <= generation) {
          this.widgetCache.set(unitId, { generation, figures: f });
        }
        return f;
      },
      (err: unknown) => {
        if (this.widgetReads.get(unitId)?.figures === figures) {
          this.widgetReads.delete(unitId);
        }
        throw err;
      },
    );
    this.widgetReads.set(unitId, { key, figures });
    return figures;
  }

  private async readWidget(unitId: number, today: LocalDate): Promise<WidgetFigures> {
    const year = today.slice(0, 4);
    const m = await this.deps.repo.widgetSums(
      this.deps.db,
      unitId,
      `${year}-01`,
      `${year}-12`,
      this.scopesOf(unitId, 'all'),
    );
    return {
      month: today.slice(5, 7),
      processed: m.processed,
      earlyOrOnTime: m.early + m.onTime,
      late: m.late,
      onTimeRate: percent(m.early + m.onTime, m.processed),
      lateRate: percent(m.late, m.processed),
      updatedAt: m.updatedAt,
    };
  }

  /** The scopes of rows a reach reads: a unit with no unit under it has no 'sub' rows. */
  private scopesOf(unitId: number, reach: Reach): Scope[] {
    if (reach !== 'all') {
      return [reach];
    }
    return this.unitsOf(unitId).length > 1 ? ['own', 'sub'] : ['own'];
  }

  /** The period cut at today: nothing has happened after it, and stocks are at the end of its last day. */
  effective(p: Period): Period {
    const today = this.today();
    return { from: p.from, to: p.to > today ? today : p.to };
  }

  /**
   * Per unit of `unitIds`, the sums of its rows of the scope over the day range [from (null: the beginning), to]:
   * whole months from the month rows, and a partial month either from its day rows or, when the days left out are
   * fewer (a month up to today: the days after today hold only future overdue deltas), as its month row less those
   * days (splitMonths).
   */
  private async sumByUnit(
    unitIds: readonly number[],
    from: LocalDate | null,
    to: LocalDate,
    scope: Scope = 'own',
  ) {
    const { repo, db } = this.deps;
    const parts = splitMonths(from, to);
    const [months, days, less] = await Promise.all([
      parts.months
        ? repo.sumMonths(db, unitIds, parts.months.from, parts.months.to, scope)
        : Promise.resolve(new Map<number, Measures>()),
      repo.sumDays(db, unitIds, parts.days, scope),
      repo.sumDays(db, unitIds, parts.less, scope),
    ]);
    const out = new Map<number, Measures>();
    for (const id of unitIds) {
      const m = addMeasures(addMeasures(zeroMeasures(), months.get(id) ?? {}), days.get(id) ?? {});
      out.set(id, addMeasures(m, less.get(id) ?? {}, -1));
    }
    return out;
  }

  /** The flows of the period and the stocks before it, per unit of `unitIds`, of the scope's rows. */
  private async periodByUnit(unitIds: readonly number[], p: Period, scope: Scope = 'own') {
    const [flows, before] = await Promise.all([
      this.sumByUnit(unitIds, p.from, p.to, scope),
      this.sumByUnit(unitIds, null, addDays(p.from, -1), scope),
    ]);
    return { flows, before };
  }

  /** Figures of each of `unitIds` alone over the period. */
  async figuresByUnit(unitIds: readonly number[], period: Period): Promise<Map<number, ResultFigures>> {
    const p = this.effective(period);
    const { flows, before } = await this.periodByUnit(unitIds, p);
    return new Map(unitIds.map((id) => [id, periodFigures(p, flows.get(id)!, before.get(id)!)])); // every unit
  }

  /**
   * Each child of the unit rolled up over its own subtree (its own rows and its 'sub' rows), and the unit alone: two
   * grouped reads whatever the number of children.
   */
  async figuresOfChildren(
    unitId: number,
    period: Period,
  ): Promise<{ children: Map<number, ResultFigures>; own: ResultFigures }> {
    const p = this.effective(period);
    const children = this.deps.directory.children(unitId).map((c) => c.id);
    const parents = children.filter((id) => this.unitsOf(id).length > 1);
    const [own, sub] = await Promise.all([
      this.periodByUnit([unitId, ...children], p),
      this.periodByUnit(parents, p, 'sub'),
    ]);
    const rolled = (id: number) =>
      periodFigures(
        p,
        addMeasures(own.flows.get(id)!, sub.flows.get(id) ?? {}),
        addMeasures(own.before.get(id)!, sub.before.get(id) ?? {}),
      );
    return {
      children: new Map(children.map((id) => [id, rolled(id)])),
      own: periodFigures(p, own.flows.get(unitId)!, own.before.get(unitId)!),
    };
  }

  /** The flows of the period and the stocks at its start, of the unit's rows of the reach. */
  private async periodSums(
    unitId: number,
    p: Period,
    reach: Reach,
  ): Promise<{ flows: Measures; before: Measures }> {
    const parts = await Promise.all(
      this.scopesOf(unitId, reach).map((scope) => this.periodByUnit([unitId], p, scope)),
    );
    let [flows, before] = [zeroMeasures(), zeroMeasures()];
    for (const part of parts) {
      flows = addMeasures(flows, part.flows.get(unitId)!);
      before = addMeasures(before, part.before.get(unitId)!);
    }
    return { flows, before };
  }

  /**
   * The unit's figures over the period: rolled up over the units under it ('all', the default), its own dossiers
   * only ('own'), or only those of the units under it ('sub').
   */
  async figures(unitId: number, period: Period, reach: Reach = 'all'): Promise<ResultFigures> {
    const p = this.effective(period);
    const { flows, before } = await this.periodSums(unitId, p, reach);
    return periodFigures(p, flows, before);
  }

  /**
   * The unit's figures (rolled up) for each month of a year, null for a month not begun: the year's month rows, the
   * stocks before the year and the days after today read once (a few reads, not twelve periods' worth).
   */
  async figuresByMonth(unitId: number, year: number): Promise<(ResultFigures | null)[]> {
    const { repo, db } = this.deps;
    const today = this.today();
    const [first, last] = [`${year}-01`, `${year}-12`];
    const current = today.slice(0, 7);
    // A month up to today is its month row less the days after today (future overdue deltas only).
    const after: { from: LocalDate; to: LocalDate }[] =
      current >= first && current <= last ? [{ from: addDays(today, 1), to: lastDayOf(current) }] : [];
    const parts = await Promise.all(
      this.scopesOf(unitId, 'all').map((scope) =>
        Promise.all([
          repo.monthsOf(db, unitId, scope, first, last),
          this.sumByUnit([unitId], null, `${year - 1}-12-31`, scope),
          repo.sumDays(db, [unitId], after, scope),
        ]),
      ),
    );
    let before = zeroMeasures();
    for (const [, stocks] of parts) {
      before = addMeasures(before, stocks.get(unitId)!);
    }
    const out: (ResultFigures | null)[] = [];
    for (let i = 1; i <= 12; i++) {
      const month = `${year}-${String(i).padStart(2, '0')}`;
      if (`${month}-01` > today) {
        out.push(null);
        continue;
      }
      let flows = zeroMeasures();
      for (const [rows, , less] of parts) {
        flows = addMeasures(flows, rows.get(month) ?? {});
        if (month === current) {
          flows = addMeasures(flows, less.get(unitId) ?? {}, -1);
        }
      }
      const to = month === current ? today : lastDayOf(month);
      out.push(periodFigures({ from: `${month}-01`, to }, flows, before));
      before = addMeasures(before, flows);
    }
    return out;
  }

  /** The last change to the processed figures of the period's months (rolled up), or null when none. */
  async updatedAt(unitId: number, period: Period): Promise<string | null> {
    const p = this.effective(period);
    const parts = await Promise.all(
      this.scopesOf(unitId, 'all').map((scope) =>
        this.deps.repo.sumMonths(this.deps.db, [unitId], p.from.slice(0, 7), p.to.slice(0, 7), scope),
      ),
    );
    return parts.reduce<string | null>((last, m) => later(last, m.get(unitId)?.updatedAt ?? null), null);
  }

  /** Raw sums of the period (for indicators): flows within it and stocks at its end, rolled up. */
  async sums(unitId: number, period: Period): Promise<{ flows: Measures; end: Measures }> {
    const p = this.effective(period);
    const { flows, before } = await this.periodSums(unitId, p, 'all');
    return { flows, end: addMeasures(before, flows) };
  }

  /**
   * The unit's sums by a group of a dimension over the period (of the reach, as `figures`): the flows within it, and
   * the stocks at the end of the day before it and at its end. Whole months come from the month rows by dimension;
   * the days of partial months from the own day rows of the units concerned (the unit, or the units under it).
   */
  async groups(
    unitId: number,
    dim: Dimension,
    period: Period,
    reach: Reach = 'all',
  ): Promise<Map<string, PeriodSums>> {
    const p = this.effective(period);
    const out = new Map<string, PeriodSums>();
    const group = (key: string): PeriodSums => {
      let g = out.get(key);
      if (!g) {
        g = { flows: zeroMeasures(), before: zeroMeasures(), end: zeroMeasures() };
        out.set(key, g);
      }
      return g;
    };
    const parts = await Promise.all(
      this.scopesOf(unitId, reach).map((scope) =>
        Promise.all([
          this.groupSums(unitId, scope, dim, p.from, p.to, MEASURES),
          this.groupSums(unitId, scope, dim, null, addDays(p.from, -1), STOCK_MEASURES),
        ]),
      ),
    );
    for (const [flows, before] of parts) {
      for (const [key, m] of flows) {
        group(key).flows = addMeasures(group(key).flows, m);
      }
      for (const [key, m] of before) {
        group(key).before = addMeasures(group(key).before, m);
      }
    }
    for (const g of out.values()) {
      for (const k of STOCK_MEASURES) {
        g.end[k] = g.before[k] + g.flows[k];
      }
    }
    return out;
  }

  /** Per group, the measures of the scope's rows over [from (null: the beginning), to], as sumByUnit splits it. */
  private async groupSums(
    unitId: number,
    scope: Scope,
    dim: Dimension,
    from: LocalDate | null,
    to: LocalDate,
    measures: readonly Measure[],
  ): Promise<Map<string, Partial<Measures>>> {
    const { repo, db } = this.deps;
    const parts = splitMonths(from, to);
    const dayUnits = scope === 'own' ? [unitId] : this.unitsOf(unitId).slice(1);
    const [months, days, less] = await Promise.all([
      parts.months
        ? repo.dimMonths(db, unitId, scope, dim, parts.months.from, parts.months.to, measures)
        : Promise.resolve(new Map<string, Partial<Measures>>()),
      repo.dimDays(db, dayUnits, dim, parts.days, measures),
      repo.dimDays(db, dayUnits, dim, parts.less, measures),
    ]);
    const out = new Map<string, Partial<Measures>>();
    for (const [source, sign] of [
      [months, 1],
      [days, 1],
      [less, -1],
    ] as const) {
      for (const [key, m] of source) {
        out.set(key, addMeasures(addMeasures(zeroMeasures(), out.get(key) ?? {}), m, sign));
      }
    }
    return out;
  }

  /** The unit's figures by field, procedure, channel or officer (rolled up), largest first. */
  async breakdown(unitId: number, dim: Dimension, period: Period): Promise<BreakdownRow[]> {
    const p = this.effective(period);
    const groups = await this.groups(unitId, dim, p);
    return [...groups]
      .map(([key, s]) => ({ key, figures: figuresOf(p, s.flows, s.before, s.end) }))
      .filter(
        (r) => r.figures.received + r.figures.processed + r.figures.inProgress + r.figures.carriedOver > 0,
      )
      .sort((a, b) => b.figures.received + b.figures.processed - (a.figures.received + a.figures.processed));
  }

  /** Procedures that received an online dossier in the period (indicator 3.2). */
  proceduresUsedOnline(unitId: number, period: Period): Promise<string[]> {
    const p = this.effective(period);
    return this.deps.repo.proceduresUsedOnline(this.deps.db, this.unitsOf(unitId), p.from, p.to);
  }

  /** Aggregates are missing (a database upgraded with dossiers in it): build them. */
  async ensureBuilt(histories: HistorySource): Promise<boolean> {
    if (await this.deps.repo.isBuilt(this.deps.db)) {
      return false;
    }
    await this.rebuild(histories);
    return true;
  }

  /** Recomputes every aggregate from the dossiers' event logs (stats-rebuild.ts); `congxa stats rebuild`. */
  async rebuild(histories: HistorySource): Promise<{ units: number; dossiers: number }> {
    const { db, repo, directory, clock } = this.deps;
    const done = await rebuildAggregates({ db, repo, directory }, histories);
    await repo.markBuilt(db, clock.now().toISOString());
    this.deps.recorder.bumpAll();
    this.widgetCache.clear();
    return done;
  }
}

/** Figures of a period from its flows and the stocks before it (those at its end are both summed). */
const periodFigures = (p: Period, flows: Measures, before: Measures): ResultFigures =>
  figuresOf(p, flows, before, addMeasures(before, flows));
