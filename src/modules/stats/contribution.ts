import { toLocal, type LocalDate } from '../calendar/local-time.js';
import {
  endIndex,
  feeDue,
  filesAtSubmission,
  hasElectronicResult,
  officerOf,
  pausedAtEnd,
  paidOnline,
  receiptIndex,
  type HistoryDossier,
  type HistoryEvent,
} from './dossier-history.js';
import { timingOf } from './dossier-outcome.js';
import { isZero, MEASURES, type Measure, type Measures } from './stat-measures.js';

/*
 * A dossier's contribution to the results aggregates (issue #4, docs/statistics.md): a pure function of its event
 * log. The recorder applies the difference between the contribution before and after each new event, in the event's
 * transaction, so the stored aggregates always equal the sum of every dossier's contribution.
 *
 * - Flows: received on the day of receipt; processed (early, on time, late, and how it ended) on the day processing
 *   ended (Decision 766/QĐ-TTg: the first of done, returned, stopped, refused, withdrawn).
 * - Stocks, as day-deltas: open from the day of receipt until the day it ended; waiting for supplement while asked;
 *   overdue at the end of a day when open, not waiting, and the due date in force then fell on or before that day.
 * A dossier never received (refused or withdrawn while submitted online) counts nowhere.
 */

export type StatDims = {
  procedureCode: string;
  procedureField: string;
  channel: HistoryDossier['channel'];
  officerId: number;
};

export type Contribution = { dims: StatDims; days: Map<LocalDate, Partial<Measures>> };

/** One row of change to the day aggregates. */
export type StatDelta = { dims: StatDims; day: LocalDate; measures: Partial<Measures> };

const dayOf = (instant: string): LocalDate => toLocal(instant).date;
const minutesBetween = (from: string, to: string): number =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);

export function contributionOf(d: HistoryDossier, events: readonly HistoryEvent[]): Contribution | null {
  const r = receiptIndex(events);
  const e = endIndex(events);
  if (r < 0 || (e >= 0 && e < r)) {
    return null;
  }
  const days = new Map<LocalDate, Partial<Measures>>();
  const add = (day: LocalDate, m: Partial<Record<Measure, number>>): void => {
    const row = days.get(day) ?? {};
    for (const [k, v] of Object.entries(m) as [Measure, number][]) {
      row[k] = (row[k] ?? 0) + v;
    }
    days.set(day, row);
  };
  const receipt = events[r]!;
  add(dayOf(receipt.at), {
    received: 1,
    receivedOnline: d.channel === 'online' ? 1 : 0,
    receivedPost: d.channel === 'post' ? 1 : 0,
    openDelta: 1,
  });

  // Segments between events, from receipt to the end: the status and due date in force during each.
  const last = e >= 0 ? e - 1 : events.length - 1;
  let waitingMinutes = 0;
  for (let i = r; i <= last; i++) {
    const ev = events[i]!;
    const end = events[i + 1]?.at ?? null;
    const startDay = dayOf(ev.at);
    const endDay = end === null ? null : dayOf(end);
    if (ev.toStatus === 'supplement_requested') {
      add(startDay, { supplementDelta: 1 });
      if (endDay !== null) {
        add(endDay, { supplementDelta: -1 });
        waitingMinutes += minutesBetween(ev.at, end!);
      }
    } else if (ev.dueAt !== null) {
      const dueDay = dayOf(ev.dueAt);
      const from = dueDay > startDay ? dueDay : startDay;
      if (endDay === null || from < endDay) {
        add(from, { overdueDelta: 1 });
        if (endDay !== null) {
          add(endDay, { overdueDelta: -1 });
        }
      }
    }
  }

  if (e >= 0) {
    const ending = events[e]!;
    const supplementCount = events.slice(0, e + 1).filter((x) => x.action === 'request_supplement').length;
    const timing = timingOf({
      dueAt: ending.dueAt,
      endedAt: ending.at,
      supplementCount,
      pausedAt: pausedAtEnd(events, e),
    })!; // ended
    const resolved = ending.toStatus === 'done' || ending.toStatus === 'returned';
    const eResult = resolved && hasElectronicResult(events);
    add(dayOf(ending.at), {
      processed: 1,
      early: timing === 'early' ? 1 : 0,
      onTime: timing === 'on_time' ? 1 : 0,
      late: timing === 'late' ? 1 : 0,
      resolved: resolved ? 1 : 0,
      refused: ending.toStatus === 'refused' ? 1 : 0,
      withdrawn: ending.toStatus === 'withdrawn' ? 1 : 0,
      stopped: ending.toStatus === 'stopped' ? 1 : 0,
      suppZero: supplementCount === 0 ? 1 : 0,
      suppOne: supplementCount === 1 ? 1 : 0,
      processedRemote: d.channel === 'counter' ? 0 : 1,
      elapsedMinutes: Math.max(0, minutesBetween(receipt.at, ending.at) - waitingMinutes),
      allowedMinutes: receipt.dueAt === null ? 0 : Math.max(0, minutesBetween(receipt.at, receipt.dueAt)),
      feeDue: feeDue(d, events) ? 1 : 0,
      paidOnline: paidOnline(events) ? 1 : 0,
      eResult: eResult ? 1 : 0,
      digitised: eResult && filesAtSubmission(events) > 0 ? 1 : 0,
      openDelta: -1,
    });
  }
  for (const [day, m] of days) {
    const nonZero = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
    if (isZero(nonZero)) {
      days.delete(day);
    } else {
      days.set(day, nonZero);
    }
  }
  return {
    dims: {
      procedureCode: d.procedureCode,
      procedureField: d.procedureField,
      channel: d.channel,
      officerId: officerOf(events),
    },
    days,
  };
}

const sameDims = (a: StatDims, b: StatDims): boolean =>
  a.procedureCode === b.procedureCode &&
  a.procedureField === b.procedureField &&
  a.channel === b.channel &&
  a.officerId === b.officerId;

function rowsOf(c: Contribution | null, sign: number): StatDelta[] {
  if (c === null) {
    return [];
  }
  return [...c.days].map(([day, m]) => ({
    dims: c.dims,
    day,
    measures: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, sign * v])),
  }));
}

/** The rows that turn the aggregates holding `before` into ones holding `after`; zero rows left out. */
export function diffContributions(before: Contribution | null, after: Contribution | null): StatDelta[] {
  if (before === null || after === null || !sameDims(before.dims, after.dims)) {
    return [...rowsOf(before, -1), ...rowsOf(after, 1)];
  }
  const out: StatDelta[] = [];
  for (const day of new Set([...before.days.keys(), ...after.days.keys()])) {
    const b = before.days.get(day) ?? {};
    const a = after.days.get(day) ?? {};
    const m: Partial<Measures> = {};
    for (const k of MEASURES) {
      const v = (a[k] ?? 0) - (b[k] ?? 0);
      if (v !== 0) {
        m[k] = v;
      }
    }
    if (!isZero(m)) {
      out.push({ dims: after.dims, day, measures: m });
    }
  }
  return out;
}
