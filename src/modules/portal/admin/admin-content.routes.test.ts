import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { addStaff, addUnit, Browser } from '../../../../test/staff.js';

let t: TestApp;
let unitId: number;
let otherUnitId: number;

beforeAll(async () => {
  t = await buildTestApp();
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  otherUnitId = await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  await addStaff(t, unitId, 'truongban', ['chief_editor']);
  await addStaff(t, unitId, 'bientap', ['editor']);
  await addStaff(t, otherUnitId, 'truongban.th', ['chief_editor']);
});
afterAll(async () => {
  await t.close();
});

describe('categories (/quan-tri/chuyen-muc)', () => {
  it('gives an editor without the chief editor role the 403 page', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    expect((await b.get('/quan-tri/chuyen-muc')).statusCode).toBe(403);
  });

  it('validates, creates, edits, and refuses to delete a category that has articles', async () => {
    const b = new Browser(t);
    await b.signIn('', 'truongban');
    const bad = await b.submit('/quan-tri/chuyen-muc/moi', {
      name: '',
      slug: 'Có Dấu',
      position: 'mười',
      description: 'Giữ',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Vui lòng nhập tên chuyên mục.');
    expect(bad.body).toContain('Đường dẫn chỉ gồm chữ thường');
    expect(bad.body).toContain('Thứ tự là số nguyên từ 0 đến 9999.');
    expect(bad.body).toContain('Giữ</textarea>');

    const ok = await b.submit('/quan-tri/chuyen-muc/moi', {
      name: 'Đảng ủy – Chính quyền',
      position: '2',
      showInMenu: '1',
    });
    expect(ok.statusCode).toBe(303);
    const cat = await t.deps.db
      .selectFrom('category')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(cat).toMatchObject({ slug: 'dang-uy-chinh-quyen', position: 2, showInMenu: 1, showOnHome: 0 });

    const dup = await b.submit('/quan-tri/chuyen-muc/moi', { name: 'Khác', slug: 'dang-uy-chinh-quyen' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Đường dẫn đã được dùng');

    const edit = await b.submit(`/quan-tri/chuyen-muc/${cat.id}`, {
      name: 'Chính quyền',
      slug: 'chinh-quyen',
      showOnHome: '1',
    });
    expect(edit.statusCode).toBe(303);

    const actor = await t.deps.accounts.actorOf(
      (await t.deps.accounts.listStaff(unitId)).find((s) => s.username === 'bientap')!.id,
    );
    await t.deps.portalAdmin.articles.save(
      actor,
      unitId,
      null,
      {
        title: 'Bài trong chuyên mục',
        slug: '',
        categoryId: cat.id,
        summary: '',
        body: 'x',
        coverAlt: '',
        coverCaption: '',
        featured: false,
        status: 'draft',
        publishedAt: null,
      },
      null,
      null,
    );
    const refused = await b.submit(`/quan-tri/chuyen-muc/${cat.id}/xoa`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Không thể xóa: chuyên mục còn 1 bài viết.');
    expect(
      await t.deps.db.selectFrom('category').select('id').where('id', '=', cat.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('answers 404 for a category of another unit', async () => {
    const otherActor = await t.deps.accounts.actorOf(
      (await t.deps.accounts.listStaff(otherUnitId)).find((s) => s.username === 'truongban.th')!.id,
    );
    const otherCat = await t.deps.portalAdmin.categories.save(
      otherActor,
      otherUnitId,
      null,
      { name: 'Tin Thái Học', slug: '', description: '', position: 0, showOnHome: false, showInMenu: false },
      null,
    );
    const b = new Browser(t);
    await b.signIn('', 'truongban');
    expect((await b.get(`/quan-tri/chuyen-muc/${otherCat}`)).statusCode).toBe(404);
    expect(
      (await b.submit('/quan-tri/chuyen-muc', {}, `/quan-tri/chuyen-muc/${otherCat}/xoa`)).statusCode,
    ).toBe(404);
  });
});

describe('static pages (/quan-tri/trang)', () => {
  it('validates, creates with sanitised body, and deletes a page', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const bad = await b.submit('/quan-tri/trang/moi', { title: 'Giới thiệu', body: '<script>x</script>' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Vui lòng nhập nội dung.');
    const ok = await b.submit('/quan-tri/trang/moi', {
      title: 'Giới thiệu chung',
      body: 'Xã Tân Hồng nằm ở phía bắc huyện.\n\nDân số khoảng 10.000 người.',
      position: '1',
      showInMenu: '1',
    });
    expect(ok.statusCode).toBe(303);
    const page = await t.deps.db
      .selectFrom('page')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(page).toMatchObject({
      slug: 'gioi-thieu-chung',
      bodyHtml: '<p>Xã Tân Hồng nằm ở phía bắc huyện.</p>\n<p>Dân số khoảng 10.000 người.</p>',
      showInMenu: 1,
    });
    expect(page.searchText).toContain('gioi thieu chung');
    const del = await b.submit(`/quan-tri/trang/${page.id}/xoa`, {});
    expect(del.statusCode).toBe(303);
    expect(
      await t.deps.db.selectFrom('page').select('id').where('id', '=', page.id).executeTakeFirst(),
    ).toBeUndefined();
  });
});
