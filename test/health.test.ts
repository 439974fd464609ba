import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.js';
import { TEST_DIALECT } from './db.js';

describe('GET /healthz', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers ok with the dialect and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: TEST_DIALECT, version: t.deps.version });
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });

  it('refuses a form post without a CSRF token with an explaining 403 page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/quan-tri/dang-nhap', payload: { a: 'b' } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Phiên làm việc của biểu mẫu đã hết hạn');
  });
});

describe('unit addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const base = {
      kind: 'commune',
      parentId: null,
      adminCode: null,
      agencyCode: null,
      host: null,
      isDemo: false,
    } as const;
    await t.deps.units.createUnit(null, {
      ...base,
      slug: 'xa-mac-dinh',
      name: 'Xã Mặc Định',
      fullName: 'UBND xã Mặc Định',
      isDefault: true,
    });
    await t.deps.units.createUnit(null, {
      ...base,
      slug: 'xa-khac',
      name: 'Xã Khác',
      fullName: 'UBND xã Khác',
      isDefault: false,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("redirects the default unit's slug prefix to the site root, once (temporary: the default may change)", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/xa-mac-dinh/tim-kiem?q=a' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/tim-kiem?q=a');
  });

  it('serves another unit under its prefix', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/xa-khac/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Xã Khác'.toUpperCase());
  });

  it('answers an unknown unit or page with a 404 page in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/xa-khong-co/bai-viet/abc' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Không tìm thấy trang');
  });
});
