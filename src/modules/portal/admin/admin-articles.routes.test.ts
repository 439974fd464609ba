import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { addStaff, addUnit, Browser, tinyPng } from '../../../../test/staff.js';

let t: TestApp;
let unitId: number;
let otherUnitId: number;
let categoryId: number;
let otherArticleId: number;

beforeAll(async () => {
  t = await buildTestApp({ env: { UPLOAD_MAX_MB: '0.1' } });
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  otherUnitId = await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  const admin = await addStaff(t, unitId, 'quantri', ['admin']);
  await addStaff(t, unitId, 'bientap', ['editor']);
  await addStaff(t, unitId, 'chuyenvien', ['specialist']);
  const otherEditor = await addStaff(t, otherUnitId, 'bientap.th', ['editor']);
  const actor = await t.deps.accounts.actorOf(admin);
  categoryId = await t.deps.portalAdmin.categories.save(
    actor,
    unitId,
    null,
    { name: 'Tin tức', slug: '', description: '', position: 0, showOnHome: true, showInMenu: true },
    null,
  );
  const otherActor = await t.deps.accounts.actorOf(otherEditor);
  const otherCategory = await t.deps.portalAdmin.categories.save(
    await t.deps.accounts.actorOf(admin).then(() => otherActor),
    otherUnitId,
    null,
    { name: 'Tin xã bạn', slug: '', description: '', position: 0, showOnHome: true, showInMenu: true },
    null,
  );
  otherArticleId = await t.deps.portalAdmin.articles.save(
    otherActor,
    otherUnitId,
    null,
    {
      title: 'Bài của xã Thái Học',
      slug: '',
      categoryId: otherCategory,
      summary: '',
      body: 'Nội dung',
      coverAlt: '',
      coverCaption: '',
      featured: false,
      status: 'published',
      publishedAt: null,
    },
    null,
    null,
  );
});
afterAll(async () => {
  await t.close();
});

const validArticle = {
  title: 'Cải cách hành chính năm 2026',
  slug: '',
  categoryId: '',
  summary: 'Tóm tắt bài viết',
  body: 'Đoạn một.\n\nĐoạn hai <script>alert(1)</script>',
  status: 'published',
  publishedAt: '20/11/2026 08:30',
  featured: '1',
};

