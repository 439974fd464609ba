import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, csrfFrom, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser } from '../../../test/staff.js';
import { apiActorOf, requireApiRole } from '../../http/auth.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { accountMessages } from './accounts.messages.js';

const m = accountMessages.apiTokens;
const ROUTE = '/api/test/mot-cua';

let t: TestApp;
let tanHong: number;
let officer: number;
let editor: number;
let admin: number;
let elsewhere: number;

beforeAll(async () => {
  t = await buildTestApp({
    // A test-only API route that needs the one-stop officer's role in the request's unit.
    routes: (app, deps) => {
      const guard = { preHandler: requireApiRole(deps.accounts, ['one_stop_officer']) };
      app.get(ROUTE, guard, async (req) => ({ username: apiActorOf(req).username }));
      app.post(ROUTE, guard, async (req) => ({ username: apiActorOf(req).username, body: req.body }));
    },
  });
  tanHong = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  const thaiHoc = await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  officer = await addStaff(t, tanHong, 'mot.cua', ['one_stop_officer']);
  editor = await addStaff(t, tanHong, 'bien.tap', ['editor']);
  admin = await addStaff(t, tanHong, 'quan.tri', ['admin']);
  elsewhere = await addStaff(t, thaiHoc, 'thai.hoc', ['one_stop_officer']);
});
afterAll(async () => {
  await t.close();
});

const tokens = () => t.deps.accounts.tokens;
const newToken = async (accountId: number, days: number | null = null) =>
  (await tokens().create(null, accountId, { name: 'Kết nối thử', days })).token;

function call(
  url: string,
  token: string | null,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: object } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: opts.method ?? 'GET',
    url,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...opts.headers },
    ...(opts.payload ? { payload: opts.payload } : {}),
  });
}

function expectInvalidToken(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(401);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
  expect(res.json()).toEqual({ error: 'invalid_token', message: m.invalidToken });
}

const auditActions = async (entityId: number) =>
  (
    await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'unitId'])
      .where('entity', '=', 'api_token')
      .where('entityId', '=', String(entityId))
      .orderBy('id')
      .execute()
  ).map((r) => `${r.action}@${r.unitId}`);

