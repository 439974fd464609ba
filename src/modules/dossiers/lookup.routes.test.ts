import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { actionInput } from '../../../test/dossiers.js';
import type { Actor } from '../accounts/actor.js';
import type { DossierRow } from './dossiers.repository.js';
import type { ActionInput } from './dossiers.schemas.js';
import { lookupMessages } from './lookup.messages.js';

/*
 * The public look-up on the demo commune (Tân Hồng), on the dialect under test: a dossier received through
 * DossierService, then read back by the page and by the API.
 */

let t: TestApp;
let unitId: number;
const actors: Record<string, Actor> = {};
let open: DossierRow;
let refused: DossierRow;
const f = lookupMessages.field;

const applicant = {
  name: 'Nguyễn Thị Hằng',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'hang@example.com',
  address: 'Số 12 ngõ Hoa Sữa, thôn Mộ Trạch',
};
const SECRETS = [
  'Nguyễn Thị Hằng',
  '001190012345',
  '0912345678',
  'hang@example.com',
  'ngõ Hoa Sữa',
  'tài khoản mẫu', // the demo staff's full names
];

const svc = () => t.deps.dossiers.service;
const act = (actor: string, d: DossierRow, input: Partial<ActionInput> & Pick<ActionInput, 'action'>) =>
  svc().act(actors[actor]!, unitId, d.id, actionInput(input.action, d.version, input));

async function intake(): Promise<DossierRow> {
  const p = await t.deps.procedures.service.byCode(unitId, '1.004873');
  const { dossier } = await svc().intake(actors.motcua!, unitId, {
    procedureCode: p.code,
    channel: 'counter',
    applicant,
    requestSummary: '',
    provided: p.documents.filter((d) => d.required).map((d) => d.name),
    sets: 1,
    returnMethod: 'counter',
    idempotencyKey: null,
  });
  return dossier;
}

const get = (url: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress });

beforeAll(async () => {
  // Tue 10/02/2026 09:00 in Vietnam.
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  unitId = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
  for (const username of ['motcua', 'chuyenvien', 'lanhdao']) {
    const row = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    actors[username] = await t.deps.accounts.actorOf(row.id);
  }
  open = await intake();
  t.clock.advance(3_600_000); // 10:00
  open = await act('motcua', open, { action: 'assign', assigneeId: actors.chuyenvien!.id });
  t.clock.advance(3_600_000); // 11:00
  open = await act('chuyenvien', open, {
    action: 'request_supplement',
    reason: 'Bà Nguyễn Thị Hằng cần bổ sung bản sao; gọi lại 0912345678',
    documents: ['Bản sao giấy chứng nhận kết hôn'],
  });
  refused = await intake();
  t.clock.advance(3_600_000); // 12:00
  refused = await act('lanhdao', refused, { action: 'refuse', reason: 'Không thuộc thẩm quyền của xã' });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.advance(60_000); // a full token bucket for 127.0.0.1 in each test
});

