import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { cookieHeader } from '../../../test/app.js';
import { addStaff, Browser, multipart } from '../../../test/staff.js';
import type { Actor } from '../accounts/actor.js';
import { procedureMessages } from './procedures.messages.js';
import { CSV_COLUMNS } from './procedure-csv.js';
import { sampleCsv } from './sample-csv.js';
import { sampleDocx, sampleOle, samplePdf } from './template-samples.js';

/*
 * The catalogue's admin beyond the import (issue #3 item 2): documents' template files (upload, replace, remove,
 * public download), the online time limit, deleting or unpublishing a procedure, and the procedures in the site maps.
 */

let t: TestApp;
let unitId: number;
let otherId: number;
let officer: Actor;
const tm = procedureMessages.templates;
const rm = procedureMessages.remove;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const KHAI_SINH = 'Tờ khai đăng ký khai sinh';

const createUnit = (slug: string, name: string, isDefault: boolean, agencyCode: string | null) =>
  t.deps.units.createUnit(null, {
    slug,
    name,
    fullName: `Ủy ban nhân dân ${name}`,
    kind: 'commune',
    parentId: null,
    adminCode: null,
    agencyCode,
    host: null,
    isDefault,
    isDemo: false,
  });

beforeAll(async () => {
  // Upload limit of 0.2 MB, so that "too large" is cheap to test.
  t = await buildTestApp({ now: '2026-02-10T02:00:00.000Z', env: { UPLOAD_MAX_MB: '0.2' } });
  unitId = await createUnit('xa-thu', 'Xã Thử', true, '000.00.21.H26');
  otherId = await createUnit('xa-khac', 'Xã Khác', false, null);
  officer = await t.deps.accounts.actorOf(await addStaff(t, unitId, 'motcua', ['one_stop_officer']));
  await addStaff(t, unitId, 'bientap', ['editor']);
  await t.deps.procedures.service.importCsv(null, unitId, sampleCsv(), 'mau.csv');
  await t.deps.procedures.service.importCsv(null, otherId, sampleCsv(), 'mau.csv');
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const signedIn = async () => {
  const b = new Browser(t);
  await b.signIn('', 'motcua');
  return b;
};
const upload = (b: Browser, code: string, document: string, filename: string, data: Buffer) =>
  b.submitMultipart(`/quan-tri/thu-tuc/${code}/mau`, { document }, [
    { field: 'file', filename, contentType: 'application/octet-stream', data },
  ]);
const templatesOf = (code: string) =>
  t.deps.db
    .selectFrom('procedureTemplate')
    .innerJoin('procedure', 'procedure.id', 'procedureTemplate.procedureId')
    .select(['procedureTemplate.id', 'documentName', 'storageKey', 'fileName', 'mime', 'size'])
    .where('procedure.unitId', '=', unitId)
    .where('procedure.code', '=', code)
    .orderBy('procedureTemplate.id')
    .execute();
const stored = (key: string) => {
  const stream = t.deps.storage.open(key);
  stream?.destroy();
  return stream !== undefined;
};
const auditActions = async (prefix: string) =>
  (
    await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', `${prefix}%`)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('templates of documents', () => {
  it('refuses an editor, and a multipart post without the CSRF token before reading it', async () => {
    const editor = new Browser(t);
    await editor.signIn('', 'bientap');
    expect((await editor.get('/quan-tri/thu-tuc/1.001193/mau')).statusCode).toBe(403);
    const b = await signedIn();
    const { payload, contentType } = multipart({ document: KHAI_SINH }, [
      { field: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: samplePdf() },
    ]);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/thu-tuc/1.001193/mau',
      headers: { cookie: cookieHeader(b.jar), 'content-type': contentType },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    expect(await templatesOf('1.001193')).toEqual([]);
  });

  it('answers 422 at the field for a wrong type, a file too large, no file or an unknown document', async () => {
    const b = await signedIn();
    const page = await b.get('/quan-tri/thu-tuc/1.001193/mau');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${KHAI_SINH}">${KHAI_SINH}</option>`);
    expect(page.body).toContain(tm.fileHint('205 kB'));
    for (const [document, data, field, message] of [
      [KHAI_SINH, Buffer.from('<html></html>'), 'file', tm.wrongType],
      [KHAI_SINH, sampleOle('Workbook'), 'file', tm.wrongType],
      [KHAI_SINH, Buffer.concat([samplePdf(), Buffer.alloc(300_000)]), 'file', tm.tooLarge('205 kB')],
      [KHAI_SINH, Buffer.alloc(0), 'file', tm.fileMissing],
      ['Giấy không có', samplePdf(), 'document', tm.documentUnknown],
    ] as const) {
      const res = await upload(b, '1.001193', document, 'mau.pdf', data);
      expect(res.statusCode, message).toBe(422);
      expect(res.body).toContain(`<p id="${field}-error" class="field-error">`);
      expect(res.body).toContain(message);
    }
    // The chosen document is kept.
    const kept = await upload(
      b,
      '1.001193',
      'Giấy chứng sinh hoặc văn bản của người làm chứng',
      'x',
      Buffer.from('x'),
    );
    expect(kept.body).toContain('<option value="Giấy chứng sinh hoặc văn bản của người làm chứng" selected>');
    expect(await templatesOf('1.001193')).toEqual([]);
    expect((await b.get('/quan-tri/thu-tuc/9.999999/mau')).statusCode).toBe(404);
  });

  it('stores a DOCX for a document; the public page links it as "Tải mẫu"; it downloads as an attachment', async () => {
    const b = await signedIn();
    const docx = sampleDocx();
    const ok = await upload(b, '1.001193', KHAI_SINH, 'Tờ khai khai sinh.docx', docx);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/quan-tri/thu-tuc/1.001193/mau?da=tai-mau');
    const admin = await b.get(ok.headers.location as string);
    expect(admin.body).toContain(tm.uploaded);
    const [row] = await templatesOf('1.001193');
    expect(row).toMatchObject({
      documentName: KHAI_SINH,
      fileName: 'Tờ khai khai sinh.docx',
      mime: DOCX_MIME,
    });
    expect(row && stored(row.storageKey)).toBe(true);

    const detail = await get('/thu-tuc-hanh-chinh/1.001193');
    const href = `/thu-tuc-hanh-chinh/1.001193/mau/${row?.id}`;
    expect(detail.body).toContain(
      `<a class="template-link" href="${href}" download>Tải mẫu<span class="visually-hidden"> ${KHAI_SINH}</span></a>`,
    );
    expect(detail.body).toContain('(DOCX, 1 kB)');
    // Only the document with a template has the link.
    expect(detail.body.match(/Tải mẫu</g)).toHaveLength(1);

    const file = await get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(DOCX_MIME);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="To khai khai sinh.docx"; filename*=UTF-8''T%E1%BB%9D%20khai%20khai%20sinh.docx`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(docx)).toBe(true);
    // Staff download it too.
    expect((await b.get(`/quan-tri/thu-tuc/1.001193/mau/${row?.id}`)).statusCode).toBe(200);
    expect(await auditActions('procedure.template')).toEqual(['procedure.template.save']);
  });

  it('replaces a template (the old file goes) and removes one (audited, the file goes)', async () => {
    const b = await signedIn();
    const [before] = await templatesOf('1.001193');
    const pdf = samplePdf(KHAI_SINH);
    expect((await upload(b, '1.001193', KHAI_SINH, 'to-khai.docx', pdf)).statusCode).toBe(303);
    const [after] = await templatesOf('1.001193');
    expect(after).toMatchObject({ id: before?.id, fileName: 'to-khai.pdf', mime: 'application/pdf' });
    expect(before && stored(before.storageKey)).toBe(false);
    expect(after && stored(after.storageKey)).toBe(true);
    const file = await get(`/thu-tuc-hanh-chinh/1.001193/mau/${after?.id}`);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const removed = await b.submit(
      '/quan-tri/thu-tuc/1.001193/mau',
      {},
      `/quan-tri/thu-tuc/1.001193/mau/${after?.id}/xoa`,
    );
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/quan-tri/thu-tuc/1.001193/mau?da=xoa-mau');
    expect(await templatesOf('1.001193')).toEqual([]);
    expect(after && stored(after.storageKey)).toBe(false);
    expect((await get(`/thu-tuc-hanh-chinh/1.001193/mau/${after?.id}`)).statusCode).toBe(404);
    expect(await auditActions('procedure.template')).toEqual([
      'procedure.template.save',
      'procedure.template.save',
      'procedure.template.remove',
    ]);
  });

  it('hides a template whose document was renamed, and gives 404 for another unit, a hidden procedure or a bad id', async () => {
    const b = await signedIn();
    expect(
      (await upload(b, '1.000656', 'Tờ khai đăng ký khai tử', 'khai-tu.pdf', samplePdf())).statusCode,
    ).toBe(303);
    const [row] = await templatesOf('1.000656');
    const href = `/thu-tuc-hanh-chinh/1.000656/mau/${row?.id}`;
    expect((await get(href)).statusCode).toBe(200);
    for (const url of [
      `/xa-khac${href}`,
      '/thu-tuc-hanh-chinh/1.000656/mau/0',
      '/thu-tuc-hanh-chinh/1.000656/mau/abc',
      `/thu-tuc-hanh-chinh/1.001193/mau/${row?.id}`,
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }

    const p = await t.deps.procedures.service.byCode(unitId, '1.000656');
    const renamed = p.documents.map((d) =>
      d.name === 'Tờ khai đăng ký khai tử' ? { ...d, name: 'Tờ khai khai tử (mẫu mới)' } : d,
    );
    await t.deps.procedures.service.save(officer, unitId, p.code, { ...p, documents: renamed });
    expect((await get(href)).statusCode).toBe(404);
    expect((await get('/thu-tuc-hanh-chinh/1.000656')).body).not.toContain('Tải mẫu');
    const admin = await b.get('/quan-tri/thu-tuc/1.000656/mau');
    expect(admin.body).toContain(tm.orphansTitle);
    expect(admin.body).toContain('khai-tu.pdf');
    // Renamed back, the template is offered again; unpublished, it is not.
    await t.deps.procedures.service.save(officer, unitId, p.code, p);
    expect((await get(href)).statusCode).toBe(200);
    await t.deps.procedures.service.save(officer, unitId, p.code, { ...p, published: false });
    expect((await get(href)).statusCode).toBe(404);
    expect((await b.get(`/quan-tri/thu-tuc/1.000656/mau/${row?.id}`)).statusCode).toBe(200);
    await t.deps.procedures.service.save(officer, unitId, p.code, p);
  });
});

describe('the online time limit', () => {
  const fm = procedureMessages.form;

  it('is set in the admin form (422 at the field when half given), shown publicly, exposed by the service', async () => {
    const b = await signedIn();
    const form = await b.get('/quan-tri/thu-tuc/1.004873');
    expect(form.body).toContain(`<option value selected>${fm.onlineSame}</option>`);
    const p = await t.deps.procedures.service.byCode(unitId, '1.004873');
    expect(p.onlineTimeLimit).toBeNull();
    const values = {
      name: p.name,
      field: p.field,
      onlineLevel: p.onlineLevel,
      timeLimitKind: 'working_days',
      timeLimitAmount: '3',
      feeKind: 'fixed',
      documents: p.documents.map((d) => d.name).join('\n'),
      confidence: p.confidence,
      published: '1',
    };
    const half = await b.submit('/quan-tri/thu-tuc/1.004873', { ...values, onlineTimeLimitAmount: '2' });
    expect(half.statusCode).toBe(422);
    expect(half.body).toContain(fm.onlineAmountWithoutKind);
    expect(half.body).toContain('id="onlineTimeLimitAmount" name="onlineTimeLimitAmount"');
    expect(half.body).toContain('value="2"');
    const zero = await b.submit('/quan-tri/thu-tuc/1.004873', {
      ...values,
      onlineTimeLimitKind: 'working_days',
      onlineTimeLimitAmount: '',
    });
    expect(zero.statusCode).toBe(422);
    expect(zero.body).toContain(procedureMessages.import.timeLimitZero);

    const ok = await b.submit('/quan-tri/thu-tuc/1.004873', {
      ...values,
      onlineTimeLimitKind: 'working_days',
      onlineTimeLimitAmount: '2',
    });
    expect(ok.statusCode).toBe(303);
    expect((await t.deps.procedures.service.byCode(unitId, '1.004873')).onlineTimeLimit).toEqual({
      kind: 'working_days',
      amount: 2,
      after15: false,
    });
    const page = await get('/thu-tuc-hanh-chinh/1.004873');
    expect(page.body).toContain(
      `<dt>${procedureMessages.detail.onlineTimeLimit}</dt><dd>02 ngày làm việc</dd>`,
    );
    expect((await b.get('/quan-tri/thu-tuc/1.004873')).body).toContain(
      '<option value="working_days" selected>Ngày làm việc</option>',
    );
    // Same-day online with the procedure's 15:00 rule.
    const sameDay = await t.deps.procedures.service.byCode(unitId, '1.001193');
    await t.deps.procedures.service.save(officer, unitId, sameDay.code, {
      ...sameDay,
      onlineTimeLimit: { kind: 'same_day', amount: 0 },
    });
    expect((await t.deps.procedures.service.byCode(unitId, '1.001193')).onlineTimeLimit).toEqual({
      kind: 'same_day',
      amount: 0,
      after15: true,
    });
  });

  it('is kept by an import without the online columns and set or cleared by one with them', async () => {
    const service = t.deps.procedures.service;
    await service.importCsv(officer, unitId, sampleCsv(), 'mau.csv');
    expect((await service.byCode(unitId, '1.004873')).onlineTimeLimit).toMatchObject({ amount: 2 });
    const row = sampleCsv()
      .split('\n')
      .find((l) => l.startsWith('1.004873,'));
    const header = `${CSV_COLUMNS.join(',')},online_time_limit,online_time_unit`;
    await service.importCsv(officer, unitId, `${header}\n${row},1,working_days\n`, 'a.csv');
    expect((await service.byCode(unitId, '1.004873')).onlineTimeLimit).toMatchObject({ amount: 1 });
    await service.importCsv(officer, unitId, `${header}\n${row},,\n`, 'b.csv');
    expect((await service.byCode(unitId, '1.004873')).onlineTimeLimit).toBeNull();
  });

  it('is both set or both null in the database itself', async () => {
    const bad = [
      sql`update procedure set online_time_limit_kind = 'working_days' where unit_id = ${unitId}`,
      sql`update procedure set online_time_limit_amount = 3 where unit_id = ${unitId}`,
      sql`update procedure set online_time_limit_kind = 'weeks', online_time_limit_amount = 3 where unit_id = ${unitId}`,
      sql`update procedure set online_time_limit_kind = 'working_days', online_time_limit_amount = -1 where unit_id = ${unitId}`,
    ];
    for (const q of bad) {
      await expect(q.execute(t.deps.db)).rejects.toThrow();
    }
  });
});

describe('deleting a procedure', () => {
  it('asks first, then deletes it with its templates, audited; the form and the list link to it', async () => {
    const b = await signedIn();
    expect(
      (await upload(b, '1.004837', 'Tờ khai đăng ký giám hộ', 'giam-ho.pdf', samplePdf())).statusCode,
    ).toBe(303);
    const [template] = await templatesOf('1.004837');
    const form = await b.get('/quan-tri/thu-tuc/1.004837');
    expect(form.body).toContain('href="/quan-tri/thu-tuc/1.004837/xoa"');
    expect(form.body).toContain('href="/quan-tri/thu-tuc/1.004837/mau"');
    const confirm = await b.get('/quan-tri/thu-tuc/1.004837/xoa');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(rm.question('Đăng ký giám hộ').replace(/"/g, '&quot;'));
    expect(confirm.body).toContain(rm.consequences);

    const forged = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/thu-tuc/1.004837/xoa',
      headers: { cookie: cookieHeader(b.jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);

    const done = await b.submit('/quan-tri/thu-tuc/1.004837/xoa', {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/quan-tri/thu-tuc?da=xoa');
    expect((await b.get('/quan-tri/thu-tuc?da=xoa')).body).toContain(procedureMessages.admin.deleted);
    expect((await get('/thu-tuc-hanh-chinh/1.004837')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/thu-tuc/1.004837/xoa')).statusCode).toBe(404);
    expect(template && stored(template.storageKey)).toBe(false);
    expect(
      await t.deps.db
        .selectFrom('procedureTemplate')
        .select('id')
        .where('id', '=', template?.id ?? 0)
        .execute(),
    ).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['entityId', 'beforeJson', 'actorName'])
      .where('action', '=', 'procedure.delete')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entityId: '1.004837', actorName: 'Cán bộ motcua' });
    expect(JSON.parse(audit.beforeJson ?? '{}')).toMatchObject({
      name: 'Đăng ký giám hộ',
      templates: ['giam-ho.pdf'],
    });
    // The other unit's procedure of the same code is untouched.
    expect((await get('/xa-khac/thu-tuc-hanh-chinh/1.004837')).statusCode).toBe(200);
  });

  it('keeps a procedure that has dossiers and offers to unpublish it instead', async () => {
    const p = await t.deps.procedures.service.byCode(unitId, '1.004884');
    await t.deps.dossiers.service.intake(officer, unitId, {
      procedureCode: p.code,
      channel: 'counter',
      applicant: { name: 'Lê Thị Ánh', idNumber: null, phone: null, email: null, address: '' },
      requestSummary: '',
      provided: p.documents.filter((d) => d.required).map((d) => d.name),
      sets: 1,
      returnMethod: 'counter',
      idempotencyKey: null,
    });
    const b = await signedIn();
    const page = await b.get('/quan-tri/thu-tuc/1.004884/xoa');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(rm.inUse(1));
    expect(page.body).toContain(`>${rm.unpublish}</button>`);
    expect(page.body).not.toContain('button--warning');

    const refused = await b.submit('/quan-tri/thu-tuc/1.004884/xoa', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(rm.refused(1));
    expect((await get('/thu-tuc-hanh-chinh/1.004884')).statusCode).toBe(200);

    const hidden = await b.submit(
      '/quan-tri/thu-tuc/1.004884/xoa',
      {},
      '/quan-tri/thu-tuc/1.004884/ngung-cong-khai',
    );
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe('/quan-tri/thu-tuc?da=ngung-cong-khai');
    expect((await get('/thu-tuc-hanh-chinh/1.004884')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/thu-tuc/1.004884/xoa')).body).toContain(rm.alreadyHidden);
    expect(await auditActions('procedure.unpublish')).toEqual(['procedure.unpublish']);
    expect(await auditActions('procedure.delete')).toEqual(['procedure.delete']);
  });
});

describe('site maps', () => {
  it('list the catalogue page and each published procedure of the unit, in XML and in HTML', async () => {
    const xml = await get('/sitemap.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.body).toContain('<loc>http://localhost:80/thu-tuc-hanh-chinh</loc>');
    expect(xml.body).toContain('<loc>http://localhost:80/thu-tuc-hanh-chinh/1.001193</loc>');
    // Unpublished (1.004884) and deleted (1.004837) ones are not listed.
    expect(xml.body).not.toContain('/thu-tuc-hanh-chinh/1.004884');
    expect(xml.body).not.toContain('/thu-tuc-hanh-chinh/1.004837');
    expect(xml.body.match(/\/thu-tuc-hanh-chinh\/\d/g)).toHaveLength(12);

    const html = await get('/so-do-trang');
    expect(html.body).toContain('<h2>Thủ tục hành chính</h2>');
    expect(html.body).toContain('<a href="/thu-tuc-hanh-chinh">');
    expect(html.body).toContain('<a href="/thu-tuc-hanh-chinh/1.001193">Đăng ký khai sinh</a>');
    expect(html.body).not.toContain('href="/thu-tuc-hanh-chinh/1.004884"');

    const other = await get('/xa-khac/sitemap.xml');
    expect(other.body).toContain('/xa-khac/thu-tuc-hanh-chinh/1.004884</loc>');
  });
});