describe('API tokens (service)', () => {
  it('creates a cx_ token shown once, keeps only its SHA-256 and its prefix, and audits it', async () => {
    const created = await tokens().create(null, officer, { name: 'Phần mềm một cửa tỉnh', days: 30 });
    expect(created.token).toMatch(/^cx_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(created.expiresAt).toBe('2026-12-20T03:00:00.000Z');
    const row = await t.deps.db
      .selectFrom('apiToken')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
    expect(await auditActions(created.id)).toEqual([`api_token.create@${tanHong}`]);
  });

  it('lists an account’s tokens with their state, and revokes one once, audited', async () => {
    const own = await tokens().create(null, editor, { name: 'Báo cáo', days: 1 });
    await tokens().create(null, editor, { name: 'Không hết hạn', days: null });
    expect((await tokens().list(editor)).map((r) => [r.name, r.state])).toEqual([
      ['Không hết hạn', 'active'],
      ['Báo cáo', 'active'],
    ]);
    t.clock.advance(86_400_000);
    expect((await tokens().list(editor)).map((r) => r.state)).toEqual(['active', 'expired']);
    await expect(tokens().revoke(null, own.id, { ownerId: officer })).rejects.toThrow(NotFoundError);
    await tokens().revoke(null, own.id, { ownerId: editor, ip: '203.0.113.9' });
    expect((await tokens().list(editor)).map((r) => r.state)).toEqual(['active', 'revoked']);
    await expect(tokens().revoke(null, own.id)).rejects.toThrow(ConflictError);
    expect(await auditActions(own.id)).toEqual([
      `api_token.create@${tanHong}`,
      `api_token.revoke@${tanHong}`,
    ]);
    t.clock.advance(-86_400_000);
  });

  it('gives tokens only to enabled staff accounts, and only to oneself', async () => {
    const citizen = await t.deps.db
      .insertInto('account')
      .values({
        kind: 'citizen',
        username: 'nguoi.dan',
        fullName: 'Người dân',
        email: null,
        passwordHash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(tokens().create(null, citizen.id, { name: 'x', days: null })).rejects.toThrow(
      accountMessages.errors.tokenStaffOnly,
    );
    const self = await t.deps.accounts.actorOf(editor);
    await expect(tokens().create(self, officer, { name: 'x', days: null })).rejects.toThrow(ForbiddenError);
    expect(await tokens().staffIdOf('nguoi.dan')).toBeUndefined();
    expect(await tokens().staffIdOf(' Mot.Cua ')).toBe(officer);
  });
});

describe('Bearer tokens on the API', () => {
  it('authenticate a staff API route with the account’s roles in the request’s unit', async () => {
    const token = await newToken(officer);
    const res = await call(ROUTE, token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ username: 'mot.cua' });
    // The officer's role is in Tân Hồng, not in Thái Học (a unit prefix selects the unit).
    const other = await call(`/thai-hoc${ROUTE}`, token);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({ error: 'role_required', message: m.forbidden });
    expect((await call(`/thai-hoc${ROUTE}`, await newToken(elsewhere))).statusCode).toBe(200);
  });

  it('answer 403 JSON without the role and 401 with a challenge without credentials', async () => {
    const res = await call(ROUTE, await newToken(editor));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'role_required' });
    const anonymous = await call(ROUTE, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="congxa"');
    expect(anonymous.json()).toEqual({ error: 'authentication_required', message: m.authRequired });
  });

  it('refuse revoked, expired and made-up tokens with 401 invalid_token, on public API routes too', async () => {
    const revoked = await tokens().create(null, officer, { name: 'Thu hồi', days: null });
    await tokens().revoke(null, revoked.id);
    expectInvalidToken(await call(ROUTE, revoked.token));

    const expiring = await newToken(officer, 1);
    expect((await call(ROUTE, expiring)).statusCode).toBe(200);
    t.clock.advance(86_400_000);
    expectInvalidToken(await call(ROUTE, expiring));
    t.clock.advance(-86_400_000);

    const valid = await newToken(officer);
    // One character changed (never to itself: a token ending in A would stay valid, 1 run in 64).
    const changed = `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`;
    for (const garbage of ['abc', changed, 'cx_', `${valid} ${valid}`]) {
      expectInvalidToken(await call(ROUTE, garbage));
    }
    // A public route answers a refused token too, so an integration learns at once that its token is dead.
    expectInvalidToken(await call('/api/v1/calendar/days-off?year=2026', 'cx_not-a-token'));
    expect((await call('/api/v1/calendar/days-off?year=2026', valid)).statusCode).toBe(200);
  });

  it('stop working when the account is disabled, and disabling revokes them', async () => {
    const who = await addStaff(t, tanHong, 'se.khoa', ['one_stop_officer']);
    const token = await newToken(who);
    expect((await call(ROUTE, token)).statusCode).toBe(200);
    // Disabled behind the service's back: refused at use.
    await t.deps.db.updateTable('account').set({ disabled: 1 }).where('id', '=', who).execute();
    expectInvalidToken(await call(ROUTE, token));
    await t.deps.db.updateTable('account').set({ disabled: 0 }).where('id', '=', who).execute();
    expect((await call(ROUTE, token)).statusCode).toBe(200);
    // Disabled by the unit's admin: every token revoked, so enabling the account again does not revive them.
    const byAdmin = await t.deps.accounts.actorOf(admin);
    await t.deps.accounts.setDisabled(byAdmin, who, tanHong, true, null);
    expectInvalidToken(await call(ROUTE, token));
    expect((await tokens().list(who)).map((r) => r.state)).toEqual(['revoked']);
    await t.deps.accounts.setDisabled(byAdmin, who, tanHong, false, null);
    expectInvalidToken(await call(ROUTE, token));
  });

  it('record the last use at most once a minute', async () => {
    const created = await tokens().create(null, officer, { name: 'Đếm', days: null });
    const lastUsed = async () => (await tokens().list(officer)).find((r) => r.id === created.id)?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await call(ROUTE, created.token);
    expect(await lastUsed()).toBe('2026-11-20T03:00:00.000Z');
    t.clock.advance(59_000);
    await call(ROUTE, created.token);
    expect(await lastUsed()).toBe('2026-11-20T03:00:00.000Z');
    t.clock.advance(2_000);
    await call(ROUTE, created.token);
    expect(await lastUsed()).toBe('2026-11-20T03:01:01.000Z');
    t.clock.advance(-61_000);
  });

  it('need no CSRF token on a bearer POST, while a cookie POST without one is refused', async () => {
    const token = await newToken(officer);
    const bearer = await call(ROUTE, token, { method: 'POST', payload: { a: 1 } });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toEqual({ username: 'mot.cua', body: { a: 1 } });

    const browser = new Browser(t);
    expect((await browser.signIn('', 'mot.cua')).statusCode).toBe(303);
    const cookie = cookieHeader(browser.jar);
    const forged = await call(ROUTE, null, { method: 'POST', headers: { cookie }, payload: { a: 1 } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: 'csrf_invalid' });
    const csrf = csrfFrom((await browser.get('/quan-tri')).body);
    const withToken = await call(ROUTE, null, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { a: 1 },
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('never authenticate an HTML page, nor let a cookie ride on a bearer request', async () => {
    const token = await newToken(admin);
    const page = await call('/quan-tri', token);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/\/quan-tri\/dang-nhap/);

    const browser = new Browser(t);
    await browser.signIn('', 'mot.cua');
    const cookie = cookieHeader(browser.jar);
    // A signed-in browser sending a bearer header: the page ignores both (the header skipped the CSRF check).
    const withCookie = await call('/quan-tri', 'cx_whatever', { headers: { cookie } });
    expect(withCookie.statusCode).toBe(303);
    expectInvalidToken(await call(ROUTE, 'cx_whatever', { headers: { cookie } }));
    // Off /api/ a bearer header exempts from nothing: a form post without its CSRF token is refused.
    const post = await call('/quan-tri/dang-xuat', token, { method: 'POST', headers: { cookie } });
    expect(post.statusCode).toBe(403);
    expect((await browser.get('/quan-tri')).statusCode).toBe(200);
  });
});

describe('The account page (/quan-tri/tai-khoan)', () => {
  const TOKEN = /<code class="token">(cx_[A-Za-z0-9_-]{43})<\/code>/;

  it('creates a token shown once, lists it without the token, and revokes it, with CSRF', async () => {
    const browser = new Browser(t);
    await browser.signIn('', 'mot.cua');
    const dashboard = await browser.get('/quan-tri');
    expect(dashboard.body).toContain('href="/quan-tri/tai-khoan"');

    const form = await browser.get('/quan-tri/tai-khoan');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Tài khoản của tôi</h1>');
    expect(form.body).toContain('href="/api/docs"');

    const refused = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/tai-khoan/khoa-api',
      headers: { cookie: cookieHeader(browser.jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Kh%C3%B4ng+CSRF',
    });
    expect(refused.statusCode).toBe(403);

    const created = await browser.submit(
      '/quan-tri/tai-khoan',
      { name: 'Phần mềm một cửa', days: '30' },
      '/quan-tri/tai-khoan/khoa-api',
    );
    expect(created.statusCode).toBe(200);
    const token = TOKEN.exec(created.body)?.[1] ?? '';
    expect(created.body).toContain(m.shownOnceWarning);
    expect((await call(ROUTE, token)).json()).toEqual({ username: 'mot.cua' });

    const again = await browser.get('/quan-tri/tai-khoan');
    expect(again.body).not.toContain(token);
    expect(again.body).toContain(`${token.slice(0, 10)}…`);
    expect(again.body).toContain('Phần mềm một cửa');

    const row = (await tokens().list(officer)).find((r) => r.prefix === token.slice(0, 10));
    const revoked = await browser.submit(
      '/quan-tri/tai-khoan',
      {},
      `/quan-tri/tai-khoan/khoa-api/${row?.id ?? 0}/thu-hoi`,
    );
    expect(revoked.statusCode).toBe(303);
    expectInvalidToken(await call(ROUTE, token));
    expect((await browser.get('/quan-tri/tai-khoan')).body).toContain(m.revoked);
  });

  it('keeps the input and shows the problem at the field, and never touches another member’s token', async () => {
    const browser = new Browser(t);
    await browser.signIn('', 'bien.tap');
    const bad = await browser.submit(
      '/quan-tri/tai-khoan',
      { name: '  ', days: '99999' },
      '/quan-tri/tai-khoan/khoa-api',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(accountMessages.fields.token_name_required);
    expect(bad.body).toContain(accountMessages.fields.token_days_invalid);
    expect(bad.body).toContain('value="99999"');

    const theirs = await tokens().create(null, officer, { name: 'Của người khác', days: null });
    const res = await browser.submit(
      '/quan-tri/tai-khoan',
      {},
      `/quan-tri/tai-khoan/khoa-api/${theirs.id}/thu-hoi`,
    );
    expect(res.statusCode).toBe(404);
    expect((await call(ROUTE, theirs.token)).statusCode).toBe(200);
  });
});
