import type { Db } from '../../platform/db.js';
import { toLocal } from '../calendar/local-time.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { contributionOf } from './contribution.js';
import { endIndex } from './dossier-history.js';
import { nonZero, StatRows } from './stat-rows.js';
import type { StatsRepository } from './stats.repository.js';
import type { HistorySource } from './stats.service.js';

/**
 * Recomputes the aggregates from every dossier's event log (ADR 0008, 0009): each unit's own rows in one transaction,
 * then the 'sub' rows of the units above them. For upgrades and benchmark data; `congxa stats rebuild`, with the server
 * stopped (a dossier changed in a unit while it is rebuilt can be lost from the figures).
 */
export async function rebuildAggregates(
  deps: { db: Db; repo: StatsRepository; directory: UnitDirectory },
  histories: HistorySource,
): Promise<{ units: number; dossiers: number }> {
  const { db, repo, directory } = deps;
  let dossiers = 0;
  const units = directory.all();
  await repo.clear(db);
  const rows = new StatRows();
  for (const unit of units) {
    const parents = directory.parentsOf(unit.id);
    for await (const h of histories(unit.id)) {
      dossiers++;
      const c = contributionOf(h.dossier, h.events);
      if (c === null) {
        continue;
      }
      for (const [day, measures] of c.days) {
        rows.add(unit.id, parents, { dims: c.dims, day, measures });
      }
      // The widget's figures of a month last changed when its last dossier ended.
      const ended = h.events[endIndex(h.events)];
      if (ended) {
        rows.touch(unit.id, parents, toLocal(ended.at).date.slice(0, 7), ended.at);
      }
    }
    const own = rows.takeOwn();
    await db.transaction().execute((trx) => repo.write(trx, { ...own, subDays: [], subMonths: [] }));
  }
  await db.transaction().execute((trx) =>
    repo.write(trx, {
      days: [],
      months: [],
      monthDims: nonZero(rows.monthDims),
      subDays: nonZero(rows.subDays),
      subMonths: [...rows.subMonths.values()],
    }),
  );
  return { units: units.length, dossiers };
}
