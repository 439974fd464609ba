import type { AccountService } from '../../accounts/accounts.service.js';
import { addDays, instantAt } from '../../calendar/local-time.js';
import type { DossierService } from '../../dossiers/dossiers.service.js';
import type { ProceduresService } from '../../procedures/procedures.service.js';
import type { UnitDirectory } from '../../units/unit-directory.js';
import { bucketsOf, type DossierBuckets } from '../dossier-buckets.js';
import type { HistoryEvent } from '../dossier-history.js';
import type { Period } from '../dossier-outcome.js';
import type { ResultFigures } from '../stats-figures.js';
import type { StatsService } from '../stats.service.js';
import { candidateBounds, inGroup, type ResultGroup } from './results-groups.js';
import { DIMENSION_OF, type Breakdown, type ListFilters } from './results.schemas.js';

/*
 * What the results detail page and its lists read (issue #4 items 1, 3, 4): the figures from the aggregates
 * (StatsService), the dossiers behind a figure from their own event logs (DossierService.resultsCandidates classified
 * by bucketsOf), the names of procedures and, for staff, of officers.
 */

export type Unit = ReturnType<UnitDirectory['all']>[number];

export type BreakdownData = {
  by: Breakdown;
  /** Largest first; `key` as the aggregates hold it (field name, procedure code, channel, officer id). */
  rows: { key: string; name: string; figures: ResultFigures }[];
};

export type MonthData = { month: number; figures: ResultFigures | null };

export type ChildData = { unit: Unit; figures: ResultFigures };

export type ResultsPageData = {
  figures: ResultFigures;
  breakdown: BreakdownData;
  /** The months of the year of the period's (effective) end; null figures for months not begun. */
  months: { year: string; rows: MonthData[] };
  /** The child units, each rolled up over its own subtree, and the unit's own dossiers; null without children. */
  children: { rows: ChildData[]; own: ResultFigures | null } | null;
};

/** A dossier of a list: where it stands in the period, and the due date in force at its end (or at the period's). */
export type ListDossier = {
  code: string | null;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivedAt: string | null;
  endedAt: string | null;
  dueAt: string | null;
  buckets: DossierBuckets;
};

export type ResultsListData = { total: number; rows: ListDossier[]; effective: Period };

type Deps = {
  stats: StatsService;
  dossiers: Pick<DossierService, 'resultsCandidates'>;
  directory: UnitDirectory;
  accounts: Pick<AccountService, 'listStaff' | 'actorOf'>;
  procedures: Pick<ProceduresService, 'options'>;
};

const isFigures = (f: ResultFigures) => f.received + f.processed + f.carriedOver + f.inProgress > 0;

export class ResultsPageService {
  constructor(private readonly deps: Deps) {}

