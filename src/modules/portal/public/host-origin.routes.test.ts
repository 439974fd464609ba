import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { addUnit } from '../../../../test/staff.js';

/**
 * M2: absolute links and the page cache never take a stranger's Host header. Without PUBLIC_URL only a unit's host
 * and the local machine are known hosts; an answer for any other host has relative links and is not cached, so
 * made-up hosts can neither be reflected nor grow memory.
 */
const EVIL = 'evil.example';

describe('without PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
    await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, host: string) => t.app.inject({ method: 'GET', url, headers: { host } });

  it('answers an unknown host with relative links, and caches nothing for it', async () => {
    const before = t.deps.portal.pageCache.size.entries;
    for (let i = 0; i < 20; i++) {
      const res = await get('/', `x${i}.${EVIL}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(EVIL);
      expect(res.body).toContain('<link rel="canonical" href="/"');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(t.deps.portal.pageCache.size.entries).toBe(before);
  });

  it.each(['/rss.xml', '/sitemap.xml', '/robots.txt', '/thai-hoc/'])(
    'keeps the host out of %s',
    async (url) => {
      const res = await get(url, EVIL);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(EVIL);
    },
  );

  it('builds absolute links for localhost and caches the page', async () => {
    const before = t.deps.portal.pageCache.size.entries;
    const res = await get('/so-do-trang', 'localhost:3000');
    expect(res.body).toContain('<link rel="canonical" href="http://localhost:3000/so-do-trang"');
    expect(t.deps.portal.pageCache.size.entries).toBe(before + 1);
  });

  it("builds a unit's links from its own host, and still no absolute link for a stranger's", async () => {
    await t.deps.units.setHost(null, 'thai-hoc', 'thaihoc.example.gov.vn', undefined);
    const res = await get('/', EVIL);
    expect(res.body).not.toContain(EVIL);
    expect(res.body).toContain('<link rel="canonical" href="/"');
    const own = await get('/', 'thaihoc.example.gov.vn');
    expect(own.body).toContain('<link rel="canonical" href="http://thaihoc.example.gov.vn/"');
    expect(own.headers['cache-control']).toBe('no-cache');
  });

  it('keeps search pages out of the main page cache', async () => {
    const before = t.deps.portal.pageCache.size.entries;
    for (let i = 0; i < 10; i++) {
      expect((await get(`/tim-kiem?q=tu-khoa-${i}`, 'localhost')).statusCode).toBe(200);
    }
    expect(t.deps.portal.pageCache.size.entries).toBe(before);
    // Still cached in their own small cache: a repeat is revalidated by its ETag.
    const first = await get('/tim-kiem?q=tu-khoa-1', 'localhost');
    const again = await t.app.inject({
      method: 'GET',
      url: '/tim-kiem?q=tu-khoa-1',
      headers: { host: 'localhost', 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('with PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { PUBLIC_URL: 'https://tanhong.example.gov.vn' } });
    await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds every absolute link from PUBLIC_URL whatever the Host header, and caches one copy', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/rss.xml', headers: { host: EVIL } });
    expect(a.body).not.toContain(EVIL);
    expect(a.body).toContain('https://tanhong.example.gov.vn/');
    const entries = t.deps.portal.pageCache.size.entries;
    await t.app.inject({ method: 'GET', url: '/rss.xml', headers: { host: `other.${EVIL}` } });
    expect(t.deps.portal.pageCache.size.entries).toBe(entries);
  });
});
