import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';

/* The staff API (issue #3 item 9): intake and actions with an API token, on the demo commune (the default unit). */

let t: TestApp;
const tokens: Record<string, string> = {};

async function tokenFor(username: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const created = await t.deps.accounts.tokens.create(null, row.id, {
    name: 'tích hợp',
    days: null,
  });
  return created.token;
}

const api = (
  method: 'GET' | 'POST',
  url: string,
  who: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  for (const u of ['motcua', 'chuyenvien', 'lanhdao', 'bientap']) {
    tokens[u] = await tokenFor(u);
  }
});
afterAll(async () => {
  await t.close();
});

const unitDocs = async () => {
  const unit = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!;
  return (await t.deps.procedures.service.byCode(unit.id, '1.004873')).documents
    .filter((d) => d.required)
    .map((d) => d.name);
};

describe('staff API', () => {
  it('takes a dossier in with its code and due date, once per idempotency key', async () => {
    const body = {
      procedureCode: '1.004873',
      applicant: { name: 'Đỗ Thị Mai', idNumber: '001190099999', phone: '0987654321' },
      provided: await unitDocs(),
    };
    const first = await api('POST', '/api/v1/dossiers', 'motcua', body, {
      'idempotency-key': 'he-thong-a-123',
    });
    expect(first.statusCode).toBe(201);
    const d = first.json<{
      code: string;
      dueAt: string;
      status: { nationalCode: number };
      version: number;
    }>();
    expect(d.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-260210-\d{4}$/);
    expect(d.dueAt).toBe('2026-02-13T17:00:00+07:00');
    expect(d.status.nationalCode).toBe(2);
    const again = await api('POST', '/api/v1/dossiers', 'motcua', body, {
      'idempotency-key': 'he-thong-a-123',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ code: string }>().code).toBe(d.code);
  });

  it('answers bad input with 422 at the field, and other roles with 403', async () => {
    const bad = await api('POST', '/api/v1/dossiers', 'motcua', {
      procedureCode: '1.004873',
      applicant: { name: 'A', idNumber: '12', phone: '0987654321' },
      provided: [],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      field: 'applicant.idNumber',
      message: 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
    });
    const editor = await api('POST', '/api/v1/dossiers', 'bientap', {});
    expect(editor.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('runs the workflow by code with versions, and reports a stale version as 409', async () => {
    const created = await api('POST', '/api/v1/dossiers', 'motcua', {
      procedureCode: '1.004873',
      applicant: { name: 'Vũ Văn Hải', phone: '0987654322' },
      provided: await unitDocs(),
    });
    const d = created.json<{ code: string; version: number }>();
    const url = `/api/v1/dossiers/${encodeURIComponent(d.code)}/actions`;
    const specialist = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'chuyenvien')
      .executeTakeFirstOrThrow();
    const assigned = await api('POST', url, 'motcua', {
      action: 'assign',
      version: d.version,
      assigneeId: specialist.id,
    });
    expect(assigned.statusCode).toBe(200);
    const a = assigned.json<{ version: number; status: { code: string } }>();
    expect(a.status.code).toBe('processing');
    const stale = await api('POST', url, 'lanhdao', { action: 'stop', version: d.version, reason: 'Thử' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ message: string }>().message).toContain('Hồ sơ vừa được');
    const submitted = await api('POST', url, 'chuyenvien', {
      action: 'submit_for_approval',
      version: a.version,
    });
    expect(submitted.json<{ status: { code: string } }>().status.code).toBe('awaiting_approval');
    const list = await api('GET', '/api/v1/dossiers?queue=approval', 'lanhdao');
    expect(list.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain(d.code);
    const unknown = await api('POST', '/api/v1/dossiers/000.00.00.H00-260210-9999/actions', 'motcua', {
      action: 'assign',
      version: 1,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
