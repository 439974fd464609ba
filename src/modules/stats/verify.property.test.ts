import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { actionInput, demoActors, intakeInput } from '../../../test/dossiers.js';
import { demoResultFile } from '../../demo/demo-dossiers.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../accounts/actor.js';
import { ACTION_RULES, ACTIONS, type DossierAction } from '../dossiers/dossier-workflow.js';
import type { ActionInput } from '../dossiers/dossiers.schemas.js';
import type { OnlineProcedure } from '../dossiers/online.service.js';
import { formatDifference, verify, type VerifyDeps } from './verify.js';

/*
 * `congxa stats verify` after random work on real dossiers (issue #4 item 8), on the dialect under test: counter,
 * post and online dossiers of the demo commune Tân Hồng go through random actions that the workflow allows from
 * their status (dossier-workflow.ts ACTION_RULES), taken by the demo account with the right role, at a fixed clock
 * moved on by minutes to days; the service refuses some (a supplement after its window, a second apology, …) and
 * those are skipped. After each run, the aggregates the transactions kept must equal what verify recomputes.
 */

let t: TestApp;
let deps: VerifyDeps;
let unitId: number;
let staff: Actor[];
let citizen: Actor;
let counterCodes: string[];
let online: OnlineProcedure;
/** How many times each action went through, over all runs. */
const taken = new Map<string, number>();

const svc = () => t.deps.dossiers.service;

type Step = {
  dossier: number;
  pick: number;
  minutes: number;
  apologyDays: number;
  feeMethod: 'cash' | 'transfer' | 'online';
};
type Plan = { channel: 'counter' | 'post' | 'online'; procedure: number; minutes: number };

const minutes = fc.oneof(
  fc.integer({ min: 0, max: 90 }),
  fc.integer({ min: 90, max: 1440 }),
  fc.integer({ min: 1440, max: 6 * 1440 }),
);
const plans = fc.array(
  fc.record({
    channel: fc.constantFrom<Plan['channel']>('counter', 'post', 'online'),
    procedure: fc.nat(),
    minutes,
  }),
  { minLength: 8, maxLength: 8 },
);
const steps = fc.array(
  fc.record({
    dossier: fc.nat({ max: 7 }),
    pick: fc.nat(),
    minutes,
    apologyDays: fc.integer({ min: 1, max: 10 }),
    feeMethod: fc.constantFrom<Step['feeMethod']>('cash', 'transfer', 'online'),
  }),
  { minLength: 32, maxLength: 64 },
);

/** Steps towards a result, made more likely (by each run's weight) so that random walks often reach one. */
const FORWARD: ReadonlySet<string> = new Set([
  'receive',
  'assign',
  'complete_supplement',
  'submit_for_approval',
  'approve',
  'return_result',
]);

/** The first demo account whose roles allow the action (the assignee first when only the assignee may). */
const actorFor = (action: DossierAction | 'attach_result'): Actor | undefined => {
  const roles = action === 'attach_result' ? ['one_stop_officer', 'specialist'] : ACTION_RULES[action].roles;
  return staff.find((a) => (a.roles.get(unitId) ?? []).some((r) => (roles as readonly string[]).includes(r)));
};

async function make(p: Plan): Promise<number> {
  if (p.channel === 'online') {
    const form = await t.deps.dossiers.online.newForm(citizen, online);
    const files = online.documents.map((_, i) => ({
      document: i,
      fileName: `giay-to-${i}.pdf`,
      mime: 'application/pdf',
      extension: 'pdf',
      bytes: demoResultFile('GT').bytes,
    }));
    const values = { ...form.values, address: 'Thôn Tân Hồng, xã Tân Hồng' };
    const r = await t.deps.dossiers.online.submit(citizen, unitId, online, form.key, values, files, []);
    if (!r.ok) {
      throw new Error(`online submission refused: ${JSON.stringify(r.errors)}`);
    }
    return r.dossier.id;
  }
  const code = counterCodes[p.procedure % counterCodes.length]!;
  const input = await intakeInput(t, unitId, code, { channel: p.channel });
  return (await svc().intake(staff[0]!, unitId, input)).dossier.id;
}

