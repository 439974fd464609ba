import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/local-time.js';
import { ACTION_RULES, nextStatus, type DossierStatus } from '../dossiers/dossier-workflow.js';
import { contributionOf } from './contribution.js';
import { bucketsOf } from './dossier-buckets.js';
import type { HistoryDossier, HistoryEvent } from './dossier-history.js';
import type { Period } from './dossier-outcome.js';
import { addMeasures, zeroMeasures, type Measures } from './stat-measures.js';
import { figuresOf } from './stats-figures.js';
import { CHECKED_FIGURES, count, zeroCounts, type Counts } from './verify.js';

/*
 * The aggregates' algorithm (contribution.ts: flows per day, stocks as day-deltas) and verify's (dossier-buckets.ts:
 * where each dossier stands at the period's instants) must give the same figures for any event history and any
 * period (issue #4 item 8). Random histories of a few dossiers follow the workflow of dossier-workflow.ts (counter,
 * post and online dossiers; supplements before and after receipt; apologies that move the due date; results, fees),
 * at instants minutes to weeks apart (midnights and same-instant events included), with random due dates.
 */

const START = Date.parse('2026-01-01T00:00:00.000Z');
const MINUTE = 60_000;

/** The steps towards a result: weighted (by each script) so that random walks often reach one. */
const FORWARD = new Set([
  'receive',
  'assign',
  'complete_supplement',
  'submit_for_approval',
  'approve',
  'return_result',
]);

/** What may happen next, by status: the workflow's actions plus the electronic result, some more likely. */
const actionsFrom = (status: DossierStatus, w: { forward: number; supplement: number }): string[] =>
  [
    ...Object.entries(ACTION_RULES)
      .filter(([, rule]) => rule.from.includes(status))
      .map(([action]) => action),
    ...(['processing', 'awaiting_approval', 'done'].includes(status) ? ['attach_result'] : []),
  ].flatMap((a) =>
    Array<string>(FORWARD.has(a) ? w.forward : a === 'request_supplement' ? w.supplement : 1).fill(a),
  );

type Step = { gap: number; pick: number; dueMinutes: number; officer: number };

const step: fc.Arbitrary<Step> = fc.record({
  gap: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 180 }),
    fc.integer({ min: 180, max: 3 * 1440 }),
    fc.integer({ min: 3 * 1440, max: 21 * 1440 }),
  ),
  pick: fc.nat(),
  dueMinutes: fc.integer({ min: -2 * 1440, max: 20 * 1440 }),
  officer: fc.integer({ min: 1, max: 3 }),
});

const dossierScript = fc.record({
  channel: fc.constantFrom<HistoryDossier['channel']>('counter', 'online', 'post'),
  procedure: fc.constantFrom('1.004873', '1.000656'),
  startMinutes: fc.integer({ min: 0, max: 60 * 1440 }),
  weights: fc.record({ forward: fc.integer({ min: 1, max: 5 }), supplement: fc.integer({ min: 1, max: 5 }) }),
  steps: fc.array(step, { maxLength: 14, size: 'large' }),
});
type Script = typeof dossierScript extends fc.Arbitrary<infer T> ? T : never;

const iso = (ms: number): string => new Date(ms).toISOString();

/** A dossier's event log from a script: each step takes one action the workflow allows from the current status. */
function historyOf(s: Script): { dossier: HistoryDossier; events: HistoryEvent[] } {
  const dossier: HistoryDossier = {
    unitId: 1,
    procedureCode: s.procedure,
    procedureField: s.procedure === '1.004873' ? 'Chứng thực' : 'Hộ tịch',
    channel: s.channel,
    feeVnd: null,
  };
  let at = START + s.startMinutes * MINUTE;
  const online = s.channel === 'online';
  let status: DossierStatus = online ? 'submitted' : 'received';
  let dueAt: string | null = online ? null : iso(at + 3 * 1440 * MINUTE);
  let assigneeId: number | null = null;
  const events: HistoryEvent[] = [
    {
      at: iso(at),
      action: online ? 'submit' : 'intake',
      toStatus: status,
      dueAt,
      actorId: 9,
      data: '{"files":1}',
    },
  ];
  for (const st of s.steps) {
    const actions = actionsFrom(status, s.weights);
    if (actions.length === 0) {
      break;
    }
    const action = actions[st.pick % actions.length]!;
    at += st.gap * MINUTE;
    let data: Record<string, unknown> = {};
    if (action === 'receive' || action === 'complete_supplement') {
      dueAt = iso(at + st.dueMinutes * MINUTE); // the clock (re)starts
    } else if (action === 'apologise' && dueAt !== null) {
      dueAt = iso(Date.parse(dueAt) + st.dueMinutes * MINUTE);
    } else if (action === 'assign') {
      assigneeId = st.officer;
      data = { assigneeId };
    } else if (action === 'record_fee') {
      data = { feeVnd: 10_000, feeMethod: st.officer === 1 ? 'online' : 'cash' };
    }
    if (action !== 'attach_result') {
      status = nextStatus({ status, assigneeId }, action as keyof typeof ACTION_RULES);
    }
    events.push({
      at: iso(at),
      action,
      toStatus: status,
      dueAt,
      actorId: 10 + st.officer,
      data: JSON.stringify(data),
    });
  }
  return { dossier, events };
}

