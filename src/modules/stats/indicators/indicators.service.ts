import type { AccountService } from '../../accounts/accounts.service.js';
import type { OnlineLevel } from '../../procedures/procedures.model.js';
import type { ProceduresService } from '../../procedures/procedures.service.js';
import type { Period } from '../dossier-outcome.js';
import type { ResultFigures } from '../stats-figures.js';
import type { StatsService } from '../stats.service.js';
import {
  officerEvaluation,
  unitEvaluation,
  type Evaluation,
  type HandlingCounts,
  type StaffBand,
  type UnitBand,
  type UnitFacts,
} from './circular-01-evaluation.js';
import type { Decision766Config } from './decision-766.config.js';
import { decision766, type Decision766Facts, type Decision766Result } from './decision-766.js';

export type IndicatorsDeps = {
  stats: StatsService;
  procedures: Pick<ProceduresService, 'options' | 'search'>;
  accounts: Pick<AccountService, 'listStaff'>;
  config: Decision766Config;
};

/** A unit's Decision 766 table and Circular 01/2018 evaluation for a period, from the same reads. */
export type UnitReport = {
  /** The period cut at today. */
  period: Period;
  figures: ResultFigures;
  facts: Decision766Facts & UnitFacts;
  decision766: Decision766Result;
  evaluation: Evaluation<UnitBand>;
};

export type OfficerRow = {
  officerId: number;
  /** The account's full name; null when the officer is unknown (no account of the units, or none recorded). */
  name: string | null;
  processed: number;
  evaluation: Evaluation<StaffBand>;
};

const ONLINE_LEVELS: readonly OnlineLevel[] = ['mot_phan', 'toan_trinh'];

/**
 * The reads of the indicator pages (issue #4 items 5, 6): the aggregates through the stats service (rolled up over
 * the units under a parent), the procedure catalogue through the procedures service, officers' names through the
 * accounts service. The rules themselves are pure (decision-766.ts, circular-01-evaluation.ts).
 */
export class IndicatorsService {
  constructor(private readonly deps: IndicatorsDeps) {}

  get config(): Decision766Config {
    return this.deps.config;
  }

  /** Codes of the procedures published by the unit and the units under it, and of those offered online. */
  async catalogue(unitId: number): Promise<{ published: Set<string>; online: Set<string> }> {
    const published = new Set<string>();
    const online = new Set<string>();
    for (const id of this.deps.stats.subtree(unitId)) {
      for (const p of await this.deps.procedures.options(id)) {
        published.add(p.code);
      }
      for (const level of ONLINE_LEVELS) {
        for (let page = 1, pages = 1; page <= pages; page++) {
          const r = await this.deps.procedures.search(id, { q: '', level, page });
          pages = r?.pages ?? 0;
          for (const p of r?.rows ?? []) {
            online.add(p.code);
          }
        }
      }
    }
    return { published, online };
  }

  async unitReport(unitId: number, period: Period): Promise<UnitReport> {
    const { stats } = this.deps;
    const [figures, sums, byChannel, used, catalogue] = await Promise.all([
      stats.figures(unitId, period),
      stats.sums(unitId, period),
      stats.breakdown(unitId, 'channel', period),
      stats.proceduresUsedOnline(unitId, period),
      this.catalogue(unitId),
    ]);
    const f = sums.flows;
    const facts: Decision766Facts & UnitFacts = {
      processed: figures.processed,
      early: figures.early,
      onTime: figures.onTime,
      inProgress: figures.inProgress,
      inProgressWithinTime: figures.inProgressWithinTime,
      received: figures.received,
      receivedOnline: figures.receivedOnline,
      resolved: figures.resolved,
      elapsedMinutes: f.elapsedMinutes,
      allowedMinutes: f.allowedMinutes,
      feeDue: f.feeDue,
      paidOnline: f.paidOnline,
      eResult: f.eResult,
      digitised: f.digitised,
      // A procedure is one service however many units of the subtree publish it (the national reading of a
      // province's catalogue): codes are counted once.
      proceduresPublished: catalogue.published.size,
      proceduresOnline: [...catalogue.online].filter((c) => catalogue.published.has(c)).length,
      proceduresUsedOnline: used.filter((c) => catalogue.online.has(c) && catalogue.published.has(c)).length,
      lateOnline: byChannel.find((r) => r.key === 'online')?.figures.late ?? 0,
    };
    const counts: HandlingCounts = {
      processed: f.processed,
      early: f.early,
      onTime: f.onTime,
      suppZero: f.suppZero,
      suppOne: f.suppOne,
      processedRemote: f.processedRemote,
    };
    return {
      period: { from: figures.from, to: figures.to },
      figures,
      facts,
      decision766: decision766(facts, this.deps.config),
      evaluation: unitEvaluation(counts, facts),
    };
  }

  /** Every officer with a dossier processed in the period (rolled up), on indices 1, 2, 3, 4 and 7, by name. */
  async officers(unitId: number, period: Period): Promise<{ period: Period; rows: OfficerRow[] }> {
    const { stats, accounts } = this.deps;
    const p = stats.effective(period);
    const units = stats.subtree(unitId);
    const [groups, ...staff] = await Promise.all([
      stats.groups(unitId, 'officerId', p),
      ...units.map((id) => accounts.listStaff(id)),
    ]);
    const names = new Map<number, string>();
    for (const s of staff.flat()) {
      names.set(s.id, s.fullName);
    }
    const rows: OfficerRow[] = [];
    for (const [key, s] of groups) {
      const f = s.flows;
      if (f.processed === 0) {
        continue;
      }
      const officerId = Number(key);
      rows.push({
        officerId,
        name: names.get(officerId) ?? null,
        processed: f.processed,
        evaluation: officerEvaluation({
          processed: f.processed,
          early: f.early,
          onTime: f.onTime,
          suppZero: f.suppZero,
          suppOne: f.suppOne,
          processedRemote: f.processedRemote,
        }),
      });
    }
    rows.sort(
      (a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'vi') || a.officerId - b.officerId,
    );
    return { period: p, rows };
  }
}