/** Takes the step's action on its dossier if the workflow allows one from its status; refusals are skipped. */
async function take(ids: number[], s: Step, forward: number): Promise<void> {
  const id = ids[s.dossier % ids.length]!;
  const d = await svc().get(unitId, id);
  const allowed: (DossierAction | 'attach_result')[] = ACTIONS.filter((a) =>
    ACTION_RULES[a].from.includes(d.status),
  );
  if (['processing', 'awaiting_approval', 'done'].includes(d.status)) {
    allowed.push('attach_result');
  }
  const weighted = allowed.flatMap((a) => Array<typeof a>(FORWARD.has(a) ? forward : 1).fill(a));
  const action = weighted[s.pick % Math.max(1, weighted.length)];
  const actor = action && actorFor(action);
  if (!action || !actor) {
    return;
  }
  t.clock.advance(s.minutes * 60_000);
  try {
    if (action === 'attach_result') {
      await svc().attachResult(actor, unitId, id, demoResultFile(d.code ?? ''));
    } else {
      const extra: Partial<ActionInput> = {
        reason: ACTION_RULES[action].reason || action === 'request_supplement' ? 'Lý do kiểm thử' : null,
        assigneeId: action === 'assign' ? staff[1]!.id : null,
        documents: action === 'request_supplement' ? ['Bản sao giấy khai sinh có chứng thực'] : [],
        newDueAt:
          action === 'apologise' && d.dueAt
            ? new Date(Date.parse(d.dueAt) + s.apologyDays * 86_400_000).toISOString()
            : null,
        feeVnd: action === 'record_fee' ? 20_000 : null,
        feeMethod: action === 'record_fee' ? s.feeMethod : null,
      };
      await svc().act(actor, unitId, id, actionInput(action, d.version, extra));
    }
    taken.set(action, (taken.get(action) ?? 0) + 1);
  } catch (err) {
    if (!(err instanceof AppError)) {
      throw err;
    }
  }
}

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-03-02T01:30:00.000Z' });
  unitId = t.deps.directory.getBySlug('tan-hong')!.id;
  const a = await demoActors(t, ['motcua', 'chuyenvien', 'lanhdao']);
  staff = [a.motcua!, a.chuyenvien!, a.lanhdao!];
  const s = t.deps.stats;
  deps = { ...s.deps, repo: s.repo, service: s.service };
  const procedures = await Promise.all(
    (await t.deps.procedures.service.options(unitId)).map((p) =>
      t.deps.procedures.service.byCode(unitId, p.code),
    ),
  );
  counterCodes = procedures
    .filter((p) => p.timeLimit.kind === 'working_days')
    .slice(0, 3)
    .map((p) => p.code);
  const offered = procedures.find((p) => p.onlineLevel !== 'truc_tiep')!;
  online = await t.deps.dossiers.online.procedure(unitId, offered.code);
  const citizenId = await t.deps.accounts.citizens.signUp(
    {
      fullName: 'Trần Văn Kiểm',
      idNumber: '001190055555',
      phone: '0912000111',
      email: null,
      password: 'mat-khau-du-dai-123',
    },
    '10.8.0.1',
    unitId,
  );
  citizen = await t.deps.accounts.actorOf(citizenId);
});
afterAll(async () => {
  await t.close();
});

describe('verify after random work on real dossiers (issue #4 item 8)', () => {
  it('finds no difference after each run', async () => {
    await fc.assert(
      fc.asyncProperty(plans, steps, fc.integer({ min: 2, max: 8 }), async (ps, ss, forward) => {
        const ids: number[] = [];
        for (const p of ps) {
          t.clock.advance(p.minutes * 60_000);
          ids.push(await make(p));
        }
        for (const s of ss) {
          await take(ids, s, forward);
        }
        const r = await verify(deps);
        expect(r.differences.map(formatDifference)).toEqual([]);
      }),
      // Every run adds to the same database: shrinking would replay on changed data, so a failure is reported as is.
      { numRuns: 5, endOnFailure: true },
    );
    // The runs did real work: many actions went through, and dossiers ended in each way.
    expect([...taken.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(60);
    for (const action of ['assign', 'approve', 'refuse', 'withdraw', 'stop']) {
      expect(taken.get(action) ?? 0, action).toBeGreaterThan(0);
    }
  });
});
