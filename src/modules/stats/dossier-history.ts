import { ENDING_STATUSES } from '../dossiers/dossier-workflow.js';
import type { DossierStatus } from '../dossiers/dossier-workflow.js';

/*
 * What a dossier's event log says about it for the results statistics (issue #4, docs/statistics.md). Pure: the
 * aggregates (contribution.ts) and `congxa stats verify` (verify.ts) both start from these facts of the raw events.
 */

/** One event of a dossier's log, as stored (dossier_event). */
export type HistoryEvent = {
  at: string;
  action: string;
  toStatus: DossierStatus;
  /** The due date in force after the event. */
  dueAt: string | null;
  actorId: number | null;
  /** JSON object. */
  data: string;
};

/** The dossier's own facts that do not change over its life. */
export type HistoryDossier = {
  unitId: number;
  procedureCode: string;
  procedureField: string;
  channel: 'counter' | 'online' | 'post';
  /** The fee set at intake, or null. */
  feeVnd: number | null;
};

/** The actions by which a dossier is received: at the counter, from the online queue, or when a supplement made it. */
const RECEIVING = new Set(['intake', 'receive', 'complete_supplement']);

const dataOf = (e: HistoryEvent): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(e.data);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The dossier's responsible officer: the specialist of the last assignment, else the officer who received it; 0. */
export function officerOf(events: readonly HistoryEvent[]): number {
  let officer = events[receiptIndex(events)]?.actorId ?? 0;
  for (const e of events) {
    const id = e.action === 'assign' ? dataOf(e).assigneeId : undefined;
    if (typeof id === 'number') {
      officer = id;
    }
  }
  return officer;
}

/** The index of the event that received the dossier, or -1. */
export function receiptIndex(events: readonly HistoryEvent[]): number {
  return events.findIndex((e) => RECEIVING.has(e.action));
}

/** The index of the first event that ended processing (Decision 766's end time), or -1. */
export function endIndex(events: readonly HistoryEvent[]): number {
  return events.findIndex((e) => ENDING_STATUSES.has(e.toStatus));
}

/** Files the applicant handed in with the dossier (intake or online submission). */
export function filesAtSubmission(events: readonly HistoryEvent[]): number {
  const first = events.find((e) => e.action === 'intake' || e.action === 'submit');
  const files = first ? dataOf(first).files : 0;
  return typeof files === 'number' ? files : 0;
}

export const hasElectronicResult = (events: readonly HistoryEvent[]): boolean =>
  events.some((e) => e.action === 'attach_result');

export const paidOnline = (events: readonly HistoryEvent[]): boolean =>
  events.some((e) => e.action === 'record_fee' && dataOf(e).feeMethod === 'online');

export function feeDue(d: HistoryDossier, events: readonly HistoryEvent[]): boolean {
  if ((d.feeVnd ?? 0) > 0) {
    return true;
  }
  return events.some((e) => {
    const fee = e.action === 'record_fee' ? dataOf(e).feeVnd : 0;
    return typeof fee === 'number' && fee > 0;
  });
}

/**
 * When the dossier ended (event `e`) while waiting for a supplement, the instant of that pending request (its clock
 * had stopped then); else null. See `timingOf`'s `pausedAt`.
 */
export function pausedAtEnd(events: readonly HistoryEvent[], e: number): string | null {
  if (e <= 0 || events[e - 1]!.toStatus !== 'supplement_requested') {
    return null;
  }
  const requests = events.slice(0, e).filter((x) => x.action === 'request_supplement');
  return requests.at(-1)?.at ?? null;
}