describe('GET /tra-cuu-ho-so', () => {
  it('shows the form in the portal, with a label, a hint and a heading, and links it from the sidebar', async () => {
    const res = await get('/tra-cuu-ho-so');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Tra cứu hồ sơ</h1>');
    expect(res.body).toContain('<label for="ma">Mã hồ sơ</label>');
    expect(res.body).toMatch(/<form class="lookup-form" method="get" action="\/tra-cuu-ho-so"/);
    expect(res.body).toMatch(/<a href="\/tra-cuu-ho-so"[^>]*>Tra cứu hồ sơ<\/a>/); // the quick link
    expect(res.body).not.toContain('id="ket-qua"');
    const home = await get('/');
    expect(home.body).toMatch(/href="\/tra-cuu-ho-so"/);
  });

  it('shows the dossier the QR code names: masked name, status, due date and history in order', async () => {
    const res = await get(`/tra-cuu-ho-so?ma=${encodeURIComponent(open.code!)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toContain(`<h2 id="ket-qua">Hồ sơ ${open.code}</h2>`);
    expect(html).toContain('<h3 id="qua-trinh">Quá trình giải quyết</h3>');
    expect(html).toContain('<dd>Nguyễn T** H***</dd>');
    expect(html).toContain('<strong>Yêu cầu bổ sung hồ sơ</strong>');
    expect(html).toContain('Tạm dừng tính hạn');
    expect(html).toContain('Xã Tân Hồng');
    expect(html).toContain('<meta name="robots" content="noindex');
    const steps = [
      'Bộ phận Một cửa đã tiếp nhận hồ sơ.',
      'Hồ sơ được chuyển đến bộ phận chuyên môn để giải quyết.',
      'Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ',
    ].map((s) => html.indexOf(s));
    expect(steps.every((i) => i > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(html).toContain('<time datetime="2026-02-10T09:00:00+07:00">thứ Ba, 10/02/2026 lúc 09:00</time>');
    expect(html).toContain('Lý do: Bà Nguyễn T** H*** cần bổ sung bản sao; gọi lại [đã ẩn]');
    expect(html).toContain('<li>Bản sao giấy chứng nhận kết hôn</li>');
    for (const secret of SECRETS) {
      expect(html).not.toContain(secret);
    }
    // The form stays below for another code, filled with this one.
    expect(html).toContain('<h2>Tra cứu hồ sơ khác</h2>');
    expect(html).toContain(`value="${open.code}"`);
  });

  it('accepts the code in lower case and with spaces, and shows an ended dossier’s timing', async () => {
    const code = refused.code!.toLowerCase().replace('-', ' - ');
    const res = await get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Hồ sơ ${refused.code}`);
    expect(res.body).toContain('<strong>Từ chối tiếp nhận, giải quyết</strong>');
    expect(res.body).toContain('Lý do: Không thuộc thẩm quyền của xã');
    expect(res.body).toContain('<dt>Thời gian giải quyết</dt><dd>Trước hạn</dd>');
  });

  it('shows a dossier of another unit on this unit’s portal, naming the unit that received it', async () => {
    const other = t.deps.directory.all().find((u) => u.slug !== 'tan-hong' && u.kind === 'commune')!;
    const res = await get(`/${other.slug}/tra-cuu-ho-so?ma=${encodeURIComponent(open.code!)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<dd>Xã Tân Hồng</dd>`);
    expect(res.body).toContain(`action="/${other.slug}/tra-cuu-ho-so"`);
  });

  it('answers a malformed code with 400 at the field, the input kept', async () => {
    const res = await get('/tra-cuu-ho-so?ma=abc%3Cb%3E');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<p id="ma-error" class="field-error">`);
    expect(res.body).toContain(f.malformed);
    expect(res.body).toContain('value="abc&lt;b>"'); // escaped
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('<a href="#ma">'); // the error summary
    const empty = await get('/tra-cuu-ho-so?ma=');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(f.empty);
  });

  it('answers a well-formed unknown code with 404 at the field, the input kept', async () => {
    const res = await get('/tra-cuu-ho-so?ma=000.00.13.h12-991231-0001');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(f.notFound('000.00.13.H12-991231-0001'));
    expect(res.body).toContain('value="000.00.13.h12-991231-0001"');
    expect(res.body).not.toContain('id="ket-qua"');
  });
});

describe('GET /api/v1/dossiers/:code', () => {
  it('answers the same public view as JSON, instants at +07:00, history in order, no personal data', async () => {
    const res = await get(`/api/v1/dossiers/${encodeURIComponent(open.code!.toLowerCase())}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json<Record<string, unknown> & { history: { action: string; at: string }[] }>();
    expect(body).toMatchObject({
      code: open.code,
      unit: { slug: 'tan-hong', name: 'Xã Tân Hồng' },
      status: { code: 'supplement_requested', nationalCode: 5, label: 'Yêu cầu bổ sung hồ sơ' },
      channel: { code: 'counter', nationalCode: 1 },
      applicantName: 'Nguyễn T** H***',
      receivedAt: '2026-02-10T09:00:00+07:00',
      dueAt: null,
      duePaused: true,
      timing: null,
    });
    expect(body.history.map((e) => e.action)).toEqual(['intake', 'assign', 'request_supplement']);
    expect(body.history.map((e) => e.at)).toEqual([
      '2026-02-10T09:00:00+07:00',
      '2026-02-10T10:00:00+07:00',
      '2026-02-10T11:00:00+07:00',
    ]);
    for (const secret of SECRETS) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('shows the due date in force and the timing of an ended dossier', async () => {
    const res = await get(`/api/v1/dossiers/${encodeURIComponent(refused.code!)}`);
    expect(res.json()).toMatchObject({
      status: { code: 'refused', nationalCode: 3 },
      dueAt: '2026-02-13T17:00:00+07:00',
      endedAt: '2026-02-10T12:00:00+07:00',
      timing: { code: 'early', label: 'Trước hạn' },
    });
  });

  it('answers 400 for a malformed code and 404 for an unknown one, in Vietnamese', async () => {
    const bad = await get('/api/v1/dossiers/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_code', message: f.malformed, field: 'code' });
    const unknown = await get('/api/v1/dossiers/000.00.13.H12-991231-0001');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: 'dossier_not_found',
      message: f.notFound('000.00.13.H12-991231-0001'),
      field: 'code',
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes every field the API answers, and every error answer', async () => {
    type Schema = { required?: string[]; properties?: Record<string, Schema>; items?: Schema };
    const doc = (await get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, Schema> };
    }>();
    const op = doc.paths['/api/v1/dossiers/{code}']?.get;
    expect(Object.keys(op?.responses ?? {})).toEqual(['200', '400', '404', '429']);
    const schema = doc.components.schemas.PublicDossier!;
    const body = (await get(`/api/v1/dossiers/${open.code!}`)).json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual([...schema.required!].sort());
    expect(Object.keys(schema.properties!).sort()).toEqual([...schema.required!].sort());
    const history = body.history as Record<string, unknown>[];
    expect(Object.keys(history[0]!).sort()).toEqual([...schema.properties!.history!.items!.required!].sort());
  });
});

