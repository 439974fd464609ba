import { addDays, instantAt, toLocal, type LocalDate } from '../calendar/local-time.js';
import {
  endIndex,
  officerOf,
  pausedAtEnd,
  receiptIndex,
  type HistoryDossier,
  type HistoryEvent,
} from './dossier-history.js';
import { timingOf, type Period, type Timing } from './dossier-outcome.js';

/*
 * Where one dossier stands in a period, straight from its event log (issue #4 items 1, 3, 8): the definitions applied
 * to one dossier at the period's instants, without the aggregates. `congxa stats verify` sums these to check the
 * aggregates, and the drill-down lists pick dossiers with them. Pure.
 */

export type DossierBuckets = {
  /** Received within the period. */
  received: boolean;
  /** Received before the period's start and not ended then. */
  carriedOver: boolean;
  /** Ended within the period, and how: its timing and the status it ended in. */
  processed: { timing: Timing; status: HistoryEvent['toStatus'] } | null;
  /** Not ended at the period's end; overdue then, or waiting for a supplement then. */
  inProgress: { overdue: boolean; waitingSupplement: boolean } | null;
  officerId: number;
};

const startOf = (day: LocalDate): number => instantAt(day, 0).getTime();
const ms = (instant: string): number => new Date(instant).getTime();

/** null when the dossier was never received (it counts nowhere). */
export function bucketsOf(
  d: HistoryDossier,
  events: readonly HistoryEvent[],
  p: Period,
): DossierBuckets | null {
  const r = receiptIndex(events);
  const e = endIndex(events);
  if (r < 0 || (e >= 0 && e < r)) {
    return null;
  }
  const start = startOf(p.from);
  const end = startOf(addDays(p.to, 1)); // the end of the period's last day
  const receivedAt = ms(events[r]!.at);
  const endedAt = e >= 0 ? ms(events[e]!.at) : Infinity;
  let processed: DossierBuckets['processed'] = null;
  if (e >= 0 && endedAt >= start && endedAt < end) {
    const ending = events[e]!;
    const supplementCount = events.slice(0, e + 1).filter((x) => x.action === 'request_supplement').length;
    processed = {
      timing: timingOf({
        dueAt: ending.dueAt,
        endedAt: ending.at,
        supplementCount,
        pausedAt: pausedAtEnd(events, e),
      })!,
      status: ending.toStatus,
    };
  }
  let inProgress: DossierBuckets['inProgress'] = null;
  if (receivedAt < end && endedAt >= end) {
    // The state in force at the end of the period: after the last event before it.
    const last = events.filter((x) => ms(x.at) < end).at(-1)!;
    const waiting = last.toStatus === 'supplement_requested';
    inProgress = {
      waitingSupplement: waiting,
      overdue: !waiting && last.dueAt !== null && ms(last.dueAt) < end,
    };
  }
  return {
    received: receivedAt >= start && receivedAt < end,
    carriedOver: receivedAt < start && endedAt >= start,
    processed,
    inProgress,
    officerId: officerOf(events),
  };
}

/** The local day of an instant (for grouping by day or month). */
export const localDay = (instant: string): LocalDate => toLocal(instant).date;
