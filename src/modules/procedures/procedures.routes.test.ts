import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser } from '../../../test/staff.js';
import { xlsxMessages } from '../../platform/xlsx.messages.js';
import { common } from '../../web/messages.js';
import { CSV_COLUMNS } from './procedure-csv.js';
import { procedureMessages } from './procedures.messages.js';
import { sampleCsv, sampleXlsx } from './sample-csv.js';

let t: TestApp;
let unitId: number;
let otherId: number;
const a = procedureMessages.admin;
const im = procedureMessages.import;

beforeAll(async () => {
  t = await buildTestApp();
  unitId = await addUnit(t, 'xa-thu', 'Xã Thử', true);
  otherId = await addUnit(t, 'xa-khac', 'Xã Khác', false);
  await addStaff(t, unitId, 'motcua', ['one_stop_officer']);
  await addStaff(t, unitId, 'bientap', ['editor']);
});
afterAll(async () => {
  await t.close();
});

const countProcedures = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('procedure')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('unitId', '=', unitId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('admin import (/quan-tri/thu-tuc)', () => {
  it('sends a visitor to sign in and gives an editor the 403 page', async () => {
    const anon = await new Browser(t).get('/quan-tri/thu-tuc');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/quan-tri/dang-nhap');
    const anonPost = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/thu-tuc/nhap',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(anonPost.statusCode).toBe(303);
    expect(anonPost.headers.location).toContain('/quan-tri/dang-nhap');
    const editor = new Browser(t);
    await editor.signIn('', 'bientap');
    expect((await editor.get('/quan-tri/thu-tuc')).statusCode).toBe(403);
    expect((await editor.get('/quan-tri/thu-tuc/nhap')).statusCode).toBe(403);
    const menu = await editor.get('/quan-tri');
    expect(menu.body).not.toContain('href="/quan-tri/thu-tuc"');
  });

  it('answers 422 at the field for an empty paste and for a file refused as a whole, writing nothing', async () => {
    const b = new Browser(t);
    await b.signIn('', 'motcua');
    const empty = await b.submit('/quan-tri/thu-tuc/nhap', { csv: '  ', fileName: 'danh-muc.csv' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(im.empty);
    expect(empty.body).toContain('value="danh-muc.csv"');
    const broken = `${CSV_COLUMNS.join(',')}\n"1.001193,Đăng ký khai sinh\n`;
    const refused = await b.submit('/quan-tri/thu-tuc/nhap', { csv: broken });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(im.unclosedQuote(2));
    expect(refused.body).toContain('&quot;1.001193,Đăng ký khai sinh\n</textarea>');
    expect(await countProcedures()).toBe(0);
  });

  it('writes nothing when the import fails half-way (one transaction)', async () => {
    const spy = vi.spyOn(t.deps.audit, 'append').mockRejectedValueOnce(new Error('disk full'));
    try {
      const actor = { id: 1, name: 'x', username: 'x', kind: 'staff' as const, roles: new Map() };
      await expect(t.deps.procedures.service.importCsv(actor, unitId, sampleCsv(), null)).rejects.toThrow(
        'disk full',
      );
    } finally {
      spy.mockRestore();
    }
    expect(await countProcedures()).toBe(0);
    const imports = await t.deps.db.selectFrom('procedureImport').selectAll().execute();
    expect(imports).toHaveLength(0);
  });

  it('imports the shared sample: 303 to a report naming the rejected row, and the list shows them', async () => {
    const b = new Browser(t);
    await b.signIn('', 'motcua');
    const menu = await b.get('/quan-tri');
    expect(menu.body).toContain('href="/quan-tri/thu-tuc"');
    for (const [data, message] of [
      [Buffer.from('PK\x03\x04rest'), xlsxMessages.malformed],
      [Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), xlsxMessages.legacyOrEncrypted],
      [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), im.notUtf8],
    ] as const) {
      const refused = await b.submitMultipart('/quan-tri/thu-tuc/nhap', { csv: '' }, [
        { field: 'file', filename: 'mau.xlsx', contentType: 'application/octet-stream', data },
      ]);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(message.replace(/"/g, '&quot;'));
    }
    expect(await countProcedures()).toBe(0);

    const ok = await b.submitMultipart('/quan-tri/thu-tuc/nhap', { csv: '' }, [
      {
        field: 'file',
        filename: 'mau.csv',
        contentType: 'text/csv',
        data: Buffer.from(`\uFEFF${sampleCsv()}`),
      },
    ]);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/quan-tri\/thu-tuc\/nhap\/\d+$/);
    const report = await b.get(ok.headers.location as string);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain(a.reportSummary(15, 14, 0, 1));
    expect(report.body).toContain('<td>13</td><td>code</td><td>Thiếu mã thủ tục.</td>');
    expect(await countProcedures()).toBe(14);

    const again = await b.submit('/quan-tri/thu-tuc/nhap', { csv: sampleCsv() });
    const second = await b.get(again.headers.location as string);
    expect(second.body).toContain(a.reportSummary(15, 0, 14, 1));
    expect(await countProcedures()).toBe(14);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'actorName'])
      .where('action', '=', 'procedure.import')
      .execute();
    expect(audit).toEqual([
      { action: 'procedure.import', actorName: 'Cán bộ motcua' },
      { action: 'procedure.import', actorName: 'Cán bộ motcua' },
    ]);

    const list = await b.get('/quan-tri/thu-tuc');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Đăng ký khai sinh');
    expect(list.body).toContain('Có 14 thủ tục.');
    expect((await b.get('/quan-tri/thu-tuc?trang=2')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/thu-tuc/nhap/999999')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/thu-tuc/nhap/abc')).statusCode).toBe(404);
  });
});

