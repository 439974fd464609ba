import type { Conn } from '../../platform/db.js';
import { contributionOf, diffContributions, type StatDelta } from './contribution.js';
import type { HistoryDossier, HistoryEvent } from './dossier-history.js';
import { nonZero, StatRows } from './stat-rows.js';
import type { StatsRepository } from './stats.repository.js';

/** A dossier and its whole event log, oldest first. */
export type DossierHistory = { dossier: HistoryDossier; events: HistoryEvent[] };

/**
 * Keeps the results aggregates current (issue #4, ADR 0008): the dossiers repository calls `onEvent` in the
 * transaction of every event it appends, and `committed` after the transaction, so cached widget figures are dropped.
 * Each unit has a generation number that changes with its figures; readers cache on it.
 */
export class StatsRecorder {
  private readonly generations = new Map<number, number>();

  /** `parentsOf(unit)`: the units above it, nearest first (their 'sub' roll-ups count its dossiers). */
  constructor(
    private readonly repo: StatsRepository,
    private readonly parentsOf: (unitId: number) => readonly number[],
  ) {}

  /** The dossier's log now ends with a new event: apply the difference it makes to the aggregates. */
  async onEvent(trx: Conn, h: DossierHistory): Promise<void> {
    const before = contributionOf(h.dossier, h.events.slice(0, -1));
    const after = contributionOf(h.dossier, h.events);
    const deltas: StatDelta[] = diffContributions(before, after);
    if (deltas.length > 0) {
      const at = h.events.at(-1)?.at ?? new Date().toISOString();
      const unitId = h.dossier.unitId;
      const rows = new StatRows();
      const parents = this.parentsOf(unitId);
      for (const d of deltas) {
        rows.add(unitId, parents, d);
      }
      rows.stamp(at);
      await this.repo.write(trx, {
        days: nonZero(rows.days),
        months: nonZero(rows.months),
        monthDims: nonZero(rows.monthDims),
        subDays: nonZero(rows.subDays),
        subMonths: nonZero(rows.subMonths),
      });
      this.bump(unitId);
    }
  }

  /** Called once the transaction that changed the unit's dossiers has committed. */
  committed(unitId: number): void {
    this.bump(unitId);
  }

  generationOf(unitId: number): number {
    return this.generations.get(unitId) ?? 0;
  }

  /** Every unit's figures may have changed (a rebuild). */
  bumpAll(): void {
    for (const id of this.generations.keys()) {
      this.bump(id);
    }
    this.allGeneration++;
  }

  /** Changes on every bump of any unit: parents' roll-ups key on it. */
  allGeneration = 0;

  private bump(unitId: number): void {
    this.generations.set(unitId, this.generationOf(unitId) + 1);
    this.allGeneration++;
  }
}
