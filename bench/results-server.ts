/*
 * A server of `npm run bench -- results` (bench/results.ts): congxa on the results data (DATA_DIR / DATABASE_URL and
 * RESULTS_WIDGET from the environment), started as `npm start` would, plus a writer for the benchmark only. Asked over
 * IPC ({ cmd: 'write', perSecond }), the writer processes real dossier changes of the default commune in this process,
 * through DossierService (intake, then act: assign, submit_for_approval, approve, return_result), so that the
 * widget's per-process cache (ADR 0008) sees every change as it would in production; { cmd: 'halt' } stops it and
 * answers what was applied. Nothing here is reachable from `npm start`.
 */
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import type { Actor } from '../src/modules/accounts/actor.js';
import type { DossierRow } from '../src/modules/dossiers/dossiers.repository.js';
import type { ActionInput, IntakeInput } from '../src/modules/dossiers/dossiers.schemas.js';
import { prepare } from '../src/startup.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
const deps = createDeps(config);
await prepare(deps);
const unit = deps.directory.resolve(undefined, undefined)!.unit; // the demo data has a default unit

const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const actorOf = async (username: string): Promise<Actor> =>
  deps.accounts.actorOf(
    (
      await deps.db
        .selectFrom('account')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id,
  );
const staff = {
  officer: await actorOf('motcua'),
  specialist: await actorOf('chuyenvien'),
  leader: await actorOf('lanhdao'),
};
/** Khai sinh (3 working days): approved the same day, so each approval adds an early dossier to the widget. */
const PROCEDURE = '1.004873';
const procedure = await deps.procedures.service.byCode(unit.id, PROCEDURE);
const intakeInput: IntakeInput = {
  procedureCode: PROCEDURE,
  channel: 'counter',
  applicant: {
    name: 'Trần Văn Đức',
    idNumber: '000190012345',
    phone: '0900000123',
    email: null,
    address: 'Thôn Đông, xã Tân Hồng',
  },
  requestSummary: '',
  provided: procedure.documents.filter((d) => d.required).map((d) => d.name),
  sets: 1,
  returnMethod: 'counter',
  idempotencyKey: null,
};
const act = (
  d: DossierRow,
  action: ActionInput['action'],
  extra: Partial<ActionInput> = {},
): ActionInput => ({
  action,
  version: d.version,
  reason: null,
  assigneeId: null,
  documents: [],
  newDueAt: null,
  returnedVia: null,
  feeVnd: null,
  feeMethod: null,
  ...extra,
});

/**
 * The five steps in turn, one per tick, each started on time whether the ones before have finished or not (as many
 * officers would), at most 50 at once: a new dossier is taken in, and the oldest dossier done with each earlier step
 * moves on (a new one is taken in when there is none yet), so that about every fifth change is an approval (the
 * widget's processed and early figures grow).
 */
class Writer {
  private stages: DossierRow[][] = [[], [], [], []];
  private running = false;
  private done: Promise<void> = Promise.resolve();
  counts = { changes: 0, approvals: 0, errors: 0, skipped: 0, seconds: 0, firstError: '' };

  start(perSecond: number): void {
    this.running = true;
    this.counts = { changes: 0, approvals: 0, errors: 0, skipped: 0, seconds: 0, firstError: '' };
    this.done = this.loop(perSecond);
  }

  async halt(): Promise<typeof this.counts> {
    this.running = false;
    await this.done;
    return this.counts;
  }

  private async loop(perSecond: number): Promise<void> {
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let tick = 0; this.running; tick++) {
      const wait = started + (tick * 1000) / perSecond - performance.now();
      if (wait > 0) {
        await sleep(wait);
      }
      if (!this.running) {
        break;
      }
      if (inFlight.size >= 50) {
        this.counts.skipped++;
        continue;
      }
      const change: Promise<void> = this.step(tick % 5)
        .then(
          () => {
            this.counts.changes++;
          },
          (err: unknown) => {
            this.counts.errors++;
            this.counts.firstError ||= (err as Error).message;
          },
        )
        .finally(() => inFlight.delete(change));
      inFlight.add(change);
    }
    await Promise.all(inFlight);
    this.counts.seconds = (performance.now() - started) / 1000;
  }

  private async step(stage: number): Promise<void> {
    const service = deps.dossiers.service;
    const [received, assigned, submitted, approved] = this.stages as [
      DossierRow[],
      DossierRow[],
      DossierRow[],
      DossierRow[],
    ];
    const from = stage === 0 ? undefined : this.stages[stage - 1]!.shift(); // stages 1–4 read 0–3
    if (stage === 0) {
      received.push((await service.intake(staff.officer, unit.id, intakeInput)).dossier);
    } else if (from === undefined) {
      // None is done with the step before yet: take another dossier in instead.
      received.push((await service.intake(staff.officer, unit.id, intakeInput)).dossier);
    } else if (stage === 1) {
      assigned.push(
        await service.act(
          staff.officer,
          unit.id,
          from.id,
          act(from, 'assign', { assigneeId: staff.specialist.id }),
        ),
      );
    } else if (stage === 2) {
      submitted.push(await service.act(staff.specialist, unit.id, from.id, act(from, 'submit_for_approval')));
    } else if (stage === 3) {
      approved.push(await service.act(staff.leader, unit.id, from.id, act(from, 'approve')));
      this.counts.approvals++;
    } else {
      await service.act(
        staff.officer,
        unit.id,
        from.id,
        act(from, 'return_result', { returnedVia: 'counter' }),
      );
    }
  }
}
const writer = new Writer();

process.send?.({ dialect: config.db.dialect, origin, unit: { id: unit.id, slug: unit.slug } });
process.on('message', (msg: { cmd: string; perSecond?: number }) => {
  if (msg.cmd === 'write') {
    writer.start(msg.perSecond ?? 20);
  } else if (msg.cmd === 'halt') {
    void writer.halt().then((counts) => process.send?.(counts));
  } else if (msg.cmd === 'stop') {
    void writer
      .halt()
      .then(() => app.close())
      .then(() => process.exit(0));
  }
});
