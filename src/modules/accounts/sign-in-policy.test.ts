import { describe, expect, it } from 'vitest';
import { afterFailure, AttemptWindow, DEFAULT_SIGN_IN_POLICY, lockMinutesLeft } from './sign-in-policy.js';

const now = new Date('2026-11-26T02:00:00Z');

describe('afterFailure (lock after repeated failures, OWASP authentication guidance)', () => {
  it.each([
    [0, 1, null],
    [3, 4, null],
    [4, 0, '2026-11-26T02:15:00.000Z'],
  ])('after %i failures → count %i, locked until %s', (before, count, until) => {
    const r = afterFailure(before, now, DEFAULT_SIGN_IN_POLICY);
    expect(r.failedSignIns).toBe(count);
    expect(r.lockedUntil?.toISOString() ?? null).toBe(until);
  });
});

describe('lockMinutesLeft', () => {
  it.each([
    [null, 0],
    ['2026-11-26T01:59:00.000Z', 0],
    ['2026-11-26T02:00:30.000Z', 1],
    ['2026-11-26T02:14:01.000Z', 15],
  ])('locked until %s → %i minutes', (until, minutes) => {
    expect(lockMinutesLeft(until, now)).toBe(minutes);
  });
});

describe('AttemptWindow', () => {
  it('allows `limit` attempts per window, then asks to wait until the oldest leaves the window', () => {
    const w = new AttemptWindow(3, 60_000);
    expect([w.hit('ip', 0), w.hit('ip', 1000), w.hit('ip', 2000)]).toEqual([0, 0, 0]);
    expect(w.hit('ip', 3000)).toBe(57);
    expect(w.hit('other', 3000)).toBe(0);
    expect(w.hit('ip', 70_000)).toBe(0);
  });
});
