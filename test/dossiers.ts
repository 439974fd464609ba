import type { Actor } from '../src/modules/accounts/actor.js';
import type { ActionInput, IntakeInput } from '../src/modules/dossiers/dossiers.schemas.js';
import type { TestApp } from './app.js';

/** Helpers for tests that drive dossiers through DossierService on the demo data. */

/** A workflow action with every optional field empty; `extra` sets the ones the action needs. */
export const actionInput = (
  action: ActionInput['action'],
  version: number,
  extra: Partial<ActionInput> = {},
): ActionInput => ({
  action,
  version,
  reason: null,
  assigneeId: null,
  documents: [],
  newDueAt: null,
  returnedVia: null,
  feeVnd: null,
  feeMethod: null,
  ...extra,
});

export const APPLICANT = {
  name: 'Nguyễn Thị Hằng',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'hang@example.com',
  address: 'Thôn Tân Hồng, xã Tân Hồng',
};

/** A counter intake of the procedure with its required documents provided. */
export async function intakeInput(
  t: TestApp,
  unitId: number,
  code: string,
  extra: Partial<IntakeInput> = {},
): Promise<IntakeInput> {
  const p = await t.deps.procedures.service.byCode(unitId, code);
  return {
    procedureCode: code,
    channel: 'counter',
    applicant: APPLICANT,
    requestSummary: '',
    provided: p.documents.filter((d) => d.required).map((d) => d.name),
    sets: 1,
    returnMethod: 'counter',
    idempotencyKey: null,
    ...extra,
  };
}

/** The actors of demo accounts by username (motcua, chuyenvien, lanhdao, …). */
export async function demoActors(t: TestApp, usernames: readonly string[]): Promise<Record<string, Actor>> {
  const out: Record<string, Actor> = {};
  for (const username of usernames) {
    const row = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    out[username] = await t.deps.accounts.actorOf(row.id);
  }
  return out;
}

/**
 * Takes a received dossier through to the result at the clock's instant: the one-stop officer assigns it to the
 * specialist, who submits it, and the leader approves (demo accounts motcua, chuyenvien, lanhdao in `actors`).
 */
export async function approveDossier(
  t: TestApp,
  actors: Record<string, Actor>,
  unitId: number,
  d: { id: number; version: number },
) {
  const svc = t.deps.dossiers.service;
  const assigned = await svc.act(
    actors.motcua!,
    unitId,
    d.id,
    actionInput('assign', d.version, { assigneeId: actors.chuyenvien!.id }),
  );
  const submitted = await svc.act(
    actors.chuyenvien!,
    unitId,
    d.id,
    actionInput('submit_for_approval', assigned.version),
  );
  return svc.act(actors.lanhdao!, unitId, d.id, actionInput('approve', submitted.version));
}
