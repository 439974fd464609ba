import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDueAt, TIME_LIMIT_KINDS, type TimeLimitKind } from './due-date.js';
import { instantAt, localDayAndMs, toLocal } from './local-time.js';
import { SEED_NOTICES } from './seed-notices.js';
import { createWorkingCalendar } from './working-calendar.js';

const calendar = createWorkingCalendar({ notices: SEED_NOTICES });
const from = instantAt('2023-01-01', 0).getTime();
const to = instantAt('2031-01-01', 0).getTime() - 1;

// Random instants over 2023–2030 (seconds included), every kind, amounts 0–60, with and without the 15:00 flag.
const instant = fc.integer({ min: from, max: to }).map((t) => new Date(t));
const kind = fc.constantFrom<TimeLimitKind>(...TIME_LIMIT_KINDS);
const amount = fc.integer({ min: 0, max: 60 });
const run = { numRuns: 2000 };

describe('due-date properties (random instants 2023–2030, amounts 0–60)', () => {
  it('a due date is never on a day off and never before receipt', () => {
    fc.assert(
      fc.property(instant, kind, amount, fc.boolean(), (receivedAt, k, n, after15) => {
        const { dueAt } = computeDueAt({ receivedAt, kind: k, amount: n, after15 }, calendar);
        expect(calendar.isWorkingDay(toLocal(dueAt).date)).toBe(true);
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
      }),
      run,
    );
  });

  it('day-based deadlines fall at the close of office hours; hour-based ones inside office hours', () => {
    fc.assert(
      fc.property(instant, kind, amount, fc.boolean(), (receivedAt, k, n, after15) => {
        const { dueAt } = computeDueAt({ receivedAt, kind: k, amount: n, after15 }, calendar);
        if (k === 'working_hours') {
          expect(calendar.isWorkingTime(dueAt, true)).toBe(true);
        } else {
          expect(localDayAndMs(dueAt).ms).toBe(calendar.closeMs);
        }
      }),
      run,
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, kind, amount, amount, fc.boolean(), (receivedAt, k, a, b, after15) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const due = (n: number) =>
          computeDueAt({ receivedAt, kind: k, amount: n, after15 }, calendar).dueAt.getTime();
        expect(due(lo)).toBeLessThanOrEqual(due(hi));
      }),
      run,
    );
  });

  it('working_days N: exactly N working days lie after the counted day, up to and including the due day', () => {
    fc.assert(
      fc.property(instant, amount, fc.boolean(), (receivedAt, n, after15) => {
        const r = computeDueAt({ receivedAt, kind: 'working_days', amount: n, after15 }, calendar);
        expect(calendar.isWorkingDay(r.countedFromDate)).toBe(true);
        expect(calendar.addWorkingDays(r.countedFromDate, n)).toBe(toLocal(r.dueAt).date);
      }),
      run,
    );
  });

  it('the 15:00 flag can only make a deadline later, never earlier', () => {
    fc.assert(
      fc.property(instant, kind, amount, (receivedAt, k, n) => {
        const due = (after15: boolean) =>
          computeDueAt({ receivedAt, kind: k, amount: n, after15 }, calendar).dueAt;
        expect(due(false).getTime()).toBeLessThanOrEqual(due(true).getTime());
      }),
      run,
    );
  });
});
