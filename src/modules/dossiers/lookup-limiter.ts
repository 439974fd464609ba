/**
 * A token bucket per key (the client's IP address), in memory: dossier codes are sequential and guessable, so the
 * public look-up lets one address make `capacity` look-ups at once and then `capacity` per `periodMs` (30 a minute
 * by default). Pure: the caller passes the time. One process, one bucket set; restarting empties them.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key`: 0 when allowed, else the whole seconds to wait for the next token. */
  take(key: string, nowMs: number): number {
    const rate = this.capacity / this.periodMs; // tokens per millisecond
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.capacity, b.tokens + Math.max(0, nowMs - b.at) * rate) : this.capacity;
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
      if (this.buckets.size > this.maxKeys) {
        this.prune(nowMs);
      }
      return 0;
    }
    this.buckets.set(key, { tokens, at: nowMs });
    return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
  }

  /** Forgets the buckets that are full again (they behave as new ones). */
  private prune(nowMs: number): void {
    const rate = this.capacity / this.periodMs;
    for (const [k, b] of this.buckets) {
      if (b.tokens + (nowMs - b.at) * rate >= this.capacity) {
        this.buckets.delete(k);
      }
    }
  }
}

/** The public look-up's limit per IP address (issue #3 item 5). */
export const LOOKUP_RATE = { capacity: 30, periodMs: 60_000 } as const;
