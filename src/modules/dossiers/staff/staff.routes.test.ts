import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { Browser } from '../../../../test/staff.js';
import { DEMO_PASSWORD } from '../../../demo/demo-data.js';
import { readXlsxRows } from '../../../platform/xlsx.js';

/* The staff pages of the one-stop shop over HTTP, on the demo commune (the default unit, so paths have no prefix). */

let t: TestApp;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function signedIn(username: string): Promise<Browser> {
  const b = new Browser(t);
  const res = await b.signIn('', username, DEMO_PASSWORD);
  expect(res.statusCode).toBe(303);
  return b;
}

const intakeUrl = '/quan-tri/ho-so/tiep-nhan?thu-tuc=1.004873';
const countDossiers = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function documentsOf(code: string) {
  const unit = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!;
  return (await t.deps.procedures.service.byCode(unit.id, code)).documents;
}

const validFields = async (key: string) => ({
  procedureCode: '1.004873',
  idempotencyKey: key,
  applicantName: 'Trần Văn Đức',
  idNumber: '001190012345',
  phone: '0912 345 678',
  email: '',
  address: 'Thôn Hồng Xá, xã Tân Hồng',
  requestSummary: '',
  provided: (await documentsOf('1.004873')).filter((d) => d.required).map((d) => d.name),
  sets: '1',
  channel: 'counter',
  returnMethod: 'counter',
});

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
});
afterAll(async () => {
  await t.close();
});

