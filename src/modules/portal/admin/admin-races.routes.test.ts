import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, csrfFrom, type TestApp, buildTestApp } from '../../../../test/app.js';
import { TEST_DIALECT } from '../../../../test/db.js';
import { addStaff, addUnit, Browser } from '../../../../test/staff.js';

let t: TestApp;
let unitId: number;
let categoryId: number;

beforeAll(async () => {
  t = await buildTestApp();
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  const admin = await addStaff(t, unitId, 'quantri', ['admin']);
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

/** Posts the same form `n` times at once from one signed-in browser (one CSRF token, concurrent requests). */
async function concurrentPosts(b: Browser, formUrl: string, fields: Record<string, string>, n: number) {
  const token = csrfFrom((await b.get(formUrl)).body);
  const payload = new URLSearchParams({ _csrf: token, ...fields }).toString();
  return Promise.all(
    Array.from({ length: n }, () =>
      t.app.inject({
        method: 'POST',
        url: formUrl,
        headers: { cookie: cookieHeader(b.jar), 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      }),
    ),
  );
}

const article = (title: string, slug: string) => ({
  title,
  slug,
  categoryId: String(categoryId),
  summary: '',
  body: 'Nội dung bài viết.',
  status: 'draft',
  publishedAt: '',
});

describe(`concurrent saves of one slug (${TEST_DIALECT})`, () => {
  it('answers six identical article creates with an explicit slug: one 303, five 422 at the slug field', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const answers = await concurrentPosts(b, '/quan-tri/bai-viet/moi', article('Họp dân', 'hop-dan'), 6);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 422, 422, 422, 422, 422]);
    for (const r of answers.filter((r) => r.statusCode === 422)) {
      expect(r.body).toContain('Đường dẫn đã được dùng.');
      expect(r.body).toContain('value="Họp dân"');
    }
    const rows = await t.deps.db
      .selectFrom('article')
      .select('slug')
      .where('slug', 'like', 'hop-dan%')
      .execute();
    expect(rows).toEqual([{ slug: 'hop-dan' }]);
  });

  it('gives six identical creates with an empty slug six articles with distinct slugs', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const answers = await concurrentPosts(b, '/quan-tri/bai-viet/moi', article('Lịch tiếp dân', ''), 6);
    expect(answers.map((r) => r.statusCode)).toEqual([303, 303, 303, 303, 303, 303]);
    const slugs = (
      await t.deps.db.selectFrom('article').select('slug').where('slug', 'like', 'lich-tiep-dan%').execute()
    ).map((r) => r.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain('lich-tiep-dan');
  });

  it('answers concurrent category and page creates with one slug: one 303, the others 422', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const categories = await concurrentPosts(
      b,
      '/quan-tri/chuyen-muc/moi',
      { name: 'Thông báo', slug: 'thong-bao', description: '', position: '0' },
      4,
    );
    expect(categories.map((r) => r.statusCode).sort()).toEqual([303, 422, 422, 422]);
    const pages = await concurrentPosts(
      b,
      '/quan-tri/trang/moi',
      { title: 'Giới thiệu', slug: 'gioi-thieu', body: 'Về xã.', position: '0' },
      4,
    );
    expect(pages.map((r) => r.statusCode).sort()).toEqual([303, 422, 422, 422]);
    expect(pages.find((r) => r.statusCode === 422)?.body).toContain('Đường dẫn đã được dùng.');
  });
});

describe('strict ids and visible titles in the admin', () => {
  it('answers 404 for an id spelled other than plain digits, and 200 for the plain one', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    expect((await b.get(`/quan-tri/chuyen-muc/${categoryId}`)).statusCode).toBe(200);
    for (const spelling of [
      `0x${categoryId.toString(16)}`,
      `%20${categoryId}`,
      `0${categoryId}`,
      `${categoryId}e0`,
      '1e1',
      '0',
      '2147483648',
    ]) {
      expect((await b.get(`/quan-tri/chuyen-muc/${spelling}`)).statusCode, spelling).toBe(404);
      expect((await b.get(`/quan-tri/bai-viet/${spelling}`)).statusCode, spelling).toBe(404);
      expect((await b.get(`/quan-tri/trang/${spelling}`)).statusCode, spelling).toBe(404);
    }
  });

  it('refuses a title or name made only of invisible characters', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const invisible = '\u200B\u200C\u200D\u2060\uFEFF \u202E';
    const art = await b.submit('/quan-tri/bai-viet/moi', article(invisible, ''));
    expect(art.statusCode).toBe(422);
    expect(art.body).toContain('Vui lòng nhập tiêu đề.');
    const cat = await b.submit('/quan-tri/chuyen-muc/moi', { name: invisible, slug: '', position: '0' });
    expect(cat.statusCode).toBe(422);
    const page = await b.submit('/quan-tri/trang/moi', { title: invisible, body: 'x', position: '0' });
    expect(page.statusCode).toBe(422);
  });
});