  /** Everything the page shows for the unit over the period, broken down `by`. */
  async page(unit: Unit, period: Period, by: Breakdown): Promise<ResultsPageData> {
    const { stats } = this.deps;
    const [figures, rows, months, children] = await Promise.all([
      stats.figures(unit.id, period),
      stats.breakdown(unit.id, DIMENSION_OF[by], period),
      this.months(unit.id, period),
      this.children(unit, period),
    ]);
    const names = await this.namesOf(
      unit,
      by,
      rows.map((r) => r.key),
    );
    return {
      figures,
      breakdown: { by, rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? '' })) },
      months,
      children,
    };
  }

  /** The breakdown alone (its export). */
  async breakdown(unit: Unit, period: Period, by: Breakdown): Promise<BreakdownData> {
    const rows = await this.deps.stats.breakdown(unit.id, DIMENSION_OF[by], period);
    const names = await this.namesOf(
      unit,
      by,
      rows.map((r) => r.key),
    );
    return { by, rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? '' })) };
  }

  figures(unit: Unit, period: Period): Promise<ResultFigures> {
    return this.deps.stats.figures(unit.id, period);
  }

  /** Each month of the year of the period's end, up to the current month (one read of the year's month rows). */
  async months(unitId: number, period: Period): Promise<{ year: string; rows: MonthData[] }> {
    const { stats } = this.deps;
    const year = stats.effective(period).to.slice(0, 4);
    const figures = await stats.figuresByMonth(unitId, Number(year));
    return { year, rows: figures.map((f, i) => ({ month: i + 1, figures: f })) };
  }

  /** The child units' figures (each over its own subtree), and the parent's own when it has any; null: no children. */
  async children(unit: Unit, period: Period): Promise<ResultsPageData['children']> {
    const { stats, directory } = this.deps;
    const kids = directory.children(unit.id);
    if (kids.length === 0) {
      return null;
    }
    const all = await stats.figuresOfChildren(unit.id, period);
    const rows = kids.map((k) => ({ unit: k, figures: all.children.get(k.id)! })); // one entry per child
    return { rows, own: isFigures(all.own) ? all.own : null };
  }

  /**
   * The dossiers of the group in the period (cut at today) with the filters, in order of receipt: the candidates
   * SQL can bound, each kept when its own events put it in the group. `page` from 1.
   */
  async dossiers(
    unit: Unit,
    period: Period,
    group: ResultGroup,
    filters: ListFilters,
    page: number,
    pageSize: number,
  ): Promise<ResultsListData> {
    const effective = this.deps.stats.effective(period);
    const end = instantAt(addDays(effective.to, 1), 0).getTime();
    const candidates = this.deps.dossiers.resultsCandidates({
      unitIds: this.deps.stats.subtree(unit.id),
      ...candidateBounds(group, effective),
      procedureField: filters.procedureField,
      procedureCode: filters.procedureCode,
      channel: filters.channel,
    });
    const first = (page - 1) * pageSize;
    const rows: ListDossier[] = [];
    let total = 0;
    for await (const c of candidates) {
      const b = bucketsOf(c, c.events, effective);
      if (
        b === null ||
        !inGroup(b, group) ||
        (filters.officerId !== undefined && b.officerId !== filters.officerId)
      ) {
        continue;
      }
      if (total >= first && rows.length < pageSize) {
        rows.push({
          code: c.code,
          procedureCode: c.procedureCode,
          procedureName: c.procedureName,
          applicantName: c.applicantName,
          receivedAt: c.receivedAt,
          endedAt: c.endedAt,
          dueAt: dueInForce(c.events, end),
          buckets: b,
        });
      }
      total++;
    }
    return { total, rows, effective };
  }

  /** An officer's name (a list filtered by officer, for staff). */
  async officerName(unit: Unit, officerId: number): Promise<string | undefined> {
    return (await this.officerNames(unit, [String(officerId)])).get(String(officerId));
  }

  /** Display names of the breakdown's keys: procedure names, officers' full names; fields and channels are names. */
  private async namesOf(unit: Unit, by: Breakdown, keys: readonly string[]): Promise<Map<string, string>> {
    if (by === 'thu-tuc') {
      return this.procedureNames(unit, keys);
    }
    if (by === 'can-bo') {
      return this.officerNames(unit, keys);
    }
    return new Map(keys.map((k) => [k, k]));
  }

  /** From the catalogues of the unit and then of the units under it, until every code has its name. */
  private async procedureNames(unit: Unit, codes: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(codes);
    const out = new Map<string, string>();
    for (const id of this.deps.stats.subtree(unit.id)) {
      if (out.size === wanted.size) {
        break;
      }
      for (const p of await this.deps.procedures.options(id)) {
        if (wanted.has(p.code) && !out.has(p.code)) {
          out.set(p.code, p.name);
        }
      }
    }
    return out;
  }

  /** The officers' names among the staff of the unit and the units under it (staff-only data). */
  private async officerNames(unit: Unit, ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const out = new Map<string, string>();
    for (const id of this.deps.stats.subtree(unit.id)) {
      if ([...wanted].every((k) => k === '0' || out.has(k))) {
        break;
      }
      for (const s of await this.deps.accounts.listStaff(id)) {
        out.set(String(s.id), s.fullName);
      }
    }
    // Officers no longer on any staff list (moved away): their account still has a name.
    for (const k of wanted) {
      if (k !== '0' && !out.has(k)) {
        const name = await this.deps.accounts.actorOf(Number(k)).then(
          (a) => a.name,
          () => undefined,
        );
        if (name !== undefined) {
          out.set(k, name);
        }
      }
    }
    return out;
  }
}

/** The due date in force at the last event before `end` (ms): the one a processed or open dossier was judged by. */
function dueInForce(events: readonly HistoryEvent[], end: number): string | null {
  let due: string | null = null;
  for (const e of events) {
    if (new Date(e.at).getTime() >= end) {
      break;
    }
    due = e.dueAt;
  }
  return due;
}
