import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { actionInput } from '../../../test/dossiers.js';
import type { Actor } from '../accounts/actor.js';
import { ConflictError, FieldError, ForbiddenError } from '../../platform/errors.js';
import type { ActionInput, IntakeInput } from './dossiers.schemas.js';

/*
 * The dossier lifecycle on the demo commune (Tân Hồng), on the dialect under test. Deadlines follow the calendar
 * rules tested in src/modules/calendar (Decree 61/2018 Art. 19 for the supplement restart and the apology).
 */

let t: TestApp;
let unitId: number;
let agencyCode: string;
const actors: Record<string, Actor> = {};

const applicant = {
  name: 'Nguyễn Thị Hằng',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'hang@example.com',
  address: 'Thôn Tân Hồng, xã Tân Hồng',
};

async function intakeInput(code: string, extra: Partial<IntakeInput> = {}): Promise<IntakeInput> {
  const p = await t.deps.procedures.service.byCode(unitId, code);
  return {
    procedureCode: code,
    channel: 'counter',
    applicant,
    requestSummary: '',
    provided: p.documents.filter((d) => d.required).map((d) => d.name),
    sets: 1,
    returnMethod: 'counter',
    idempotencyKey: null,
    ...extra,
  };
}

const svc = () => t.deps.dossiers.service;
const action = (a: ActionInput['action'], version: number, extra: Partial<ActionInput> = {}) =>
  actionInput(a, version, extra);

beforeAll(async () => {
  // Tue 10/02/2026 09:00 in Vietnam.
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  const unit = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!;
  unitId = unit.id;
  agencyCode = unit.agencyCode!;
  for (const username of ['motcua', 'chuyenvien', 'lanhdao', 'bientap']) {
    const row = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    actors[username] = await t.deps.accounts.actorOf(row.id);
  }
});
afterAll(async () => {
  await t.close();
});

