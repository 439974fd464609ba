import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser, tinyPng } from '../../../test/staff.js';

let t: TestApp;
let unitId: number;

beforeAll(async () => {
  t = await buildTestApp();
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  const other = await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  await addStaff(t, unitId, 'quantri', ['admin']);
  await addStaff(t, unitId, 'bientap', ['editor', 'chief_editor']);
  await addStaff(t, other, 'quantri.th', ['admin']);
  await t.deps.db.updateTable('unit').set({ host: 'thaihoc.example.vn' }).where('id', '=', other).execute();
  await t.deps.units.refreshDirectory();
});
afterAll(async () => {
  await t.close();
});

const valid = {
  fullName: 'Ủy ban nhân dân xã Tân Hồng',
  address: 'Thôn Mẫu Tài, xã Tân Hồng',
  phone: '0220 3777 000',
  email: 'ubnd@tanhong.example.vn',
  editorName: 'Nguyễn Văn Mẫu',
  editorTitle: 'Chủ tịch UBND xã',
  agencyCode: '000.00.13.H12',
  adminCode: '10999',
};

describe('/quan-tri/cai-dat', () => {
  it('sends an anonymous visitor to sign in, and gives an editor the 403 page', async () => {
    expect((await new Browser(t).get('/quan-tri/cai-dat')).statusCode).toBe(303);
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const res = await b.get('/quan-tri/cai-dat');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Bạn vẫn đang đăng nhập');
  });

  it('answers invalid settings with 422, messages at the fields and the input kept', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const res = await b.submit('/quan-tri/cai-dat', {
      ...valid,
      fullName: '',
      email: 'sai@',
      agencyCode: '000.00.13',
      phone: 'gọi tôi',
      address: 'Địa chỉ giữ lại',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Vui lòng nhập thông tin này.');
    expect(res.body).toContain('Địa chỉ thư điện tử không đúng định dạng');
    expect(res.body).toContain('Mã định danh gồm 4 nhóm');
    expect(res.body).toContain('Số điện thoại chỉ gồm chữ số');
    expect(res.body).toContain('value="Địa chỉ giữ lại"');
    const invisible = await b.submit('/quan-tri/cai-dat', { ...valid, fullName: '\u200B\u200D \u2060' });
    expect(invisible.statusCode).toBe(422);
    expect(invisible.body).toContain('Vui lòng nhập thông tin này.');
  });

  it('has no host field: a host sent anyway is ignored, so the admin cannot take over the default unit', async () => {
    const b = new Browser(t);
    await b.signIn('/thai-hoc', 'quantri.th');
    const form = await b.get('/thai-hoc/quan-tri/cai-dat');
    expect(form.body).not.toContain('name="host"');
    expect(form.body).toContain('<strong>thaihoc.example.vn</strong>');
    const res = await b.submit('/thai-hoc/quan-tri/cai-dat', { ...valid, host: 'localhost' });
    expect(res.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('unit')
      .select('host')
      .where('slug', '=', 'thai-hoc')
      .executeTakeFirstOrThrow();
    expect(row.host).toBe('thaihoc.example.vn');
    const home = await t.app.inject({
      method: 'GET',
      url: '/quan-tri/dang-nhap',
      headers: { host: 'localhost' },
    });
    expect(home.body).toContain('Xã Tân Hồng');
  });

  it('saves the settings: 303, stored, audited, public pages dropped from the cache', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    t.deps.portal.pageCache.set(unitId, '/', '<p>cũ</p>');
    const res = await b.submit('/quan-tri/cai-dat', valid);
    expect(res.statusCode).toBe(303);
    const unit = await t.deps.db
      .selectFrom('unit')
      .selectAll()
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      editorTitle: 'Chủ tịch UBND xã',
      agencyCode: '000.00.13.H12',
      adminCode: '10999',
      host: null,
    });
    expect(t.deps.portal.pageCache.get(unitId, '/')).toBeUndefined();
    const page = await b.get(res.headers.location!);
    expect(page.body).toContain('Đã lưu cài đặt.');
    expect(page.body).toContain('value="Nguyễn Văn Mẫu"');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('unitId', '=', unitId)
      .where('action', '=', 'unit.update_settings')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a logo that is not an image, and stores and serves a real one', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const fake = await b.submitMultipart(
      '/quan-tri/cai-dat',
      {},
      [
        {
          field: 'logo',
          filename: 'logo.png',
          contentType: 'image/png',
          data: Buffer.from('<svg onload=alert(1)>'),
        },
      ],
      '/quan-tri/cai-dat/logo',
    );
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Tệp không phải là ảnh JPEG, PNG, GIF hoặc WebP.');
    const ok = await b.submitMultipart(
      '/quan-tri/cai-dat',
      {},
      [{ field: 'logo', filename: 'logo.png', contentType: 'image/png', data: tinyPng() }],
      '/quan-tri/cai-dat/logo',
    );
    expect(ok.statusCode).toBe(303);
    const unit = await t.deps.db
      .selectFrom('unit')
      .select('logoPath')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(unit.logoPath).toMatch(/^\d{4}\/\d{2}\/.+\.png$/);
    const served = await new Browser(t).get(`/media/${unit.logoPath}`);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await b.get('/quan-tri/cai-dat')).body).toContain(`src="/media/${unit.logoPath}"`);
  });
});
