import type { LocalDate } from '../calendar/local-time.js';
import { percent } from './dossier-outcome.js';
import type { Measures } from './stat-measures.js';

/*
 * The figures of a period (issue #4 item 1, docs/statistics.md) from the sums of the aggregates. Pure.
 */

export type ResultFigures = {
  from: LocalDate;
  to: LocalDate;
  /** Received in the period, and by channel. */
  received: number;
  receivedCounter: number;
  receivedOnline: number;
  receivedPost: number;
  /** Received before the period and not ended at its start. */
  carriedOver: number;
  /** Ended in the period = early + onTime + late. */
  processed: number;
  early: number;
  onTime: number;
  late: number;
  /** How the processed dossiers ended: with a result (done or returned), refused, withdrawn, stopped. */
  resolved: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  /** Not ended at the period's end: within time (including those waiting for a supplement) and overdue. */
  inProgress: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  waitingSupplement: number;
  /** (early + onTime) ÷ processed and late ÷ processed, in percent to 2 decimals. */
  onTimeRate: number;
  lateRate: number;
  /** Average working time of the processed dossiers, in days (supplement waits left out); null when none. */
  averageDays: number | null;
};

/**
 * flows: the sums within [from, to]; before: the stock sums up to the end of the day before `from`; end: up to the
 * end of `to`.
 */
export function figuresOf(
  period: { from: LocalDate; to: LocalDate },
  flows: Measures,
  before: Measures,
  end: Measures,
): ResultFigures {
  const inProgress = end.openDelta;
  return {
    from: period.from,
    to: period.to,
    received: flows.received,
    receivedCounter: flows.received - flows.receivedOnline - flows.receivedPost,
    receivedOnline: flows.receivedOnline,
    receivedPost: flows.receivedPost,
    carriedOver: before.openDelta,
    processed: flows.processed,
    early: flows.early,
    onTime: flows.onTime,
    late: flows.late,
    resolved: flows.resolved,
    refused: flows.refused,
    withdrawn: flows.withdrawn,
    stopped: flows.stopped,
    inProgress,
    inProgressWithinTime: inProgress - end.overdueDelta,
    inProgressOverdue: end.overdueDelta,
    waitingSupplement: end.supplementDelta,
    onTimeRate: percent(flows.early + flows.onTime, flows.processed),
    lateRate: percent(flows.late, flows.processed),
    averageDays:
      flows.processed === 0 ? null : Math.round((flows.elapsedMinutes / flows.processed / 1440) * 100) / 100,
  };
}
