import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, cookiesFrom, csrfFrom, type TestApp } from '../../../test/app.js';
import { Browser, multipart, multipartActionsOf, tinyPng, type MultipartFile } from '../../../test/staff.js';
import { actionInput } from '../../../test/dossiers.js';
import type { Actor } from '../accounts/actor.js';

/*
 * Online submission by citizens (issue #3 item 3) on the demo commune Tân Hồng, on the dialect under test:
 * the form, drafts with their files, refusals before anything is stored, one dossier per form, the officer's receipt.
 * UPLOAD_MAX_MB is 1 here, so "too large" is cheap to test.
 */

let t: TestApp;
let unitId: number;
let base: string;
let agencyCode: string;
let officer: Actor;

const PASSWORD = 'mat-khau-cong-dan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A Windows program renamed to .pdf: "MZ" header. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0x41)]);

const pdf = (field: string, filename = 'to-khai.pdf', data = PDF): MultipartFile => ({
  field,
  filename,
  contentType: 'application/pdf',
  data,
});

function storedFiles(): string[] {
  const root = join(t.testDb.dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

const count = async (table: 'dossier' | 'dossierDraft' | 'dossierFile') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let signUps = 0;

/** A citizen with an account (made by the service: the page's sign-up limit is per address), signed in. */
async function citizen(idNumber: string): Promise<Browser> {
  signUps += 1;
  await t.deps.accounts.citizens.signUp(
    {
      fullName: 'Nguyễn Thị Hằng',
      idNumber,
      phone: '0912345678',
      email: 'hang@example.com',
      password: PASSWORD,
    },
    `10.1.0.${signUps}`,
    unitId,
  );
  const b = new Browser(t);
  const res = await b.submit(`${base}/tai-khoan/dang-nhap`, { idNumber, password: PASSWORD });
  expect(res.statusCode).toBe(303);
  return b;
}

/** Text as the page escapes it (quotes in attributes and text). */
const html = (s: string) => s.replaceAll('"', '&quot;');

/** The form's page, its key and its multipart action (CSRF token in the query). */
async function openForm(b: Browser, url: string) {
  const page = await b.get(url);
  expect(page.statusCode).toBe(200);
  const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const action = multipartActionsOf(page.body)[0] ?? '';
  return { page, key, action, csrf: csrfFrom(page.body) };
}

/** Posts the online form as a browser does (multipart, to the form's action). */
async function post(
  b: Browser,
  form: { action: string; csrf: string },
  fields: Record<string, string>,
  files: MultipartFile[] = [],
) {
  const { payload, contentType } = multipart({ _csrf: form.csrf, ...fields }, files);
  const res = await t.app.inject({
    method: 'POST',
    url: form.action,
    headers: { cookie: cookieHeader(b.jar), 'content-type': contentType },
    payload,
  });
  cookiesFrom(res, b.jar);
  return res;
}

const applicantFields = (key: string, extra: Record<string, string> = {}) => ({
  key,
  name: 'Nguyễn Thị Hằng',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'hang@example.com',
  address: 'Thôn Tân Hồng, xã Tân Hồng',
  requestSummary: '',
  returnMethod: 'electronic',
  ...extra,
});

beforeAll(async () => {
  // Tue 10/02/2026 09:00 in Vietnam.
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z', env: { UPLOAD_MAX_MB: '1' } });
  const unit = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!;
  unitId = unit.id;
  base = t.deps.directory.basePathOf(unit);
  agencyCode = unit.agencyCode!;
  const row = await t.deps.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', 'motcua')
    .executeTakeFirstOrThrow();
  officer = await t.deps.accounts.actorOf(row.id);
});
afterAll(async () => {
  await t.close();
});

describe('GET /nop-truc-tuyen/<code>', () => {
  it('sends a visitor to the citizens’ sign-in, then back to the form', async () => {
    const res = await new Browser(t).get(`${base}/nop-truc-tuyen/1.004873`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `${base}/tai-khoan/dang-nhap?tiep=${encodeURIComponent(`${base}/nop-truc-tuyen/1.004873`)}`,
    );
  });

  it('refuses staff: a staff account is not a citizen account', async () => {
    const b = new Browser(t);
    await b.signIn(base, 'motcua', 'congxa-demo-2026');
    const res = await b.get(`${base}/nop-truc-tuyen/1.004873`);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Trang này dành cho tài khoản người dân.');
  });

  it('shows the form prefilled from the account, one file input per document, the key and the CSRF token', async () => {
    const b = await citizen('001190000001');
    const { page, key, action } = await openForm(b, `${base}/nop-truc-tuyen/1.004873`);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Nộp hồ sơ trực tuyến: Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(page.body).toContain('value="Nguyễn Thị Hằng"');
    expect(page.body).toContain('value="001190000001"');
    expect(page.body).toContain('value="0912345678"');
    expect(page.body).toContain('value="hang@example.com"');
    expect(page.body).toContain('<input id="doc-0" name="doc-0" type="file"');
    expect(page.body).toContain('<input id="doc-1" name="doc-1" type="file"');
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(action).toMatch(new RegExp(`^${base}/nop-truc-tuyen/1\\.004873\\?_csrf=`));
    expect(page.body).toContain('Đang đăng nhập: <strong>Nguyễn Thị Hằng</strong>');
  });

  it('answers 404 with an explanation for a procedure offered in person only', async () => {
    const p = await t.deps.procedures.service.byCode(unitId, '1.001022');
    await t.deps.procedures.service.save(officer, unitId, p.code, { ...p, onlineLevel: 'truc_tiep' });
    const b = await citizen('001190000002');
    const res = await b.get(`${base}/nop-truc-tuyen/1.001022`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('chưa được cung cấp trực tuyến tại đơn vị này');
    expect(res.body).toContain('nộp hồ sơ trực tiếp tại Bộ phận Một cửa');
    expect((await b.get(`${base}/nop-truc-tuyen/9.999999`)).statusCode).toBe(404);
    // The procedure page offers the online form only where there is one.
    const inPerson = await b.get(`${base}/thu-tuc-hanh-chinh/1.001022`);
    expect(inPerson.body).not.toContain('Nộp hồ sơ trực tuyến');
    const online = await b.get(`${base}/thu-tuc-hanh-chinh/1.004873`);
    expect(online.body).toContain(
      `<a class="button" href="${base}/nop-truc-tuyen/1.004873">Nộp hồ sơ trực tuyến</a>`,
    );
  });
});

describe('drafts: save and resume later', () => {
  it('keeps the values and the files, and the draft survives until submitted or deleted', async () => {
    const b = await citizen('001190000003');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const before = storedFiles().length;
    const res = await post(
      b,
      form,
      {
        ...applicantFields(form.key, { address: 'Xóm Đông, xã Tân Hồng', idNumber: '0011' }),
        action: 'save',
      },
      [pdf('doc-0', 'to-khai-CT01.pdf')],
    );
    expect(res.statusCode).toBe(303);
    const draft = await t.deps.db
      .selectFrom('dossierDraft')
      .selectAll()
      .where('formKey', '=', form.key)
      .executeTakeFirstOrThrow();
    expect(res.headers.location).toBe(`${base}/nop-truc-tuyen/1.004194?nhap=${draft.id}&da-luu=co`);
    expect(storedFiles().length).toBe(before + 1);

    // Later (a new page load): everything is back, the file included, under the same form key.
    const resumed = await openForm(b, res.headers.location!);
    expect(resumed.key).toBe(form.key);
    expect(resumed.page.body).toContain('Đã lưu bản nháp lúc 10/02/2026 09:00:00');
    expect(resumed.page.body).toContain('>Xóm Đông, xã Tân Hồng</textarea>');
    expect(resumed.page.body).toContain('value="0011"');
    expect(resumed.page.body).toContain('Đã tải lên: to-khai-CT01.pdf');

    // A new form of the same procedure offers the draft.
    const fresh = await b.get(`${base}/nop-truc-tuyen/1.004194`);
    expect(fresh.body).toContain(`href="${base}/nop-truc-tuyen/1.004194?nhap=${draft.id}"`);

    // "My dossiers" lists it; another citizen cannot open it.
    const mine = await b.get(`${base}/tai-khoan/ho-so`);
    expect(mine.body).toContain('Đăng ký tạm trú');
    const other = await citizen('001190000004');
    expect((await other.get(`${base}/nop-truc-tuyen/1.004194?nhap=${draft.id}`)).statusCode).toBe(404);

    // Deleting it removes the row and its file.
    const del = await b.submit(`${base}/tai-khoan/ho-so`, {}, `${base}/tai-khoan/ho-so/nhap/${draft.id}/xoa`);
    expect(del.statusCode).toBe(303);
    expect(
      await t.deps.db.selectFrom('dossierDraft').select('id').where('id', '=', draft.id).execute(),
    ).toEqual([]);
    expect(storedFiles().length).toBe(before);
  });
});

describe('drafts saved twice at once', () => {
  it('keeps the files of both requests (a double click on "Lưu nháp", or two tabs)', async () => {
    const b = await citizen('001190000012');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const fields = { ...applicantFields(form.key), action: 'save' };
    const [one, two] = await Promise.all([
      post(b, form, fields, [pdf('doc-0', 'CT01.pdf')]),
      post(b, form, fields, [pdf('doc-1', 'so-do.pdf')]),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([303, 303]);
    const drafts = await t.deps.db
      .selectFrom('dossierDraft')
      .selectAll()
      .where('formKey', '=', form.key)
      .execute();
    expect(drafts).toHaveLength(1);
    const files = JSON.parse(drafts[0]!.files) as { document: number; fileName: string }[];
    expect(files.map((f) => [f.document, f.fileName])).toEqual([
      [0, 'CT01.pdf'],
      [1, 'so-do.pdf'],
    ]);
  });
});

describe('POST /nop-truc-tuyen/<code>: refusals', () => {
  it('names each missing required document at its field, with every other problem, keeping input and files', async () => {
    const b = await citizen('001190000005');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const res = await post(
      b,
      form,
      { ...applicantFields(form.key, { idNumber: '12345', phone: 'abc', address: '' }), action: 'submit' },
      [pdf('doc-0', 'CT01.pdf')],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Chưa đính kèm giấy tờ bắt buộc: Giấy tờ chứng minh chỗ ở hợp pháp.');
    expect(res.body).toContain('id="doc-1-error"');
    expect(res.body).toContain('href="#doc-1"');
    expect(res.body).toContain('Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.');
    expect(res.body).toContain('Số điện thoại không hợp lệ');
    expect(res.body).toContain('Nhập địa chỉ liên hệ.');
    expect(res.body).toContain('value="12345"');
    expect(res.body).toContain('value="abc"');
    // The file already uploaded is kept (in the draft), and said so.
    expect(res.body).toContain('Đã tải lên: CT01.pdf');
    expect(res.body).toContain('Thông tin và các tệp hợp lệ đã được lưu vào bản nháp');
    expect(
      await t.deps.db.selectFrom('dossier').select('id').where('idempotencyKey', '=', form.key).execute(),
    ).toEqual([]);
    // Adding the missing document (the first file stays in the draft) submits the dossier.
    const again = await post(b, form, { ...applicantFields(form.key), action: 'submit' }, [
      { field: 'doc-1', filename: 'so-do.png', contentType: 'image/png', data: tinyPng() },
    ]);
    expect(again.statusCode).toBe(303);
    const files = await t.deps.db
      .selectFrom('dossierFile')
      .innerJoin('dossier', 'dossier.id', 'dossierFile.dossierId')
      .select(['dossierFile.documentName', 'dossierFile.fileName', 'dossierFile.mime'])
      .where('dossier.idempotencyKey', '=', form.key)
      .orderBy('dossierFile.id')
      .execute();
    expect(files).toEqual([
      {
        documentName: 'Tờ khai thay đổi thông tin cư trú (CT01)',
        fileName: 'CT01.pdf',
        mime: 'application/pdf',
      },
      { documentName: 'Giấy tờ chứng minh chỗ ở hợp pháp', fileName: 'so-do.png', mime: 'image/png' },
    ]);
  });

  it('refuses a program renamed .pdf and a file over the limit before anything is stored', async () => {
    const b = await citizen('001190000006');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const files = storedFiles().length;
    const rows = [await count('dossier'), await count('dossierDraft'), await count('dossierFile')];
    for (const action of ['submit', 'save']) {
      const res = await post(b, form, { ...applicantFields(form.key), action }, [
        pdf('doc-0', 'to-khai.pdf', EXE),
        pdf('doc-1', 'ban-scan.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)])),
      ]);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(html('Tệp "to-khai.pdf" không phải PDF, JPEG hay PNG.'));
      expect(res.body).toContain(html('Tệp "ban-scan.pdf" lớn hơn 1 MB.'));
      expect(res.body).toContain('id="doc-0-error"');
      expect(res.body).toContain('id="doc-1-error"');
      expect(res.body).toContain('Chưa có gì được lưu');
      expect(res.body).toContain('>Thôn Tân Hồng, xã Tân Hồng</textarea>');
    }
    expect(storedFiles().length).toBe(files);
    expect([await count('dossier'), await count('dossierDraft'), await count('dossierFile')]).toEqual(rows);
  });

  it('asks to choose a good file again when another one is refused', async () => {
    const b = await citizen('001190000007');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const res = await post(b, form, { ...applicantFields(form.key), action: 'save' }, [
      pdf('doc-0', 'CT01.pdf'),
      pdf('doc-1', 'virus.pdf', EXE),
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(html('Tệp "CT01.pdf" hợp lệ nhưng chưa được lưu vì có tệp khác bị từ chối'));
    expect(
      await t.deps.db.selectFrom('dossierDraft').select('id').where('formKey', '=', form.key).execute(),
    ).toEqual([]);
  });

  it('takes at most 6 files in one request', async () => {
    const b = await citizen('001190000008');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004194`);
    const files = Array.from({ length: 7 }, (_, i) => pdf(`doc-${i}`, `tep-${i}.pdf`));
    const res = await post(b, form, { ...applicantFields(form.key), action: 'save' }, files);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Mỗi lần gửi chỉ nhận tối đa 6 tệp.');
  });

  it('refuses a post without the CSRF token or without a signed-in citizen, before reading the files', async () => {
    const b = await citizen('001190000009');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004873`);
    const { payload, contentType } = multipart(applicantFields(form.key), [pdf('doc-0')]);
    const forged = await t.app.inject({
      method: 'POST',
      url: `${base}/nop-truc-tuyen/1.004873`,
      headers: { cookie: cookieHeader(b.jar), 'content-type': contentType },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: form.action,
      headers: { 'content-type': contentType },
      payload,
    });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/tai-khoan/dang-nhap?tiep=');
  });
});

describe('submission: one dossier per form, then the officer receives it', () => {
  it('makes one dossier of a double click or a retry, which the officer receives with a due date', async () => {
    const b = await citizen('001190000010');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004873`);
    const fields = { ...applicantFields(form.key, { idNumber: '001190000010' }), action: 'submit' };
    const files = [pdf('doc-0', 'to-khai-xac-nhan.pdf')];
    const [first, second] = await Promise.all([post(b, form, fields, files), post(b, form, fields, files)]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const retry = await post(b, form, fields, files);
    expect(retry.headers.location).toBe(first.headers.location);
    // "Lưu nháp" on the old form after submission goes to the dossier too, and makes no draft.
    const late = await post(b, form, { ...fields, action: 'save' });
    expect(late.headers.location).toBe(first.headers.location);

    const rows = await t.deps.db
      .selectFrom('dossier')
      .selectAll()
      .where('idempotencyKey', '=', form.key)
      .execute();
    expect(rows).toHaveLength(1);
    const d = rows[0]!;
    const account = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'cccd:001190000010')
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({
      status: 'submitted',
      channel: 'online',
      citizenAccountId: account.id,
      procedureCode: '1.004873',
      applicantName: 'Nguyễn Thị Hằng',
      applicantIdNumber: '001190000010',
      returnMethod: 'electronic',
      receivedAt: null,
      dueAt: null,
    });
    expect(d.code).toMatch(new RegExp(`^${agencyCode.replaceAll('.', '\\.')}-260210-\\d{4}$`));
    expect(first.headers.location).toBe(`${base}/nop-truc-tuyen/da-nop/${d.id}`);
    expect(
      await t.deps.db.selectFrom('dossierFile').select('fileName').where('dossierId', '=', d.id).execute(),
    ).toEqual([{ fileName: 'to-khai-xac-nhan.pdf' }]);
    const events = await t.deps.dossiers.service.events(d.id);
    expect(events.map((e) => [e.action, e.toStatus, e.actorId, e.actorName])).toEqual([
      ['submit', 'submitted', account.id, 'Nguyễn Thị Hằng'],
    ]);
    expect(
      await t.deps.db.selectFrom('dossierDraft').select('id').where('formKey', '=', form.key).execute(),
    ).toEqual([]);

    // The confirmation: the code, the look-up link, what happens next; only for its citizen.
    const done = await b.get(first.headers.location!);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(d.code!);
    expect(done.body).toContain(`href="${base}/tra-cuu-ho-so?ma=${encodeURIComponent(d.code!)}"`);
    expect(done.body).toContain('Tiếp theo');
    const other = await citizen('001190000011');
    expect((await other.get(first.headers.location!)).statusCode).toBe(404);

    // The officer receives it: the due date is counted from now (3 working days → Fri 13/02 17:00).
    const received = await t.deps.dossiers.service.act(
      officer,
      unitId,
      d.id,
      actionInput('receive', d.version),
    );
    expect(received.status).toBe('received');
    expect(new Date(received.dueAt!).toISOString()).toBe('2026-02-13T10:00:00.000Z');

    // "My dossiers" shows it, received, with its appointment and the look-up link.
    const mine = await b.get(`${base}/tai-khoan/ho-so`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(d.code!);
    expect(mine.body).toContain('Đã tiếp nhận');
    expect(mine.body).toContain('13/02/2026 17:00:00');
    expect(mine.body).toContain(`href="${base}/tra-cuu-ho-so?ma=${encodeURIComponent(d.code!)}"`);
    expect(mine.body).not.toContain('001190000011');

    // Returned electronically: the citizen downloads the result from "my dossiers"; nobody else can.
    const leaderRow = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'lanhdao')
      .executeTakeFirstOrThrow();
    const leader = await t.deps.accounts.actorOf(leaderRow.id);
    const step = actionInput;
    let x = await t.deps.dossiers.service.act(
      officer,
      unitId,
      d.id,
      step('assign', received.version, { assigneeId: leader.id }),
    );
    x = await t.deps.dossiers.service.act(leader, unitId, d.id, step('submit_for_approval', x.version));
    x = await t.deps.dossiers.service.act(leader, unitId, d.id, step('approve', x.version));
    expect((await b.get(`${base}/tai-khoan/ho-so`)).body).not.toContain('Tải kết quả điện tử');
    await t.deps.dossiers.service.attachResult(officer, unitId, d.id, {
      documentName: null,
      fileName: 'Giấy xác nhận.pdf',
      mime: 'application/pdf',
      extension: 'pdf',
      bytes: PDF,
    });
    await t.deps.dossiers.service.act(
      officer,
      unitId,
      d.id,
      step('return_result', x.version, { returnedVia: 'electronic' }),
    );
    const after = await b.get(`${base}/tai-khoan/ho-so`);
    const href = /href="([^"]+\/ket-qua)"/.exec(after.body)?.[1];
    expect(href).toBe(`${base}/tai-khoan/ho-so/${d.id}/ket-qua`);
    const download = await b.get(href!);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await other.get(href!)).statusCode).toBe(404);
  });
});

describe('the online time limit', () => {
  it('is the one an online dossier keeps, when the procedure has one (domain.md §1.5)', async () => {
    const p = await t.deps.procedures.service.byCode(unitId, '1.004873');
    await t.deps.procedures.service.save(officer, unitId, p.code, {
      ...p,
      onlineTimeLimit: { kind: 'working_days', amount: 2 },
    });
    const b = await citizen('001190000077');
    const form = await openForm(b, `${base}/nop-truc-tuyen/1.004873`);
    const fields = { ...applicantFields(form.key, { idNumber: '001190000077' }), action: 'submit' };
    expect((await post(b, form, fields, [pdf('doc-0')])).statusCode).toBe(303);
    const d = await t.deps.db
      .selectFrom('dossier')
      .select(['timeLimitKind', 'timeLimitAmount'])
      .where('idempotencyKey', '=', form.key)
      .executeTakeFirstOrThrow();
    expect(d).toEqual({ timeLimitKind: 'working_days', timeLimitAmount: 2 });
  });
});
