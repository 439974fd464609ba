/**
 * When sign-in locks an account or an address (issue #2, item 5). Pure: given the current failure count it says
 * what to store. The numbers follow OWASP's authentication guidance (lock after a handful of failures, for minutes,
 * not for ever, so an attacker cannot lock staff out for good).
 */
export type SignInPolicy = {
  maxFailures: number;
  lockMinutes: number;
  /** attempts allowed per IP address per window, whatever the username */
  perIpAttempts: number;
  perIpWindowMinutes: number;
};

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  perIpAttempts: 30,
  perIpWindowMinutes: 15,
};

/** After one more failure: the new count, and the instant the account stays locked until (or null). */
export function afterFailure(
  failedSoFar: number,
  now: Date,
  policy: SignInPolicy,
): { failedSignIns: number; lockedUntil: Date | null } {
  const failedSignIns = failedSoFar + 1;
  if (failedSignIns >= policy.maxFailures) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedSignIns, lockedUntil: null };
}

/** Minutes left on a lock (rounded up), or 0 when the account is not locked. */
export function lockMinutesLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) {
    return 0;
  }
  const ms = new Date(lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

/** A sliding-window counter of attempts per key (IP address), in memory. */
export class AttemptWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, nowMs: number): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    recent.push(nowMs);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) {
      this.prune(nowMs);
    }
    if (recent.length > this.limit) {
      const oldest = recent[recent.length - this.limit - 1] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
    }
    return 0;
  }

  private prune(nowMs: number): void {
    for (const [k, v] of this.hits) {
      if (v.every((t) => t <= nowMs - this.windowMs)) {
        this.hits.delete(k);
      }
    }
  }
}
