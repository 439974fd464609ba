import { dayNumberOf, toLocal, type LocalDate } from '../calendar/local-time.js';

/*
 * How a dossier counts in the results of administrative procedures (issue #4 item 1; domain.md §1.5, Decision
 * 766/QĐ-TTg indicator 2.1). Pure: the statistics, the widget and `congxa stats verify` all classify with these.
 */

/** What the rules need of a dossier; instants are ISO 8601 strings or null. */
export type DossierFacts = {
  receivedAt: string | null;
  /** The due date in force at the end (the last one computed). */
  dueAt: string | null;
  /** The first instant processing ended (done, returned, stopped, refused, withdrawn): Decision 766's end time. */
  endedAt: string | null;
  supplementCount: number;
  /**
   * When it ended while waiting for a supplement: the instant of that request, when its clock stopped. Decision 766
   * ([766doc], domain.md §1.5): "if a supplement request is pending, the supplement-request time counts as the end
   * time" for the timing (the period it counts in is still that of its end).
   */
  pausedAt?: string | null;
};

export type Timing = 'early' | 'on_time' | 'late';

/**
 * Early: ended on a (Vietnam) day before the due day. On time: ended on the due day, not after the due instant.
 * Late: ended after the due instant — and any dossier with more than one supplement request (Decision 766, [766doc]:
 * "more than one supplement request → counted as late"). A dossier without a due date is on time (it was refused or
 * withdrawn before receipt: nothing was promised).
 */
export function timingOf(
  d: Pick<DossierFacts, 'dueAt' | 'endedAt' | 'supplementCount' | 'pausedAt'>,
): Timing | null {
  if (d.endedAt === null) {
    return null;
  }
  if (d.supplementCount > 1) {
    return 'late';
  }
  if (d.dueAt === null) {
    return 'on_time';
  }
  const end = new Date(d.pausedAt ?? d.endedAt);
  const due = new Date(d.dueAt);
  if (end.getTime() > due.getTime()) {
    return 'late';
  }
  return dayNumberOf(toLocal(end).date) < dayNumberOf(toLocal(due).date) ? 'early' : 'on_time';
}

/** A period of local dates, both ends included (Asia/Ho_Chi_Minh). */
export type Period = { from: LocalDate; to: LocalDate };

/** Is the instant's local date within the period? */
export function inPeriod(instant: string | null, p: Period): boolean {
  if (instant === null) {
    return false;
  }
  const day = toLocal(instant).date;
  return day >= p.from && day <= p.to;
}

/** A rate in percent of `whole`, rounded to 2 decimals; 0 when there is nothing to divide (issue #4 item 1). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

/** Made once: toLocaleString with options makes a formatter on every call (about 70 µs). */
const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The Vietnamese way of writing a percentage: 0,5 %, 100 %, 12,25 %. */
export function formatPercent(value: number): string {
  return `${PERCENT.format(value)} %`;
}