describe('the limit per IP address', () => {
  it('allows 30 look-ups a minute, then answers 429 with Retry-After, page and API alike', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i++) {
      const r = await get(i % 2 ? `/tra-cuu-ho-so?ma=${open.code!}` : `/api/v1/dossiers/${open.code!}`, ip);
      expect(r.statusCode).toBe(200);
    }
    const page = await get(`/tra-cuu-ho-so?ma=${open.code!}`, ip);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBe('2');
    expect(page.body).toContain(f.tooMany(2));
    expect(page.body).toContain(`value="${open.code!}"`);
    expect(page.body).not.toContain('id="ket-qua"');
    const api = await get(`/api/v1/dossiers/${open.code!}`, ip);
    expect(api.statusCode).toBe(429);
    expect(api.headers['retry-after']).toBe('2');
    expect(api.json()).toEqual({
      error: 'rate_limited',
      message: 'Đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau 1 phút.',
    });
    // Another address is not affected; the form itself is never limited; 2 s later one more look-up.
    expect((await get(`/api/v1/dossiers/${open.code!}`, '203.0.113.10')).statusCode).toBe(200);
    expect((await get('/tra-cuu-ho-so', ip)).statusCode).toBe(200);
    t.clock.advance(2_000);
    expect((await get(`/api/v1/dossiers/${open.code!}`, ip)).statusCode).toBe(200);
    expect((await get(`/api/v1/dossiers/${open.code!}`, ip)).statusCode).toBe(429);
  });
});
