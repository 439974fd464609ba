import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { addDays, toLocal, type LocalDate } from '../calendar/local-time.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { contributionOf, type StatDelta } from './contribution.js';
import { endIndex } from './dossier-history.js';
import { percent, type Period } from './dossier-outcome.js';
import { addMeasures, zeroMeasures, type Measures } from './stat-measures.js';
import { splitMonths, type Month } from './stat-range.js';
import type { DossierHistory, StatsRecorder } from './stats-recorder.js';
import { figuresOf, type ResultFigures } from './stats-figures.js';
import type { Dimension, StatsRepository } from './stats.repository.js';

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
    const figures = this.readWidget(units, today).then(
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

  private async readWidget(units: readonly number[], today: LocalDate): Promise<WidgetFigures> {
    const year = today.slice(0, 4);
    const { updatedAt, ...m } = await this.deps.repo.widgetSums(
      this.deps.db,
      units,
      `${year}-01`,
      `${year}-12`,
    );
    return {
      month: today.slice(5, 7),
      processed: m.processed,
      earlyOrOnTime: m.early + m.onTime,
      late: m.late,
      onTimeRate: percent(m.early + m.onTime, m.processed),
      lateRate: percent(m.late, m.processed),
      updatedAt,
    };
  }

  /** The period cut at today: nothing has happened after it, and stocks are at the end of its last day. */
  effective(p: Period): Period {
    const today = this.today();
    return { from: p.from, to: p.to > today ? today : p.to };
  }

  /**
   * Per unit of `unitIds`, the sums of the day range [from (null: the beginning), to]: whole months from the month
   * rows, and a partial month either from its day rows or, when the days left out are fewer (a month up to today:
   * the days after today hold only future overdue deltas), as its month row less those days (splitMonths).
   */
  private async sumByUnit(unitIds: readonly number[], from: LocalDate | null, to: LocalDate) {
    const parts = splitMonths(from, to);
    const [months, days, less] = await Promise.all([
      parts.months
        ? this.deps.repo.sumMonths(this.deps.db, unitIds, parts.months.from, parts.months.to)
        : Promise.resolve(new Map<number, Measures>()),
      this.deps.repo.sumDays(this.deps.db, unitIds, parts.days),
      this.deps.repo.sumDays(this.deps.db, unitIds, parts.less),
    ]);
    const out = new Map<number, Measures>();
    for (const id of unitIds) {
      const m = addMeasures(addMeasures(zeroMeasures(), months.get(id) ?? {}), days.get(id) ?? {});
      out.set(id, addMeasures(m, less.get(id) ?? {}, -1));
    }
    return out;
  }

  /** Figures of each of `unitIds` alone over the period. */
  async figuresByUnit(unitIds: readonly number[], period: Period): Promise<Map<number, ResultFigures>> {
    const p = this.effective(period);
    const [flows, before] = await Promise.all([
      this.sumByUnit(unitIds, p.from, p.to),
      this.sumByUnit(unitIds, null, addDays(p.from, -1)),
    ]);
    return new Map(
      unitIds.map((id) => {
        const [f, b] = [flows.get(id)!, before.get(id)!]; // sumByUnit answers for every unit
        // The stocks at the end: those at the start and the period's deltas.
        return [id, figuresOf(p, f, b, addMeasures(b, f))];
      }),
    );
  }

  /**
   * Each child of the unit rolled up over its own subtree, and the unit alone: one read of the whole subtree's sums
   * (grouped by unit) instead of a read per child (a district has 50 communes).
   */
  async figuresOfChildren(
    unitId: number,
    period: Period,
  ): Promise<{ children: Map<number, ResultFigures>; own: ResultFigures }> {
    const p = this.effective(period);
    const [flows, before] = await Promise.all([
      this.sumByUnit(this.unitsOf(unitId), p.from, p.to),
      this.sumByUnit(this.unitsOf(unitId), null, addDays(p.from, -1)),
    ]);
    const rolled = (root: number) => {
      let [f, b] = [zeroMeasures(), zeroMeasures()];
      for (const id of this.unitsOf(root)) {
        f = addMeasures(f, flows.get(id) ?? {});
        b = addMeasures(b, before.get(id) ?? {});
      }
      return figuresOf(p, f, b, addMeasures(b, f));
    };
    const own = figuresOf(
      p,
      flows.get(unitId)!,
      before.get(unitId)!,
      addMeasures(before.get(unitId)!, flows.get(unitId)!),
    );
    return {
      children: new Map(this.deps.directory.children(unitId).map((c) => [c.id, rolled(c.id)])),
      own,
    };
  }

  /** The unit's figures over the period, rolled up over the units under it. */
  async figures(unitId: number, period: Period): Promise<ResultFigures> {
    const p = this.effective(period);
    const units = this.unitsOf(unitId);
    const [flows, before] = await Promise.all([
      this.sumByUnit(units, p.from, p.to),
      this.sumByUnit(units, null, addDays(p.from, -1)),
    ]);
    const total = (m: Map<number, Measures>) =>
      [...m.values()].reduce((a, b) => addMeasures(a, b), zeroMeasures());
    const [f, b] = [total(flows), total(before)];
    return figuresOf(p, f, b, addMeasures(b, f));
  }

  /** The last change to the processed figures of the period's months (rolled up), or null when none. */
  async updatedAt(unitId: number, period: Period): Promise<string | null> {
    const p = this.effective(period);
    const sums = await this.deps.repo.sumMonths(
      this.deps.db,
      this.unitsOf(unitId),
      p.from.slice(0, 7),
      p.to.slice(0, 7),
    );
    let last: string | null = null;
    for (const s of sums.values()) {
      if (s.updatedAt !== null && (last === null || s.updatedAt > last)) {
        last = s.updatedAt;
      }
    }
    return last;
  }

  /** Raw sums of the period (for indicators): flows within it and stocks at its end, rolled up. */
  async sums(unitId: number, period: Period): Promise<{ flows: Measures; end: Measures }> {
    const p = this.effective(period);
    const units = this.unitsOf(unitId);
    const [flows, before] = await Promise.all([
      this.sumByUnit(units, p.from, p.to),
      this.sumByUnit(units, null, addDays(p.from, -1)),
    ]);
    const total = (m: Map<number, Measures>) =>
      [...m.values()].reduce((a, b) => addMeasures(a, b), zeroMeasures());
    const f = total(flows);
    return { flows: f, end: addMeasures(total(before), f) };
  }

  /** The unit's figures by field, procedure, channel or officer (rolled up), largest first. */
  async breakdown(unitId: number, dim: Dimension, period: Period): Promise<BreakdownRow[]> {
    const p = this.effective(period);
    const groups = await this.deps.repo.byDimension(this.deps.db, this.unitsOf(unitId), dim, p.from, p.to);
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

  /**
   * Recomputes the aggregates from every dossier's event log, unit by unit, each in one transaction. For upgrades and
   * benchmark data; `congxa stats rebuild`.
   */
  async rebuild(histories: HistorySource): Promise<{ units: number; dossiers: number }> {
    const { db, repo, directory } = this.deps;
    let dossiers = 0;
    const units = directory.all();
    await repo.clear(db);
    for (const unit of units) {
      const days = new Map<string, StatDelta & { measures: Measures }>();
      const months = new Map<Month, { measures: Measures; updatedAt: string | null }>();
      for await (const h of histories(unit.id)) {
        dossiers++;
        const c = contributionOf(h.dossier, h.events);
        if (c === null) {
          continue;
        }
        for (const [d, m] of c.days) {
          const key = JSON.stringify([
            d,
            c.dims.procedureCode,
            c.dims.procedureField,
            c.dims.channel,
            c.dims.officerId,
          ]);
          const row = days.get(key) ?? { dims: c.dims, day: d, measures: zeroMeasures() };
          row.measures = addMeasures(row.measures, m);
          days.set(key, row);
          const month = months.get(d.slice(0, 7)) ?? { measures: zeroMeasures(), updatedAt: null };
          month.measures = addMeasures(month.measures, m);
          months.set(d.slice(0, 7), month);
        }
        // The widget's figures of a month last changed when its last dossier ended.
        const ended = h.events[endIndex(h.events)];
        const month = ended ? months.get(toLocal(ended.at).date.slice(0, 7)) : undefined;
        if (ended && month && (month.updatedAt === null || ended.at > month.updatedAt)) {
          month.updatedAt = ended.at;
        }
      }
      await db.transaction().execute(async (trx) => {
        await repo.clear(trx, [unit.id]);
        await repo.insertBuilt(trx, unit.id, [...days.values()], months);
      });
    }
    await repo.markBuilt(db, this.deps.clock.now().toISOString());
    this.deps.recorder.bumpAll();
    this.widgetCache.clear();
    return { units: units.length, dossiers };
  }
}
