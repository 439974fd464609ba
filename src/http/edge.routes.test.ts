import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, csrfFrom, type TestApp } from '../../test/app.js';
import { addStaff, addUnit, Browser, multipart, tinyPng } from '../../test/staff.js';
import { trustProxyOption } from '../app.js';
import { loadConfig } from '../config.js';
import { httpMessages } from './http.messages.js';

/**
 * The HTTP edge under attack: open redirects, multipart bodies before sign-in and CSRF, NUL bytes, malformed
 * uploads, Fastify's own errors, admin caching, CSRF binding and the /api exemption, TRUST_PROXY hops.
 */

let t: TestApp;
let unitId: number;
let categoryId: number;

beforeAll(async () => {
  t = await buildTestApp({ env: { UPLOAD_MAX_MB: '0.1' } });
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  await addStaff(t, unitId, 'bientap', ['editor']);
  await addStaff(t, unitId, 'chuyenvien', ['specialist']);
  const admin = await addStaff(t, unitId, 'truongban', ['chief_editor']);
  categoryId = await t.deps.portalAdmin.categories.save(
    await t.deps.accounts.actorOf(admin),
    unitId,
    null,
    { name: 'Tin tức', slug: '', description: '', position: 0, showOnHome: true, showInMenu: true },
    null,
  );
});
afterAll(async () => {
  await t.close();
});

const BOUNDARY = '----edge-test-boundary';

/**
 * A multipart body of `totalBytes` (one big file part) produced only as it is read, so a test can tell how much
 * of it the server consumed.
 */
function lazyMultipart(totalBytes: number, field = 'file'): { stream: Readable; read: () => number } {
  let produced = 0;
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const stream = new Readable({
    read() {
      if (produced === 0) {
        produced += head.length;
        this.push(head);
      } else if (produced >= totalBytes) {
        this.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
        this.push(null);
      } else {
        produced += chunk.length;
        this.push(chunk);
      }
    },
  });
  return { stream, read: () => produced };
}

const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;

describe('H2: the default unit prefix never redirects off the site', () => {
  it.each([
    ['/tan-hong//evil.example', '/evil.example'],
    ['/tan-hong/%2F%2Fevil.example', '/evil.example'],
    ['/tan-hong/%5Cevil.example', '/evil.example'],
    ['/tan-hong/%2f/%5C/evil.example', '/evil.example'],
    ['/tan-hong/tim-kiem?q=a', '/tim-kiem?q=a'],
  ])('%s → %s (302)', async (url, location) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(location);
  });

  it('handles a raw backslash after the prefix', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tan-hong/\\evil.example' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/evil.example');
  });

  it('refuses the chained sign-in redirect through the prefix', async () => {
    const b = new Browser(t);
    for (const tiep of [
      '/tan-hong//evil.example',
      '/tan-hong/\\evil.example',
      '/tan-hong/%2F%2Fevil.example',
    ]) {
      const form = await b.get(`/quan-tri/dang-nhap?tiep=${encodeURIComponent(tiep)}`);
      expect(form.body).not.toContain('evil.example');
      const res = await b.submit('/quan-tri/dang-nhap', {
        username: 'bientap',
        password: 'mat-khau-du-dai-123',
        tiep,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/quan-tri');
    }
  });
});

