import { addDays, instantAt } from '../../calendar/local-time.js';
import type { DossierBuckets } from '../dossier-buckets.js';
import type { Period } from '../dossier-outcome.js';
import type { ResultFigures } from '../stats-figures.js';

/*
 * The drill-down groups of the results page (issue #4 item 3, docs/statistics.md "The detail page"): each figure of
 * the page links to the list of the dossiers it counts. A group says which dossiers of a period belong to it (from
 * the dossier's own events, stats/dossier-buckets.ts), which figure it is, and which dossiers can possibly belong to
 * it (the SQL bounds of the candidates). Pure.
 */

export const RESULT_GROUPS = [
  'received',
  'carried_over',
  'processed',
  'early',
  'on_time',
  'timely',
  'late',
  'resolved',
  'refused',
  'withdrawn',
  'stopped',
  'in_progress',
  'within_time',
  'overdue',
  'waiting_supplement',
] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];

/** The value of the `nhom` query parameter of each group. */
export const GROUP_SLUGS: Record<ResultGroup, string> = {
  received: 'tiep-nhan',
  carried_over: 'ky-truoc',
  processed: 'da-xu-ly',
  early: 'truoc-han',
  on_time: 'dung-han',
  timely: 'truoc-va-dung-han',
  late: 'tre-han',
  resolved: 'co-ket-qua',
  refused: 'tu-choi',
  withdrawn: 'rut-ho-so',
  stopped: 'dung-xu-ly',
  in_progress: 'dang-xu-ly',
  within_time: 'trong-han',
  overdue: 'qua-han',
  waiting_supplement: 'cho-bo-sung',
};

export function groupOfSlug(slug: string): ResultGroup | undefined {
  return RESULT_GROUPS.find((g) => GROUP_SLUGS[g] === slug);
}

/** Does a dossier that stands in the period as `b` belong to the group? */
export function inGroup(b: DossierBuckets, g: ResultGroup): boolean {
  const timing = b.processed?.timing;
  const status = b.processed?.status;
  switch (g) {
    case 'received':
      return b.received;
    case 'carried_over':
      return b.carriedOver;
    case 'processed':
      return b.processed !== null;
    case 'early':
    case 'on_time':
    case 'late':
      return timing === g;
    case 'timely':
      return timing === 'early' || timing === 'on_time';
    case 'resolved':
      return status === 'done' || status === 'returned';
    case 'refused':
    case 'withdrawn':
    case 'stopped':
      return status === g;
    case 'in_progress':
      return b.inProgress !== null;
    case 'within_time':
      return b.inProgress !== null && !b.inProgress.overdue;
    case 'overdue':
      return b.inProgress?.overdue === true;
    case 'waiting_supplement':
      return b.inProgress?.waitingSupplement === true;
  }
}

/** The figure of the page that counts the group's dossiers. */
export function figureOfGroup(f: ResultFigures, g: ResultGroup): number {
  switch (g) {
    case 'received':
      return f.received;
    case 'carried_over':
      return f.carriedOver;
    case 'processed':
      return f.processed;
    case 'early':
      return f.early;
    case 'on_time':
      return f.onTime;
    case 'timely':
      return f.early + f.onTime;
    case 'late':
      return f.late;
    case 'resolved':
      return f.resolved;
    case 'refused':
      return f.refused;
    case 'withdrawn':
      return f.withdrawn;
    case 'stopped':
      return f.stopped;
    case 'in_progress':
      return f.inProgress;
    case 'within_time':
      return f.inProgressWithinTime;
    case 'overdue':
      return f.inProgressOverdue;
    case 'waiting_supplement':
      return f.waitingSupplement;
  }
}

/** Instants (ISO 8601) bounding the received dossiers that may belong to the group in the period. */
export type CandidateBounds = {
  receivedFrom?: string;
  receivedBefore?: string;
  endedFrom?: string;
  endedBefore?: string;
  notEndedBefore?: string;
};

/**
 * A superset of the group's dossiers that SQL can select on the dossier's receipt and end instants: received within
 * the period; carried over (received before its start, not ended then); ended within it; open at its end. The
 * period is the effective one (cut at today).
 */
export function candidateBounds(g: ResultGroup, p: Period): CandidateBounds {
  const start = instantAt(p.from, 0).toISOString();
  const end = instantAt(addDays(p.to, 1), 0).toISOString();
  switch (g) {
    case 'received':
      return { receivedFrom: start, receivedBefore: end };
    case 'carried_over':
      return { receivedBefore: start, notEndedBefore: start };
    case 'processed':
    case 'early':
    case 'on_time':
    case 'timely':
    case 'late':
    case 'resolved':
    case 'refused':
    case 'withdrawn':
    case 'stopped':
      return { endedFrom: start, endedBefore: end };
    case 'in_progress':
    case 'within_time':
    case 'overdue':
    case 'waiting_supplement':
      return { receivedBefore: end, notEndedBefore: end };
  }
}