describe('counter intake', () => {
  it('shows the procedure picker, then the form with the procedure documents', async () => {
    const b = await signedIn('motcua');
    const first = await b.get('/quan-tri/ho-so/tiep-nhan');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Bước 1: Chọn thủ tục hành chính');
    const form = await b.get(intakeUrl);
    expect(form.body).toContain('Cấp Giấy xác nhận tình trạng hôn nhân');
    for (const d of await documentsOf('1.004873')) {
      expect(form.body).toContain(d.name);
    }
    expect(form.body).toContain('enctype="multipart/form-data"');
  });

  it('refuses bad input at each field, keeps what was typed, and stores nothing', async () => {
    const b = await signedIn('motcua');
    const before = await countDossiers();
    const fields = { ...(await validFields('k-bad')), idNumber: '12345', phone: 'abc', provided: [] };
    const res = await b.submitMultipart(
      intakeUrl,
      fields,
      [
        {
          field: 'file0',
          filename: 'virus.pdf',
          contentType: 'application/pdf',
          data: Buffer.from('MZ\x90\x00 not a pdf'),
        },
      ],
      '/quan-tri/ho-so/tiep-nhan',
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.');
    expect(res.body).toContain('Số điện thoại không hợp lệ');
    expect(res.body).toContain('Tệp &quot;virus.pdf&quot; không phải PDF, JPEG hay PNG.');
    expect(res.body).toContain('value="Trần Văn Đức"');
    expect(await countDossiers()).toBe(before);
  });

  it('names the missing required documents', async () => {
    const b = await signedIn('motcua');
    const res = await b.submitMultipart(
      intakeUrl,
      { ...(await validFields('k-missing')), provided: [] },
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Còn thiếu giấy tờ bắt buộc:');
  });

  it('receives a dossier with a scan once, even when the form is sent twice', async () => {
    const b = await signedIn('motcua');
    const before = await countDossiers();
    const fields = await validFields('k-twice');
    const files = [{ field: 'file0', filename: 'Tờ khai.pdf', contentType: 'application/pdf', data: PDF }];
    const first = await b.submitMultipart(intakeUrl, fields, files, '/quan-tri/ho-so/tiep-nhan');
    const second = await b.submitMultipart(intakeUrl, fields, files, '/quan-tri/ho-so/tiep-nhan');
    expect(first.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await countDossiers()).toBe(before + 1);
    const page = await b.get(String(first.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Đã tiếp nhận hồ sơ \d{3}\.\d{2}\.\d{2}\.H\d{2}-260210-\d{4}/);
    expect(page.body).toContain('13/02/2026 17:00:00');
    const fileHref = /href="(\/quan-tri\/ho-so\/\d+\/tep\/\d+)"/.exec(page.body)?.[1];
    const file = await b.get(fileHref!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''T%E1%BB%9D%20khai.pdf");
  });
});

describe('slips', () => {
  it('prints the receipt (Mẫu 01) and the control slip (Mẫu 05) of a dossier as PDFs with its code', async () => {
    const officer = await signedIn('motcua');
    const made = await officer.submitMultipart(
      intakeUrl,
      await validFields('k-slip'),
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    const href = String(made.headers.location).replace(/\?.*$/, '');
    const page = await officer.get(href);
    const code = /Mã hồ sơ (\S+)<\/h1>/.exec(page.body)![1]!;
    const receipt = await officer.get(`${href}/mau/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: receipt.rawPayload }).toString(
      'utf8',
    );
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);
    expect(text).toContain('Trần Văn Đức');
    const control = await officer.get(`${href}/mau/control.pdf`);
    expect(
      execFileSync('pdftotext', ['-layout', '-', '-'], { input: control.rawPayload }).toString('utf8'),
    ).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect((await officer.get(`${href}/mau/refusal.pdf`)).statusCode).toBe(404);
    expect((await officer.get(`${href}/mau/khac.pdf`)).statusCode).toBe(404);
  });
});

describe('the tracking book (Mẫu 06)', () => {
  it('lists the dossiers received in the period, numbered through the year, as XLSX and PDF', async () => {
    const officer = await signedIn('motcua');
    // A dossier received in January: the February lines are numbered after it (Circular 01/2018 Art. 10).
    t.clock.set('2026-01-15T02:00:00.000Z');
    const january = await officer.submitMultipart(
      intakeUrl,
      await validFields('k-january'),
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    expect(january.statusCode).toBe(303);
    t.clock.set('2026-02-10T02:00:00.000Z');
    const linesOf = (bytes: Buffer) => {
      const rows = readXlsxRows(bytes);
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[header]).toContain('Hẹn trả kết quả');
      return rows.slice(header + 1).filter((r) => r.length > 0);
    };
    const before = linesOf(
      (await officer.get('/quan-tri/so-theo-doi.xlsx?tu=2026-01-01&den=2026-02-09')).rawPayload,
    );
    expect(before.length).toBeGreaterThan(0);
    const xlsx = await officer.get('/quan-tri/so-theo-doi.xlsx?tu=2026-02-10&den=2026-02-28');
    expect(xlsx.statusCode).toBe(200);
    const lines = linesOf(xlsx.rawPayload);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((r) => r[0])).toEqual(lines.map((_, i) => String(before.length + 1 + i)));
    expect(lines.every((r) => /-260210-\d{4}$/.test(r[1] ?? ''))).toBe(true);
    expect(lines.some((r) => r[4] === 'Trần Văn Đức')).toBe(true);
    const pdf = await officer.get('/quan-tri/so-theo-doi.pdf?tu=2026-02-01&den=2026-02-28');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString('utf8');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('260210'); // the code, maybe wrapped in its narrow column
    const bad = await officer.get('/quan-tri/so-theo-doi.xlsx?tu=2026-13-01');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ngày phải có dạng năm-tháng-ngày');
  });
});

describe('work queues and actions', () => {
  it('lists received dossiers in the officer queue with counts, and filters by search', async () => {
    const b = await signedIn('motcua');
    const res = await b.get('/quan-tri/ho-so');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Chờ tiếp nhận, phân công <span class="count">\(\d+\)<\/span>/);
    expect(res.body).toContain('Trần Văn Đức');
    const search = await b.get('/quan-tri/ho-so?hang=all&q=tran%20van%20duc');
    expect(search.body).toContain('Trần Văn Đức');
    const none = await b.get('/quan-tri/ho-so?hang=all&q=khong-ai-ten-nay');
    expect(none.body).toContain('Không có hồ sơ nào.');
  });

  it('forwards a dossier, then tells the second officer acting on the old page who acted first', async () => {
    const officer = await signedIn('motcua');
    const list = await officer.get('/quan-tri/ho-so?hang=incoming');
    const href = /href="(\/quan-tri\/ho-so\/\d+)"/.exec(list.body)![1]!;
    const page = await officer.get(href);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const specialist = /name="assign-assigneeId"[^]*?<option value="(\d+)"/.exec(page.body)![1]!;
    const ok = await officer.submit(
      href,
      { action: 'assign', version, 'assign-assigneeId': specialist },
      `${href}/xu-ly`,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${href}?da=assign`);
    const leader = await signedIn('lanhdao');
    const stale = await leader.submit(
      href,
      { action: 'refuse', version, 'refuse-reason': 'Sai thẩm quyền' },
      `${href}/xu-ly`,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Hồ sơ vừa được');
    expect(stale.body).toContain('Chuyển xử lý');
  });

  it('asks for the reason at the field of the action that needs one', async () => {
    const officer = await signedIn('motcua');
    const made = await officer.submitMultipart(
      intakeUrl,
      await validFields('k-reason'),
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    const href = String(made.headers.location).replace(/\?.*$/, '');
    const page = await officer.get(href);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const res = await officer.submit(
      href,
      { action: 'refuse', version, 'refuse-reason': '' },
      `${href}/xu-ly`,
    );
    expect(res.statusCode).toBe(422);
    const i = res.body.indexOf('form-refuse');
    expect(res.body.slice(i, i + 1200)).toContain('id="refuse-reason-error"');
  });

  it('keeps the pages to the one-stop roles', async () => {
    const editor = await signedIn('bientap');
    expect((await editor.get('/quan-tri/ho-so')).statusCode).toBe(403);
    const specialist = await signedIn('chuyenvien');
    expect((await specialist.get('/quan-tri/ho-so')).statusCode).toBe(200);
    expect((await specialist.get('/quan-tri/ho-so/tiep-nhan')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/quan-tri/ho-so' });
    expect(anonymous.statusCode).toBe(303);
  });
});

describe('deadline warnings', () => {
  it('warns before the due date with the apology deadline, and after it (Decree 61/2018 Art. 19)', async () => {
    t.clock.set('2026-02-10T02:00:00.000Z'); // Tue 09:00 → due Fri 13/02 17:00
    const officer = await signedIn('motcua');
    const made = await officer.submitMultipart(
      intakeUrl,
      await validFields('k-warn'),
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    const href = String(made.headers.location).replace(/\?.*$/, '');
    expect((await officer.get(href)).body).not.toContain('sắp đến hạn');
    t.clock.set('2026-02-12T03:00:00.000Z'); // Thu 10:00: within a day of the due date, apology still possible
    const soon = await officer.get(href);
    expect(soon.body).toContain('Hồ sơ sắp đến hạn trả kết quả (13/02/2026 17:00:00).');
    expect(soon.body).toContain('chậm nhất 12/02/2026 17:00:00');
    t.clock.set('2026-02-13T10:30:00.000Z'); // Fri 17:30
    const late = await officer.get(href);
    expect(late.body).toContain('Hồ sơ đã quá hạn trả kết quả (13/02/2026 17:00:00).');
    expect(late.body).not.toContain('chậm nhất');
    t.clock.set('2026-02-10T02:00:00.000Z');
  });
});

describe('the electronic result', () => {
  const act = async (b: Browser, href: string, fields: Record<string, string>) => {
    const page = await b.get(href);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    return b.submit(href, { version, ...fields }, `${href}/xu-ly`);
  };

  it('is attached as a file, and an electronic return needs it', async () => {
    const officer = await signedIn('motcua');
    const leader = await signedIn('lanhdao');
    const made = await officer.submitMultipart(
      intakeUrl,
      await validFields('k-result'),
      [],
      '/quan-tri/ho-so/tiep-nhan',
    );
    const href = String(made.headers.location).replace(/\?.*$/, '');
    const leaderId = /name="assign-assigneeId"[^]*?<option value="(\d+)">Lãnh đạo/.exec(
      (await officer.get(href)).body,
    )![1]!;
    expect((await act(officer, href, { action: 'assign', 'assign-assigneeId': leaderId })).statusCode).toBe(
      303,
    );
    expect((await act(leader, href, { action: 'submit_for_approval' })).statusCode).toBe(303);
    expect((await act(leader, href, { action: 'approve' })).statusCode).toBe(303);
    const early = await act(officer, href, {
      action: 'return_result',
      'return_result-returnedVia': 'electronic',
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Chưa có tệp kết quả điện tử');
    const bad = await officer.submitMultipart(
      href,
      {},
      [
        {
          field: 'result',
          filename: 'kq.pdf',
          contentType: 'application/pdf',
          data: Buffer.from('not a pdf'),
        },
      ],
      `${href}/ket-qua`,
    );
    expect(bad.statusCode).toBe(422);
    const attached = await officer.submitMultipart(
      href,
      {},
      [{ field: 'result', filename: 'Kết quả.pdf', contentType: 'application/pdf', data: PDF }],
      `${href}/ket-qua`,
    );
    expect(attached.statusCode).toBe(303);
    const page = await officer.get(href);
    expect(page.body).toContain('Đính kèm kết quả điện tử');
    expect(page.body).toContain('Kết quả.pdf');
    const returned = await act(officer, href, {
      action: 'return_result',
      'return_result-returnedVia': 'electronic',
    });
    expect(returned.statusCode).toBe(303);
    expect((await officer.get(href)).body).toContain('Đã trả kết quả (mã trạng thái đồng bộ 10)');
  });
});
