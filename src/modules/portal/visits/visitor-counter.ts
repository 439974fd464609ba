import { createHash } from 'node:crypto';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { localDate } from '../../../platform/time.js';
import { isBot } from './bot-filter.js';
import type { VisitRepository } from './visit.repository.js';

export const ONLINE_WINDOW_MS = 5 * 60 * 1000;
/** Above this many recent visitors of one unit the oldest are dropped first (bounded memory). */
const MAX_ONLINE_PER_UNIT = 50_000;

export type VisitorSnapshot = { online: number; today: number; total: number };

type Deps = { db: Db; visits: VisitRepository; clock: Clock; onError: (err: unknown) => void };

/**
 * The portal's visitor counter (online now / today / all time). Page views are counted in memory, with no database
 * write on the request path, and flushed to visit_day in one upsert every few seconds and on close(), so a clean
 * restart loses nothing. "Today" is the calendar day in Asia/Ho_Chi_Minh; "online now" is the number of distinct
 * visitors (a hash of IP and user agent, never stored) seen in the last five minutes, per process.
 */
export class VisitorCounter {
  /** Views not yet written, keyed "unitId|day". */
  private pending = new Map<string, VisitCountEntry>();
  private readonly totals = new Map<number, number>();
  private readonly today = new Map<number, { day: string; count: number }>();
  private readonly online = new Map<number, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private dayCache = { day: '', until: 0 };

  constructor(private readonly deps: Deps) {}

  /** Loads the stored totals and starts the periodic flush. */
  async start(flushEveryMs: number): Promise<void> {
    const { db, visits } = this.deps;
    const day = this.currentDay();
    const [sums, todays] = await Promise.all([visits.sumByUnit(db), visits.findDay(db, day)]);
    for (const s of sums) {
      this.totals.set(s.unitId, s.total + this.pendingFor(s.unitId));
    }
    for (const t of todays) {
      this.today.set(t.unitId, {
        day,
        count: t.count + (this.pending.get(`${t.unitId}|${day}`)?.count ?? 0),
      });
    }
    this.stopTimer();
    this.timer = setInterval(() => {
      this.flush().catch(this.deps.onError);
    }, flushEveryMs);
    this.timer.unref();
  }

  /** Counts one page view; returns false (and counts nothing) for robots. */
  record(unitId: number, ip: string, userAgent: string | undefined): boolean {
    if (isBot(userAgent)) {
      return false;
    }
    const nowMs = this.deps.clock.now().getTime();
    const day = this.currentDay(nowMs);
    const key = `${unitId}|${day}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.count++;
    } else {
      this.pending.set(key, { unitId, day, count: 1 });
    }
    this.totals.set(unitId, (this.totals.get(unitId) ?? 0) + 1);
    const t = this.today.get(unitId);
    if (t && t.day === day) {
      t.count++;
    } else {
      this.today.set(unitId, { day, count: 1 });
    }
    let seen = this.online.get(unitId);
    if (!seen) {
      seen = new Map();
      this.online.set(unitId, seen);
    }
    const visitor = createHash('sha1')
      .update(`${ip}\n${userAgent ?? ''}`)
      .digest('base64url');
    seen.delete(visitor); // re-insert so the map stays in last-seen order
    seen.set(visitor, nowMs);
    if (seen.size > MAX_ONLINE_PER_UNIT) {
      const oldest = seen.keys().next().value;
      if (oldest !== undefined) {
        seen.delete(oldest);
      }
    }
    return true;
  }

  snapshot(unitId: number): VisitorSnapshot {
    const nowMs = this.deps.clock.now().getTime();
    const day = this.currentDay(nowMs);
    const t = this.today.get(unitId);
    return {
      online: this.countOnline(unitId, nowMs),
      today: t && t.day === day ? t.count : 0,
      total: this.totals.get(unitId) ?? 0,
    };
  }

  /** Writes the pending counts in one transaction; on failure they stay pending for the next flush. */
  async flush(): Promise<void> {
    while (this.flushing) {
      await this.flushing;
    }
    if (this.pending.size === 0) {
      return;
    }
    const batch = this.pending;
    this.pending = new Map();
    const { db, visits } = this.deps;
    this.flushing = db
      .transaction()
      .execute((trx) => visits.addCounts(trx, [...batch.values()]))
      .catch((err: unknown) => {
        for (const [key, e] of batch) {
          const now = this.pending.get(key);
          if (now) {
            now.count += e.count;
          } else {
            this.pending.set(key, e);
          }
        }
        throw err;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    await this.flushing;
  }

  /** Stops the timer and writes what is pending. */
  async close(): Promise<void> {
    this.stopTimer();
    await this.flush();
  }

  private stopTimer(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private pendingFor(unitId: number): number {
    let n = 0;
    for (const e of this.pending.values()) {
      if (e.unitId === unitId) {
        n += e.count;
      }
    }
    return n;
  }

  private countOnline(unitId: number, nowMs: number): number {
    const seen = this.online.get(unitId);
    if (!seen) {
      return 0;
    }
    const since = nowMs - ONLINE_WINDOW_MS;
    // The map is in last-seen order: drop the stale head, the rest is recent.
    for (const [visitor, at] of seen) {
      if (at > since) {
        break;
      }
      seen.delete(visitor);
    }
    return seen.size;
  }

  /** The local day, recomputed at most once a second (the view path calls it on every page). */
  private currentDay(nowMs = this.deps.clock.now().getTime()): string {
    if (nowMs >= this.dayCache.until || nowMs < this.dayCache.until - 1000) {
      this.dayCache = { day: localDate(new Date(nowMs)), until: nowMs + 1000 };
    }
    return this.dayCache.day;
  }
}

type VisitCountEntry = { unitId: number; day: string; count: number };