const period: fc.Arbitrary<Period> = fc
  .record({ from: fc.integer({ min: -3, max: 150 }), days: fc.integer({ min: 0, max: 70 }) })
  .map(({ from, days }) => {
    const first = addDays('2026-01-01', from);
    return { from: first, to: addDays(first, days) };
  });

/** The figures of the period from the dossiers' contributions, as the aggregates sum them: total and per officer. */
function fromContributions(histories: ReturnType<typeof historyOf>[], p: Period) {
  const sums = new Map<string, { flows: Measures; before: Measures; end: Measures }>();
  for (const h of histories) {
    const c = contributionOf(h.dossier, h.events);
    if (c === null) {
      continue;
    }
    for (const key of ['total', `officer ${c.dims.officerId}`]) {
      const s = sums.get(key) ?? { flows: zeroMeasures(), before: zeroMeasures(), end: zeroMeasures() };
      for (const [day, m] of c.days) {
        if (day >= p.from && day <= p.to) {
          s.flows = addMeasures(s.flows, m);
        }
        if (day < p.from) {
          s.before = addMeasures(s.before, m);
        }
        if (day <= p.to) {
          s.end = addMeasures(s.end, m);
        }
      }
      sums.set(key, s);
    }
  }
  const out = new Map<string, Counts>();
  for (const [key, s] of sums) {
    const f = figuresOf(p, s.flows, s.before, s.end);
    out.set(key, Object.fromEntries(CHECKED_FIGURES.map((k) => [k, f[k]])) as Counts);
  }
  return out;
}

/** The same figures from where each dossier stands in the period (verify's algorithm). */
function fromBuckets(histories: ReturnType<typeof historyOf>[], p: Period) {
  const out = new Map<string, Counts>();
  for (const h of histories) {
    const b = bucketsOf(h.dossier, h.events, p);
    if (b === null) {
      continue;
    }
    for (const key of ['total', `officer ${b.officerId}`]) {
      const c = out.get(key) ?? zeroCounts();
      count(c, h.dossier, b);
      out.set(key, c);
    }
  }
  return out;
}

/** Groups with every figure zero are left out (the aggregates keep such rows after a dossier changes officer). */
const nonZero = (m: Map<string, Counts>) =>
  Object.fromEntries([...m].filter(([, c]) => Object.values(c).some((v) => v !== 0)));

describe('contributions and buckets agree (issue #4 item 8)', () => {
  it('gives the same figures for random histories and periods, in total and per officer', () => {
    fc.assert(
      fc.property(fc.array(dossierScript, { minLength: 1, maxLength: 6 }), period, (scripts, p) => {
        const histories = scripts.map(historyOf);
        expect(nonZero(fromContributions(histories, p))).toEqual(nonZero(fromBuckets(histories, p)));
      }),
      { numRuns: 600 },
    );
  });

  it('the random histories reach every action and every figure', () => {
    // A guard on the generator: the property above is only as good as the histories it sees.
    const seen = new Set<string>();
    const figures = new Set<string>();
    const cases = fc.sample(fc.tuple(fc.array(dossierScript, { minLength: 1, maxLength: 6 }), period), 300);
    for (const [scripts, p] of cases) {
      const histories = scripts.map(historyOf);
      for (const e of histories.flatMap((h) => h.events)) {
        seen.add(`${e.action}>${e.toStatus}`);
      }
      const total = fromBuckets(histories, p).get('total') ?? zeroCounts();
      CHECKED_FIGURES.filter((k) => total[k] > 0).forEach((k) => figures.add(k));
    }
    for (const s of [
      'receive>received',
      'complete_supplement>received',
      'complete_supplement>processing',
      'approve>done',
      'return_result>returned',
      'refuse>refused',
      'withdraw>withdrawn',
      'stop>stopped',
      'apologise>processing',
      'request_supplement>supplement_requested',
      'attach_result>done',
    ]) {
      expect(seen).toContain(s);
    }
    expect([...figures].sort()).toEqual([...CHECKED_FIGURES].sort());
  });
});