describe('POST /quan-tri/bai-viet/moi', () => {
  it('sends an anonymous visitor to sign in', async () => {
    const res = await new Browser(t).get('/quan-tri/bai-viet/moi');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet%2Fmoi');
  });

  it('shows a specialist without the editor role the 403 page, still signed in', async () => {
    const b = new Browser(t);
    await b.signIn('', 'chuyenvien');
    const res = await b.get('/quan-tri/bai-viet/moi');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Bạn vẫn đang đăng nhập');
    // Inside the admin layout: who is signed in, the menu of what they may open, the way back.
    expect(res.body).toContain('<header class="admin-header">');
    expect(res.body).toContain('<h1>Bạn không có quyền truy cập</h1>');
    expect(res.body).toMatch(/<nav class="admin-nav" aria-label="Quản trị">.*>Tổng quan<\/a>/s);
    expect(res.body).toContain('Đăng xuất');
    expect(res.body).toContain('<a href="/quan-tri">Về trang tổng quan quản trị</a>');
    const dash = await b.get('/quan-tri');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).not.toContain('>Bài viết</a>');
  });

  it('answers an invalid form with 422, messages at the fields and the input kept', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      {
        ...validArticle,
        title: '',
        slug: 'Sai Định Dạng',
        body: '',
        publishedAt: '31/02/2026 10:00',
        summary: 'Giữ lại <b>',
      },
      [],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Vui lòng nhập tiêu đề.');
    expect(res.body).toContain('Đường dẫn chỉ gồm chữ thường');
    expect(res.body).toContain('Thời gian đăng không đúng');
    expect(res.body).toContain('href="#title"');
    expect(res.body).toContain('Giữ lại &lt;b>');
    expect(res.body).toContain('<textarea id="body" name="body"');
    const count = await t.deps.db.selectFrom('article').select('id').where('unitId', '=', unitId).execute();
    expect(count).toHaveLength(0);
  });

  it('creates the article: 303, sanitised row, audit row, public cache dropped', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    t.deps.portal.pageCache.set(unitId, '/', '<p>cũ</p>');
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, categoryId: String(categoryId) },
      [],
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/bai-viet');
    const row = await t.deps.db
      .selectFrom('article')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('slug', '=', 'cai-cach-hanh-chinh-nam-2026')
      .executeTakeFirstOrThrow();
    expect(row.bodyHtml).toBe('<p>Đoạn một.</p>\n<p>Đoạn hai </p>');
    expect(row.publishedAt).toBe('2026-11-20T01:30:00.000Z');
    expect(row.status).toBe('published');
    expect(row.featured).toBe(1);
    expect(row.searchText).toContain('cai cach hanh chinh');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'article.create')
      .where('entityId', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(audit.actorName).toBe('Cán bộ bientap');
    expect(audit.afterJson).toContain('Cải cách hành chính năm 2026');
    expect(t.deps.portal.pageCache.get(unitId, '/')).toBeUndefined();

    const list = await b.get('/quan-tri/bai-viet?trang-thai=published');
    expect(list.body).toContain('Cải cách hành chính năm 2026');
    expect(list.body).toContain('20/11/2026 08:30:00');
  });

  it('refuses a slug already used in the unit at the field', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, categoryId: String(categoryId), slug: 'cai-cach-hanh-chinh-nam-2026' },
      [],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Đường dẫn đã được dùng');
    // Left empty, the slug made from the same title gets a suffix.
    const auto = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, categoryId: String(categoryId) },
      [],
    );
    expect(auto.statusCode).toBe(303);
    const slugs = await t.deps.db.selectFrom('article').select('slug').where('unitId', '=', unitId).execute();
    expect(slugs.map((s) => s.slug)).toContain('cai-cach-hanh-chinh-nam-2026-2');
  });

  it('refuses a fake image as cover at the field, and stores a real PNG cover', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const fake = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      {
        ...validArticle,
        title: 'Bài có ảnh',
        categoryId: String(categoryId),
        coverAlt: 'Ảnh',
        coverCaption: '',
      },
      [
        {
          field: 'coverFile',
          filename: 'anh.jpg',
          contentType: 'image/jpeg',
          data: Buffer.from('<html>not an image</html>'),
        },
      ],
    );
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Tệp không phải là ảnh JPEG, PNG, GIF hoặc WebP.');
    const noAlt = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, title: 'Bài có ảnh', categoryId: String(categoryId) },
      [{ field: 'coverFile', filename: 'anh.png', contentType: 'image/png', data: tinyPng() }],
    );
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Vui lòng nhập mô tả ảnh.');

    const ok = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      {
        ...validArticle,
        title: 'Bài có ảnh',
        categoryId: String(categoryId),
        coverAlt: 'Trụ sở UBND xã',
        coverCaption: 'Trụ sở mới',
      },
      [
        {
          field: 'coverFile',
          filename: '../../etc/Ảnh trụ sở.png',
          contentType: 'text/plain',
          data: tinyPng(4, 3),
        },
      ],
    );
    expect(ok.statusCode).toBe(303);
    const media = await t.deps.db
      .selectFrom('media')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(media).toMatchObject({
      mime: 'image/png',
      width: 4,
      height: 3,
      alt: 'Trụ sở UBND xã',
      fileName: 'Ảnh trụ sở.png',
    });
    const article = await t.deps.db
      .selectFrom('article')
      .select('coverMediaId')
      .where('slug', '=', 'bai-co-anh')
      .executeTakeFirstOrThrow();
    expect(article.coverMediaId).toBe(media.id);

    const served = await new Browser(t).get(`/media/${media.storageKey}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toContain('max-age=31536000');
    expect(served.rawPayload.equals(tinyPng(4, 3))).toBe(true);
    expect((await new Browser(t).get('/media/2026/11/khongcotepnaynhe1234.png')).statusCode).toBe(404);
    expect((await new Browser(t).get('/media/../../secrets.json')).statusCode).toBe(404);
  });
});

describe('editor image upload (/quan-tri/tep/tai-len) and the media library', () => {
  it('stores an image and answers JSON with its URL; refuses a fake one with 422', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const ok = await b.submitMultipart(
      '/quan-tri/tep',
      { alt: 'Hội nghị' },
      [{ field: 'file', filename: 'hoi-nghi.png', contentType: 'image/png', data: tinyPng() }],
      '/quan-tri/tep/tai-len',
    );
    expect(ok.statusCode).toBe(201);
    const body = ok.json<{ url: string; mediaId: number; alt: string }>();
    expect(body.url).toMatch(/^\/media\/\d{4}\/\d{2}\/.+\.png$/);
    expect(body.alt).toBe('Hội nghị');
    expect((await new Browser(t).get(body.url)).headers['content-type']).toBe('image/png');

    const fake = await b.submitMultipart(
      '/quan-tri/tep',
      {},
      [
        {
          field: 'file',
          filename: 'x.jpg',
          contentType: 'image/jpeg',
          data: Buffer.from('<script>alert(1)</script>'),
        },
      ],
      '/quan-tri/tep/tai-len',
    );
    expect(fake.statusCode).toBe(422);
    expect(fake.json()).toMatchObject({ error: 'not_image' });
  });

  it('uploads through the no-JS library form, requires alt text, and refuses a file over the limit', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const noAlt = await b.submitMultipart('/quan-tri/tep', { alt: '', caption: 'Chú thích' }, [
      { field: 'file', filename: 'a.png', contentType: 'image/png', data: tinyPng() },
    ]);
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Vui lòng nhập mô tả ảnh.');
    expect(noAlt.body).toContain('value="Chú thích"');
    const fake = await b.submitMultipart('/quan-tri/tep', { alt: 'x' }, [
      { field: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.from('GIF8 nope') },
    ]);
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Tệp không phải là ảnh JPEG, PNG, GIF hoặc WebP.');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(200 * 1024)]);
    const tooBig = await b.submitMultipart('/quan-tri/tep', { alt: 'Ảnh lớn', caption: 'Giữ chú thích' }, [
      { field: 'file', filename: 'big.png', contentType: 'image/png', data: big },
    ]);
    // The form comes back with the message at the file field and what was typed kept, not a bare 413 page.
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.body).toContain('Tệp quá lớn.');
    expect(tooBig.body).toContain('value="Giữ chú thích"');
    const ok = await b.submitMultipart('/quan-tri/tep', { alt: 'Cánh đồng lúa', caption: 'Vụ mùa 2026' }, [
      { field: 'file', filename: 'lua.png', contentType: 'image/png', data: tinyPng() },
    ]);
    expect(ok.statusCode).toBe(303);
    const page = await b.get('/quan-tri/tep');
    expect(page.body).toContain('alt="Cánh đồng lúa"');
    expect(page.body).toContain('Vụ mùa 2026');
  });
});

describe('Trix body with an image and a caption', () => {
  it('stores the figure with the caption under the image', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const up = await b.submitMultipart(
      '/quan-tri/tep',
      { alt: '' },
      [{ field: 'file', filename: 'h.png', contentType: 'image/png', data: tinyPng() }],
      '/quan-tri/tep/tai-len',
    );
    const { url } = up.json<{ url: string }>();
    const attachment = JSON.stringify({
      contentType: 'image/png',
      url,
      width: 3,
      height: 2,
      alt: '',
    }).replace(/"/g, '&quot;');
    const attributes = JSON.stringify({ caption: 'Lễ khai giảng năm học mới' }).replace(/"/g, '&quot;');
    const body = `<p>Mở đầu</p><figure data-trix-attachment="${attachment}" data-trix-attributes="${attributes}" class="attachment attachment--preview"><img src="${url}" width="3" height="2"><figcaption class="attachment__caption attachment__caption--edited">Lễ khai giảng năm học mới</figcaption></figure>`;
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, title: 'Khai giảng', categoryId: String(categoryId), body },
      [],
    );
    expect(res.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('article')
      .select('bodyHtml')
      .where('slug', '=', 'khai-giang')
      .executeTakeFirstOrThrow();
    expect(row.bodyHtml).toBe(
      `<p>Mở đầu</p><figure><img src="${url}" alt="Lễ khai giảng năm học mới" width="3" height="2" /><figcaption>Lễ khai giảng năm học mới</figcaption></figure>`,
    );
  });
});

describe('the article form', () => {
  it('leaves the publish time of a new article empty (saved as the time of saving)', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const form = await b.get('/quan-tri/bai-viet/moi');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<input id="publishedAt" name="publishedAt" type="datetime-local" value[ /]/);
    expect(form.body).toContain('Để trống là bây giờ.');
    // The "no editor" hint carries the one admin.js shows once the editor is on.
    expect(form.body).toMatch(
      /<p id="body-hint" class="hint" data-editor-hint="Nhấn Enter hai lần[^"]*">Không có trình soạn thảo/,
    );
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, title: 'Đăng lúc lưu', categoryId: String(categoryId), publishedAt: '' },
      [],
    );
    expect(res.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('article')
      .select(['id', 'publishedAt'])
      .where('unitId', '=', unitId)
      .where('title', '=', 'Đăng lúc lưu')
      .executeTakeFirstOrThrow();
    expect(row.publishedAt).toBe(t.clock.now().toISOString());
    // An existing article shows its stored time (Vietnam time), not the time the form was opened.
    const savedAt = t.clock.now();
    t.clock.advance(45 * 60_000);
    const edit = await b.get(`/quan-tri/bai-viet/${row.id}`);
    t.clock.set(savedAt);
    const local = new Date(new Date(row.publishedAt ?? '').getTime() + 7 * 3600_000)
      .toISOString()
      .slice(0, 16);
    expect(edit.body).toContain(
      `<input id="publishedAt" name="publishedAt" type="datetime-local" value="${local}"`,
    );
  });
});

describe('articles of another unit', () => {
  it('answers 404 when an id of another unit is put in the URL', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const notFound = await b.get(`/quan-tri/bai-viet/${otherArticleId}`);
    expect(notFound.statusCode).toBe(404);
    // Inside the admin layout, with the way back to the dashboard.
    expect(notFound.body).toContain('<header class="admin-header">');
    expect(notFound.body).toContain('<h1>Không tìm thấy trang</h1>');
    expect(notFound.body).toContain('<a href="/quan-tri">Về trang tổng quan quản trị</a>');
    const post = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, categoryId: String(categoryId), title: 'Chiếm bài' },
      [],
      `/quan-tri/bai-viet/${otherArticleId}`,
    );
    expect(post.statusCode).toBe(404);
    const del = await b.submit('/quan-tri/bai-viet', {}, `/quan-tri/bai-viet/${otherArticleId}/xoa`);
    expect(del.statusCode).toBe(404);
    const still = await t.deps.db
      .selectFrom('article')
      .select('title')
      .where('id', '=', otherArticleId)
      .executeTakeFirstOrThrow();
    expect(still.title).toBe('Bài của xã Thái Học');
  });

  it('pages a long list with the shared pager: status, numbered links and next/previous', async () => {
    const pagedUnit = await addUnit(t, 'phan-trang', 'Xã Phân Trang', false);
    const editor = await t.deps.accounts.actorOf(
      await addStaff(t, pagedUnit, 'bientap.pt', ['chief_editor']),
    );
    const category = await t.deps.portalAdmin.categories.save(
      editor,
      pagedUnit,
      null,
      { name: 'Tin', slug: '', description: '', position: 0, showOnHome: true, showInMenu: true },
      null,
    );
    for (let i = 1; i <= 21; i++) {
      await t.deps.portalAdmin.articles.save(
        editor,
        pagedUnit,
        null,
        {
          title: `Bài ${i}`,
          slug: '',
          categoryId: category,
          summary: '',
          body: 'Nội dung',
          coverAlt: '',
          coverCaption: '',
          featured: false,
          status: 'draft',
          publishedAt: null,
        },
        null,
        null,
      );
    }
    const b = new Browser(t);
    await b.signIn('/phan-trang', 'bientap.pt');
    const first = await b.get('/phan-trang/quan-tri/bai-viet');
    expect(first.body).toContain('<nav class="pagination" aria-label="Phân trang">');
    expect(first.body).toContain('<p class="pagination-status">Trang 1/2</p>');
    expect(first.body).toContain('<span aria-current="page">1</span>');
    expect(first.body).toMatch(
      /<a href="\/phan-trang\/quan-tri\/bai-viet\?trang=2" rel="next">Trang sau<\/a>/,
    );
    const second = await b.get('/phan-trang/quan-tri/bai-viet?trang=2');
    expect(second.body).toContain('<p class="pagination-status">Trang 2/2</p>');
    expect(second.body).toMatch(
      /<a href="\/phan-trang\/quan-tri\/bai-viet(\?trang=1)?" rel="prev">Trang trước<\/a>/,
    );
  });

  it('answers 404 for malformed ids and pages out of range', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    expect((await b.get('/quan-tri/bai-viet/abc')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/bai-viet/0')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/bai-viet?trang=999')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/bai-viet?trang=-1')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/bai-viet?trang-thai=xoa')).statusCode).toBe(404);
  });

  it('refuses a category of another unit at the field', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const otherCategory = await t.deps.db
      .selectFrom('category')
      .select('id')
      .where('unitId', '=', otherUnitId)
      .executeTakeFirstOrThrow();
    const res = await b.submitMultipart(
      '/quan-tri/bai-viet/moi',
      { ...validArticle, title: 'Sai chuyên mục', categoryId: String(otherCategory.id) },
      [],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Chuyên mục không tồn tại trong đơn vị.');
  });
});

describe('edit and delete', () => {
  it('edits an article, then deletes it after confirmation', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const row = await t.deps.db
      .selectFrom('article')
      .select('id')
      .where('slug', '=', 'khai-giang')
      .executeTakeFirstOrThrow();
    const edit = await b.get(`/quan-tri/bai-viet/${row.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Khai giảng"');
    expect(edit.body).toContain('trix.umd.min.js');
    const saved = await b.submitMultipart(
      `/quan-tri/bai-viet/${row.id}`,
      {
        ...validArticle,
        title: 'Khai giảng (sửa)',
        slug: 'khai-giang',
        categoryId: String(categoryId),
        status: 'draft',
      },
      [],
    );
    expect(saved.statusCode).toBe(303);
    const after = await t.deps.db
      .selectFrom('article')
      .select(['title', 'status'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ title: 'Khai giảng (sửa)', status: 'draft' });
    const confirm = await b.get(`/quan-tri/bai-viet/${row.id}/xoa`);
    expect(confirm.body).toContain('Bạn có chắc muốn xóa bài viết này?');
    const del = await b.submit(`/quan-tri/bai-viet/${row.id}/xoa`, {});
    expect(del.statusCode).toBe(303);
    expect(
      await t.deps.db.selectFrom('article').select('id').where('id', '=', row.id).executeTakeFirst(),
    ).toBeUndefined();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', String(row.id))
      .where('entity', '=', 'article')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.update', 'article.delete']);
  });
});
