/** How long to wait before trying a failed message again. */
export type RetryPolicy = { maxAttempts: number; firstDelayMs: number; maxDelayMs: number };

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxAttempts'> = {
  firstDelayMs: 60_000,
  maxDelayMs: 3_600_000,
};

/**
 * The wait after the n-th failed attempt (n ≥ 1): doubling from firstDelayMs, capped at maxDelayMs. With the
 * defaults and 8 attempts: 1, 2, 4, 8, 16, 32 and 60 minutes, about two hours in all before a message is given up.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

/** Whether the n-th failed attempt was the last one. */
export function isLastAttempt(policy: RetryPolicy, attempt: number): boolean {
  return attempt >= policy.maxAttempts;
}