describe('intake at the counter', () => {
  it('gives the dossier its code (Circular 01/2018 Art. 19) and its due date (3 working days → Fri 17:00)', async () => {
    const { dossier, created } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    expect(created).toBe(true);
    expect(dossier.code).toBe(`${agencyCode}-260210-0001`);
    expect(dossier.status).toBe('received');
    expect(new Date(dossier.dueAt!).toISOString()).toBe('2026-02-13T10:00:00.000Z');
    expect(dossier.dueRuleVersion).toBe('nd61-2018.1');
    const events = await svc().events(dossier.id);
    expect(events.map((e) => [e.action, e.toStatus])).toEqual([['intake', 'received']]);
  });

  it('numbers concurrent intakes without a gap or a duplicate', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, async () =>
        svc().intake(actors.motcua!, unitId, await intakeInput('1.004873')),
      ),
    );
    const numbers = results.map((r) => Number(r.dossier.code!.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
  });

  it('makes one dossier of a retried or double-clicked submission', async () => {
    const input = await intakeInput('1.004194', { idempotencyKey: 'form-abc-123' });
    const [a, b] = await Promise.all([
      svc().intake(actors.motcua!, unitId, input),
      svc().intake(actors.motcua!, unitId, input),
    ]);
    expect(a.dossier.id).toBe(b.dossier.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await svc().intake(actors.motcua!, unitId, input);
    expect(again).toMatchObject({ created: false, dossier: { id: a.dossier.id } });
  });

  it('names each missing required document', async () => {
    const input = await intakeInput('1.004873', { provided: [] });
    const err = await svc()
      .intake(actors.motcua!, unitId, input)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FieldError);
    expect((err as FieldError).field).toBe('provided');
    expect((err as FieldError).message).toMatch(/^Còn thiếu giấy tờ bắt buộc: .+/);
  });

  it('refuses a procedure the unit does not offer, and staff without the one-stop role', async () => {
    await expect(
      svc().intake(actors.motcua!, unitId, await intakeInput('1.004873', { procedureCode: '9.999999' })),
    ).rejects.toMatchObject({ field: 'procedureCode' });
    await expect(svc().intake(actors.bientap!, unitId, await intakeInput('1.004873'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('processing', () => {
  it('goes received → assigned → submitted → approved → returned, ending at the approval', async () => {
    const { dossier: d0 } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    const specialist = actors.chuyenvien!;
    const d1 = await svc().act(
      actors.motcua!,
      unitId,
      d0.id,
      action('assign', d0.version, { assigneeId: specialist.id }),
    );
    expect(d1).toMatchObject({ status: 'processing', assigneeId: specialist.id });
    expect(d1.stepDueAt! <= d1.dueAt!).toBe(true);
    t.clock.advance(3_600_000);
    const d2 = await svc().act(specialist, unitId, d0.id, action('submit_for_approval', d1.version));
    expect(d2.status).toBe('awaiting_approval');
    await expect(svc().act(specialist, unitId, d0.id, action('approve', d2.version))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const d3 = await svc().act(actors.lanhdao!, unitId, d0.id, action('approve', d2.version));
    expect(d3.status).toBe('done');
    expect(d3.endedAt).not.toBeNull();
    t.clock.advance(3_600_000);
    const d4 = await svc().act(
      actors.motcua!,
      unitId,
      d0.id,
      action('return_result', d3.version, { returnedVia: 'counter' }),
    );
    expect(d4).toMatchObject({ status: 'returned', returnedVia: 'counter', endedAt: d3.endedAt });
    const events = await svc().events(d0.id);
    expect(events.map((e) => e.action)).toEqual([
      'intake',
      'assign',
      'submit_for_approval',
      'approve',
      'return_result',
    ]);
  });

  it('explains an action the status does not allow', async () => {
    const { dossier } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    const err = await svc()
      .act(actors.motcua!, unitId, dossier.id, action('return_result', dossier.version))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toBe(
      'Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".',
    );
  });

  it('lets one of two officers acting at once win, and tells the other who acted', async () => {
    const { dossier } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    const results = await Promise.allSettled([
      svc().act(
        actors.motcua!,
        unitId,
        dossier.id,
        action('assign', dossier.version, { assigneeId: actors.chuyenvien!.id }),
      ),
      svc().act(
        actors.lanhdao!,
        unitId,
        dossier.id,
        action('refuse', dossier.version, { reason: 'Sai thẩm quyền' }),
      ),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(ConflictError);
    expect((failed[0]!.reason as Error).message).toMatch(
      /^Hồ sơ vừa được Cán bộ|^Hồ sơ vừa được .+ cập nhật/,
    );
    expect(await svc().events(dossier.id)).toHaveLength(2);
  });

  it('stops the clock for a supplement and restarts the full time limit when it is complete (Decree 61 Art. 19)', async () => {
    t.clock.set('2026-02-10T02:00:00.000Z'); // Tue 09:00
    const { dossier: d0 } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    t.clock.set('2026-02-11T02:00:00.000Z'); // Wed 09:00
    const d1 = await svc().act(
      actors.motcua!,
      unitId,
      d0.id,
      action('request_supplement', d0.version, {
        reason: 'Thiếu bản sao giấy khai sinh',
        documents: ['Bản sao giấy khai sinh'],
      }),
    );
    expect(d1).toMatchObject({ status: 'supplement_requested', supplementCount: 1 });
    // Complete on Mon 23/02 09:00 (after Tết 2026): 3 working days → Thu 26/02 17:00.
    t.clock.set('2026-02-23T02:00:00.000Z');
    const d2 = await svc().act(actors.motcua!, unitId, d0.id, action('complete_supplement', d1.version));
    expect(d2.status).toBe('received');
    expect(new Date(d2.dueAt!).toISOString()).toBe('2026-02-26T10:00:00.000Z');
  });

  it('refuses a supplement request after 3 working days from receipt', async () => {
    t.clock.set('2026-03-02T02:00:00.000Z'); // Mon 09:00
    const { dossier } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    t.clock.set('2026-03-05T10:30:00.000Z'); // Thu 17:30, after the close of the 3rd working day
    await expect(
      svc().act(
        actors.motcua!,
        unitId,
        dossier.id,
        action('request_supplement', dossier.version, { reason: 'Thiếu' }),
      ),
    ).rejects.toThrow(/Đã quá thời hạn yêu cầu bổ sung hồ sơ .* 05\/03\/2026 17:00:00/);
  });

  it('issues the apology with a new appointment once, no later than the working day before the due date', async () => {
    t.clock.set('2026-03-02T02:00:00.000Z'); // Mon 09:00 → due Thu 05/03 17:00
    const { dossier: d0 } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    const d1 = await svc().act(
      actors.lanhdao!,
      unitId,
      d0.id,
      action('apologise', d0.version, { reason: 'Cần xác minh thêm', newDueAt: '2026-03-10T16:00' }),
    );
    expect(new Date(d1.dueAt!).toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(d1.apologyCount).toBe(1);
    await expect(
      svc().act(
        actors.lanhdao!,
        unitId,
        d0.id,
        action('apologise', d1.version, { reason: 'Lần hai', newDueAt: '2026-03-12T16:00' }),
      ),
    ).rejects.toThrow('chỉ được hẹn lại ngày trả kết quả một lần');
    const { dossier: late } = await svc().intake(actors.motcua!, unitId, await intakeInput('1.004873'));
    t.clock.set('2026-03-05T02:00:00.000Z'); // Thu 09:00, the due day itself
    await expect(
      svc().act(
        actors.lanhdao!,
        unitId,
        late.id,
        action('apologise', late.version, { reason: 'Muộn', newDueAt: '2026-03-10T16:00' }),
      ),
    ).rejects.toThrow(/chậm nhất 01 ngày trước hạn/);
    await expect(
      svc().act(
        actors.lanhdao!,
        unitId,
        late.id,
        action('apologise', late.version, { reason: 'Muộn', newDueAt: 'ngày mai' }),
      ),
    ).rejects.toMatchObject({ field: 'newDueAt' });
  });
});