describe('H3: multipart only on upload routes, and only after the guard and the CSRF check', () => {
  it('answers an anonymous multipart post to the sign-in page with 415, without reading the body', async () => {
    const body = lazyMultipart(50 * 1024 * 1024);
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/dang-nhap',
      headers: { 'content-type': multipartType },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain(httpMessages.multipartNotHere);
    expect(body.read()).toBeLessThan(1024 * 1024);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('sends an anonymous upload to sign in (303) before reading its body', async () => {
    for (const url of [
      '/quan-tri/tep',
      '/quan-tri/tep/tai-len',
      '/quan-tri/bai-viet/moi',
      '/quan-tri/cai-dat/logo',
    ]) {
      const body = lazyMultipart(50 * 1024 * 1024);
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': multipartType },
        payload: body.stream,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/quan-tri\/dang-nhap\?tiep=/);
      expect(body.read()).toBeLessThan(1024 * 1024);
    }
  });

  it('refuses an upload without the CSRF token in the URL or header (403) before reading its body', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const body = lazyMultipart(50 * 1024 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/tep',
      headers: { cookie: cookieHeader(b.jar), 'content-type': multipartType },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Phiên làm việc của biểu mẫu đã hết hạn');
    expect(body.read()).toBeLessThan(1024 * 1024);
  });

  it('refuses an upload from staff without the role (403) before reading its body', async () => {
    const b = new Browser(t);
    await b.signIn('', 'chuyenvien');
    const token = csrfFrom((await b.get('/quan-tri')).body);
    const body = lazyMultipart(50 * 1024 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: `/quan-tri/tep?_csrf=${token}`,
      headers: { cookie: cookieHeader(b.jar), 'content-type': multipartType },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Bạn không có quyền truy cập');
    expect(body.read()).toBeLessThan(1024 * 1024);
  });

  it('puts the CSRF token in the action URL of every multipart form', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    for (const url of ['/quan-tri/tep', '/quan-tri/bai-viet/moi']) {
      const page = await b.get(url);
      const token = csrfFrom(page.body);
      expect(page.body).toMatch(
        new RegExp(`action="[^"]*\\?_csrf=${token}"[^>]*enctype="multipart/form-data"`),
      );
    }
  });

  it('takes one file per file field: a second file is a 413 that says so', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const png = { field: 'file', filename: 'a.png', contentType: 'image/png', data: tinyPng() };
    const res = await b.submitMultipart('/quan-tri/tep', { alt: 'Ảnh' }, [png, png]);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain(httpMessages.tooManyFiles);
    const stray = await b.submitMultipart('/quan-tri/tep', { alt: 'Ảnh' }, [{ ...png, field: 'khac' }]);
    expect(stray.statusCode).toBe(413);
  });
});

