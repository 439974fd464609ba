/*
 * `npm run bench -- calendar`: due-date computations per second (issue #3 budget: at least 100 000 per second),
 * next to a baseline measured in the same run (parsing and formatting the same instants, which any due-date service
 * must do at least once), because these machines are noisy.
 */
import { computeDueAt, TIME_LIMIT_KINDS } from '../src/modules/calendar/due-date.js';
import { createWorkingCalendar } from '../src/modules/calendar/working-calendar.js';
import { SEED_NOTICES } from '../src/modules/calendar/seed-notices.js';

export type CalendarBench = { perSecond: number; baselinePerSecond: number; n: number };

/** A small deterministic generator (no Math.random), so every run computes the same inputs. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function benchCalendar(n = 200_000): CalendarBench {
  const calendar = createWorkingCalendar({ notices: SEED_NOTICES });
  const rand = lcg(42);
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2030, 0, 1) - start;
  const inputs = Array.from({ length: n }, () => ({
    receivedAt: new Date(start + Math.floor(rand() * span)),
    kind: TIME_LIMIT_KINDS[Math.floor(rand() * TIME_LIMIT_KINDS.length)]!, // index within bounds
    amount: Math.floor(rand() * 30),
    after15: rand() < 0.5,
  }));
  // Warm up the year calendars and the JIT.
  for (const input of inputs.slice(0, 20_000)) {
    computeDueAt(input, calendar);
  }
  let sink = 0;
  let t = process.hrtime.bigint();
  for (const input of inputs) {
    sink += computeDueAt(input, calendar).dueAt.getTime() & 1;
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  t = process.hrtime.bigint();
  for (const input of inputs) {
    sink += new Date(input.receivedAt.toISOString()).getTime() & 1;
  }
  const baselineSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (sink < 0) {
    console.log(sink); // keeps the loops from being optimised away
  }
  return { perSecond: n / seconds, baselinePerSecond: n / baselineSeconds, n };
}