describe('public catalogue (/thu-tuc-hanh-chinh)', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const names = (html: string) =>
    [...html.matchAll(/<a href="\/thu-tuc-hanh-chinh\/[\d.]+">([^<]+)<\/a>/g)].map((x) => x[1]);

  it('lists the catalogue with the quick link in the portal, and finds "dang ky khai sinh" without diacritics', async () => {
    const all = await get('/thu-tuc-hanh-chinh');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('<h1>Thủ tục hành chính</h1>');
    expect(all.body).toContain('Có 14 thủ tục.');
    expect(all.body).toContain('<option value="toan_trinh">Toàn trình</option>');
    expect(all.body).toContain('<option value="Chứng thực">Chứng thực</option>');
    const home = await get('/');
    expect(home.body).toContain('href="/thu-tuc-hanh-chinh"');

    const found = await get('/thu-tuc-hanh-chinh?q=dang+ky+khai+sinh');
    expect(names(found.body)).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh']);
    expect(names((await get('/thu-tuc-hanh-chinh?q=%C4%91%C4%83ng+k%C3%BD+l%E1%BA%A1i')).body)).toEqual([
      'Đăng ký lại khai sinh',
    ]);
    expect(found.body).toContain('value="dang ky khai sinh"');
    const byCode = await get('/thu-tuc-hanh-chinh?q=2.000815');
    expect(names(byCode.body)).toEqual(['Chứng thực bản sao từ bản chính giấy tờ văn bản']);
    const none = await get('/thu-tuc-hanh-chinh?q=50%25_x');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain(procedureMessages.list.none);
  });

  it('filters by field and level', async () => {
    const cuTru = await get(`/thu-tuc-hanh-chinh?linh-vuc=${encodeURIComponent('Cư trú')}`);
    expect(names(cuTru.body)).toEqual(['Đăng ký tạm trú', 'Đăng ký thường trú']);
    const hoTichToanTrinh = await get(
      `/thu-tuc-hanh-chinh?linh-vuc=${encodeURIComponent('Hộ tịch')}&muc-do=toan_trinh`,
    );
    expect(names(hoTichToanTrinh.body)).toEqual([
      'Đăng ký khai tử',
      'Đăng ký khai sinh',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
    ]);
    expect(hoTichToanTrinh.body).toContain('<option value="toan_trinh" selected>Toàn trình</option>');
    const search = await get('/thu-tuc-hanh-chinh?q=ket+hon&muc-do=mot_phan');
    expect(names(search.body)).toEqual(['Đăng ký kết hôn']);
  });

  it('answers 404 for an unknown field or level and a page out of range', async () => {
    for (const url of [
      '/thu-tuc-hanh-chinh?muc-do=muc_4',
      '/thu-tuc-hanh-chinh?linh-vuc=Kh%C3%B4ng',
      '/thu-tuc-hanh-chinh?trang=2',
      '/thu-tuc-hanh-chinh?trang=0',
      '/thu-tuc-hanh-chinh?trang=abc',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('shows a procedure in Vietnamese: time limit, fee, documents, legal basis', async () => {
    const ks = await get('/thu-tuc-hanh-chinh/1.001193');
    expect(ks.statusCode).toBe(200);
    expect(ks.body).toContain('<h1>Đăng ký khai sinh</h1>');
    expect(ks.body).toContain('<dd>1.001193</dd>');
    expect(ks.body).toContain('<dd>Toàn trình</dd>');
    expect(ks.body).toContain('Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)');
    expect(ks.body).toContain('Miễn phí');
    expect(ks.body).toContain('<li>Giấy chứng nhận kết hôn của cha mẹ (nếu có)</li>');
    expect(ks.body).toContain('Luật Hộ tịch 2014 Điều 16');

    const copy = await get('/thu-tuc-hanh-chinh/2.000815');
    expect(copy.body).toContain('2.000 đồng/trang, tối đa 200.000 đồng');
    expect(copy.body).toContain('<li>Bản chính (bản chính)</li>');
    expect(copy.body).toContain('<li>Bản sao cần chứng thực (bản sao)</li>');

    const xn = await get('/thu-tuc-hanh-chinh/1.004873');
    expect(xn.body).toContain('03 ngày làm việc');
    expect(xn.body).toContain('Theo quy định');
    const cert = await get('/thu-tuc-hanh-chinh/2.000884');
    expect(cert.body).toContain('10.000 đồng');
  });

  it('gives the portal 404 for an unknown code, a malformed code, and another unit', async () => {
    for (const url of [
      '/thu-tuc-hanh-chinh/9.999999',
      '/thu-tuc-hanh-chinh/abc',
      '/xa-khac/thu-tuc-hanh-chinh/1.001193',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain(common.errors.notFoundTitle);
    }
  });
});

describe('admin form (/quan-tri/thu-tuc/moi, /quan-tri/thu-tuc/<code>)', () => {
  const fm = procedureMessages.form;
  const valid = {
    code: '2.001009',
    name: 'Chứng thực việc sửa đổi hợp đồng',
    field: 'Chứng thực',
    onlineLevel: 'truc_tiep',
    timeLimitKind: 'working_days',
    timeLimitAmount: '2',
    feeKind: 'fixed',
    feeVnd: '30000',
    documents: 'Bản chính hợp đồng\nGiấy tờ tùy thân\nVăn bản ủy quyền (nếu có)',
    steps: 'Tiếp nhận | 10\nThẩm định và ký | 90',
    legalBasis: 'Nghị định 23/2015/NĐ-CP',
    confidence: 'unverified',
    published: '1',
  };

  it('refuses an editor (403) and sends a visitor to sign in', async () => {
    const anon = await new Browser(t).get('/quan-tri/thu-tuc/moi');
    expect(anon.statusCode).toBe(303);
    const editor = new Browser(t);
    await editor.signIn('', 'bientap');
    expect((await editor.get('/quan-tri/thu-tuc/moi')).statusCode).toBe(403);
    expect((await editor.get('/quan-tri/thu-tuc/1.001193')).statusCode).toBe(403);
  });

  it('answers 422 with the message at each field and the input kept, then creates (303) and shows it', async () => {
    const b = new Browser(t);
    await b.signIn('', 'motcua');
    const bad = await b.submit('/quan-tri/thu-tuc/moi', {
      ...valid,
      code: '2001009',
      feeVnd: '2.000',
      steps: 'Tiếp nhận 10',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(im.codeFormat);
    expect(bad.body).toContain(im.feeInvalid);
    expect(bad.body).toContain(fm.stepFormat.replace(/"/g, '&quot;'));
    expect(bad.body).toContain('value="2001009"');
    expect(bad.body).toContain('value="Chứng thực việc sửa đổi hợp đồng"');
    // Checks across fields, once each field is valid.
    const cross = await b.submit('/quan-tri/thu-tuc/moi', {
      ...valid,
      timeLimitAmount: '0',
      feeKind: 'per_page',
    });
    expect(cross.statusCode).toBe(422);
    expect(cross.body).toContain(im.timeLimitZero);
    expect(cross.body).toContain(fm.perPageRequired);

    const taken = await b.submit('/quan-tri/thu-tuc/moi', { ...valid, code: '1.001193' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain(fm.codeTaken);

    const ok = await b.submit('/quan-tri/thu-tuc/moi', valid);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/quan-tri/thu-tuc?da=luu');
    const page = await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/2.001009' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('02 ngày làm việc');
    expect(page.body).toContain('30.000 đồng');
    expect(page.body).toContain('<dd>Trực tiếp</dd>');
    expect(page.body).toContain('<li>Bản chính hợp đồng (bản chính)</li>');
    expect(page.body).toContain('<li>Thẩm định và ký: 90% thời gian</li>');
  });

  it('edits a procedure keeping its code, can unpublish it, and answers 404 for an unknown one', async () => {
    const b = new Browser(t);
    await b.signIn('', 'motcua');
    const form = await b.get('/quan-tri/thu-tuc/2.000815');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Chứng thực bản sao từ bản chính giấy tờ văn bản"');
    expect(form.body).toContain('<option value="per_page" selected>');
    const ok = await b.submit('/quan-tri/thu-tuc/2.000815', {
      ...valid,
      code: '9.999999',
      name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      timeLimitKind: 'same_day',
      timeLimitAmount: '',
      after15: '1',
      feeKind: 'per_page',
      feeVnd: '',
      feePerPageVnd: '2000',
      feeCapVnd: '200000',
    });
    expect(ok.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/2.000815' });
    expect(page.body).toContain('<h1>Chứng thực bản sao từ bản chính giấy tờ, văn bản</h1>');
    expect(page.body).toContain('Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)');
    expect(page.body).toContain('2.000 đồng/trang, tối đa 200.000 đồng');
    expect((await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/9.999999' })).statusCode).toBe(404);

    const { published: _published, ...hidden } = valid;
    expect((await b.submit('/quan-tri/thu-tuc/2.001009', hidden)).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/2.001009' })).statusCode).toBe(404);
    expect((await b.get('/quan-tri/thu-tuc/2.001009')).statusCode).toBe(200);

    expect((await b.get('/quan-tri/thu-tuc/1.234567')).statusCode).toBe(404);
    expect((await b.submit('/quan-tri/thu-tuc/moi', valid, '/quan-tri/thu-tuc/1.234567')).statusCode).toBe(
      404,
    );
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('action', 'in', ['procedure.create', 'procedure.update'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'procedure.create', entityId: '2.001009' },
      { action: 'procedure.update', entityId: '2.000815' },
      { action: 'procedure.update', entityId: '2.001009' },
    ]);
  });
});

describe('import from an Excel workbook', () => {
  it('imports the sample as .xlsx with the same result as the CSV: 14 taken, row 13 rejected, audited', async () => {
    await addStaff(t, otherId, 'motcua-khac', ['one_stop_officer']);
    const b = new Browser(t);
    await b.signIn('/xa-khac', 'motcua-khac');
    const form = await b.get('/xa-khac/quan-tri/thu-tuc/nhap');
    expect(form.body).toContain('accept=".xlsx,');
    const ok = await b.submitMultipart('/xa-khac/quan-tri/thu-tuc/nhap', { csv: '' }, [
      {
        field: 'file',
        filename: 'Danh mục thủ tục.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: await sampleXlsx(),
      },
    ]);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/xa-khac\/quan-tri\/thu-tuc\/nhap\/\d+$/);
    const report = await b.get(ok.headers.location as string);
    expect(report.body).toContain(a.reportSummary(15, 14, 0, 1));
    expect(report.body).toContain('<td>13</td><td>code</td><td>Thiếu mã thủ tục.</td>');
    const stored = await t.deps.db
      .selectFrom('procedureImport')
      .select(['fileName', 'rowCount', 'createdCount'])
      .where('unitId', '=', otherId)
      .execute();
    expect(stored).toEqual([{ fileName: 'Danh mục thủ tục.xlsx', rowCount: 15, createdCount: 14 }]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('unitId', '=', otherId)
      .where('action', '=', 'procedure.import')
      .execute();
    expect(audit).toHaveLength(1);

    const list = await t.app.inject({
      method: 'GET',
      url: '/xa-khac/thu-tuc-hanh-chinh?q=dang+ky+khai+sinh',
    });
    expect(list.body).toContain('Đăng ký khai sinh');
    const copy = await t.app.inject({ method: 'GET', url: '/xa-khac/thu-tuc-hanh-chinh/2.000815' });
    expect(copy.body).toContain('2.000 đồng/trang, tối đa 200.000 đồng');
  });

  it('refuses a ZIP that is not a workbook at the field, writing nothing', async () => {
    const b = new Browser(t);
    await b.signIn('/xa-khac', 'motcua-khac');
    const before = await t.deps.db.selectFrom('procedureImport').select('id').execute();
    const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    const res = await b.submitMultipart('/xa-khac/quan-tri/thu-tuc/nhap', { csv: '', fileName: 'don.docx' }, [
      { field: 'file', filename: 'don.docx', contentType: 'application/octet-stream', data: docx },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(xlsxMessages.notXlsx);
    expect(res.body).toContain('value="don.docx"');
    expect(await t.deps.db.selectFrom('procedureImport').select('id').execute()).toEqual(before);
  });
});