describe('M5: too many fields is a 413 that says so, not "file too large"', () => {
  it('refuses a form with more fields than any form has', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const fields = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}`, 'x']));
    const res = await b.submitMultipart('/quan-tri/tep', fields, []);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain(httpMessages.tooManyFields);
  });
});

describe('M1: malformed multipart bodies are a 400 in Vietnamese', () => {
  let b: Browser;
  let url: string;
  beforeAll(async () => {
    b = new Browser(t);
    await b.signIn('', 'bientap');
    url = `/quan-tri/tep?_csrf=${csrfFrom((await b.get('/quan-tri/tep')).body)}`;
  });

  it('answers a multipart type without a boundary with 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieHeader(b.jar), 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(httpMessages.malformedForm);
  });

  it('answers a body cut short with 400', async () => {
    const { payload, contentType } = multipart({ alt: 'x' }, [
      { field: 'file', filename: 'a.png', contentType: 'image/png', data: tinyPng() },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieHeader(b.jar), 'content-type': contentType },
      payload: payload.subarray(0, payload.length - 30),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(httpMessages.malformedForm);
  });
});

describe('M5: an oversize file keeps the rest of the form', () => {
  it('re-renders the article form with 422, the message at the cover field and the title kept', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(300 * 1024)]);
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      {
        title: 'Bài viết dài công gõ',
        categoryId: String(categoryId),
        body: '<p>Nội dung</p>',
        coverAlt: 'Ảnh bìa',
        status: 'draft',
      },
      [{ field: 'coverFile', filename: 'big.png', contentType: 'image/png', data: big }],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Bài viết dài công gõ"');
    expect(res.body).toMatch(/id="coverFile-error"[^>]*>[\s\S]*?Tệp quá lớn\./);
  });

  it('answers the editor upload endpoint with a JSON 422 too_large', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(300 * 1024)]);
    const res = await b.submitMultipart(
      '/quan-tri/tep',
      { alt: 'x' },
      [{ field: 'file', filename: 'big.png', contentType: 'image/png', data: big }],
      '/quan-tri/tep/tai-len',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'too_large' });
  });
});

describe('H4: a NUL byte is a 400, never a database error', () => {
  it.each([
    '/bai-viet/a%00b',
    '/chuyen-muc/a%00b',
    '/rss/a%00b.xml',
    '/trang/a%00b',
    '/tim-kiem?q=a%00b',
    '/media/2026/11/aaaaaaaaaaaaaaaa%00.png',
  ])('GET %s → 400', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(httpMessages.nulByte);
  });

  it('refuses a NUL in a signed-out form (sign-in user name)', async () => {
    const b = new Browser(t);
    const res = await b.submit('/quan-tri/dang-nhap', { username: 'a\u0000b', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(httpMessages.nulByte);
  });

  it('refuses a NUL in admin forms, urlencoded and multipart', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const page = await b.submit('/quan-tri/trang/moi', { title: 'Trang\u0000', body: '<p>x</p>' });
    expect(page.statusCode).toBe(400);
    const article = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { title: 'Bài\u0000', categoryId: String(categoryId), body: '<p>x</p>', status: 'draft' },
      [],
    );
    expect(article.statusCode).toBe(400);
    expect(article.body).toContain(httpMessages.nulByte);
  });

  it.each([
    '/bai-viet/Khong-Hop-Le',
    `/bai-viet/${'a'.repeat(151)}`,
    '/chuyen-muc/a.b',
    '/media/khong-phai-khoa.png',
  ])('answers %s (not a slug or storage key) with 404', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
  });
});

describe("M6: Fastify's own errors get our page", () => {
  it('answers an undecodable URL with a Vietnamese 400 page and the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/bai-viet/%ff' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(httpMessages.badUrl);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('takes slugs up to 200 characters to the router (404), and answers longer ones with a 414 page', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/bai-viet/${'a'.repeat(140)}` })).statusCode).toBe(404);
    const res = await t.app.inject({ method: 'GET', url: `/bai-viet/${'a'.repeat(250)}` });
    expect(res.statusCode).toBe(414);
    expect(res.body).toContain(httpMessages.urlTooLong);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('L4: the admin is never cached', () => {
  it.each(['/quan-tri/dang-nhap', '/quan-tri', '/quan-tri/tep'])(
    '%s → cache-control: no-store',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('leaves the public pages revalidatable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('L2: the CSRF token is bound to the session and renewed at sign-in', () => {
  it('refuses, after sign-in, a token handed out before it, even with the old CSRF cookie', async () => {
    const b = new Browser(t);
    const before = await b.get('/quan-tri/dang-nhap');
    const oldToken = csrfFrom(before.body);
    const oldCookie = b.jar.cx_csrf;
    const signIn = await b.signIn('', 'bientap');
    expect(signIn.statusCode).toBe(303);
    // The sign-in response renews the CSRF cookie.
    expect(b.jar.cx_csrf).toBeDefined();
    expect(b.jar.cx_csrf).not.toBe(oldCookie);
    const jar = { ...b.jar, cx_csrf: oldCookie ?? '' };
    const res = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/dang-xuat',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${oldToken}`,
    });
    expect(res.statusCode).toBe(403);
    // A token of the new session works.
    const out = await b.submit('/quan-tri', {}, '/quan-tri/dang-xuat');
    expect(out.statusCode).toBe(303);
  });

  it('uses a __Host- cookie when PUBLIC_URL is https', async () => {
    const s = await buildTestApp({ env: { PUBLIC_URL: 'https://tanhong.example.gov.vn' } });
    try {
      await addUnit(s, 'tan-hong', 'Xã Tân Hồng', true);
      const res = await s.app.inject({ method: 'GET', url: '/quan-tri/dang-nhap' });
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(
        cookies.some((c) => c.startsWith('__Host-cx_csrf=') && /; Secure/i.test(c) && /; Path=\//.test(c)),
      ).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('L11: only bearer-authenticated requests skip the CSRF check', () => {
  it('refuses a cookie-carrying /api post without a token', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/khong-co',
      headers: { cookie: cookieHeader(b.jar), 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets a bearer request with a live token through to the route (here: none, 404), a dead one 401', async () => {
    const id = (await t.deps.accounts.tokens.staffIdOf('bientap')) ?? 0;
    const { token } = await t.deps.accounts.tokens.create(null, id, { name: 'L11', days: null });
    const post = (bearer: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/khong-co',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        payload: '{}',
      });
    expect((await post(token)).statusCode).toBe(404);
    expect((await post('abc')).statusCode).toBe(401);
  });
});

describe('L3: TRUST_PROXY trusts a number of hops, not every X-Forwarded-For entry', () => {
  const ipWith = async (trust: false | number | string, xff: string): Promise<string> => {
    const app = Fastify({ trustProxy: trustProxyOption(trust) });
    app.get('/', async (req) => req.ip);
    const res = await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-for': xff } });
    await app.close();
    return res.body;
  };

  it('takes the address the proxy saw, not one the client wrote', async () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(1);
    expect(await ipWith(1, '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await ipWith(2, '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(await ipWith(false, '6.6.6.6')).toBe('127.0.0.1');
  });

  it('accepts a list of proxy addresses', async () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).http.trustProxy).toBe(
      '127.0.0.1, 10.0.0.0/8',
    );
    expect(await ipWith('127.0.0.1, 10.0.0.0/8', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
