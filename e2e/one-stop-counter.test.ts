import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstantLabel } from '../src/modules/calendar/calendar.presenter.js';
import { apologyLatestAt } from '../src/modules/calendar/due-date.js';
import { dossierMessages } from '../src/modules/dossiers/dossiers.messages.js';
import { IntakeInput } from '../src/modules/dossiers/dossiers.schemas.js';
import { staffMessages } from '../src/modules/dossiers/staff/staff.messages.js';
import { decodeQr } from '../src/modules/dossiers/forms/pdf-probe.js';
import { formatDateTime, localDate } from '../src/platform/time.js';
import {
  expectAccessible,
  expectFitsWidth,
  phoneContext,
  snapshot,
  startJourney,
  watchedPage,
  type Journey,
} from './harness.js';
import {
  act,
  actRefused,
  codeOnPage,
  DEMO_PASSWORD,
  openSlip,
  fact,
  lookUp,
  lookupFact,
  openFromQueue,
  scanPdf,
  staffContext,
  SETUP_TIMEOUT,
} from './one-stop-steps.js';

/*
 * The one-stop desk of xã Tân Hồng (issue #3) at the counter, in the browser:
 * - supplement: the officer (motcua) receives a dossier through the counter intake form with a scan, asks for a
 *   supplement (the slip Mẫu 02 says why), the citizen sees the request in the public look-up on a phone, comes
 *   back two working days later, and the officer records the complete supplement: the limit restarts, the new due
 *   date shows;
 * - late: the leader (lanhdao) issues the apology with a new appointment on the last day allowed (slip Mẫu 04); a
 *   second apology, and one a minute too late on another dossier, are refused with the reason; that dossier's page
 *   warns before its due time and says when it is overdue;
 * - without JavaScript: the officer assigns a dossier on a phone, and the citizen looks it up.
 * The application's clock is the harness's test clock (started at the real time): the journeys move it forward
 * (two working days on, the last day an apology is allowed) the way time passes at the desk, never back.
 */

/** Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days in the demo catalogue. */
const PROCEDURE = { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', days: 3 };
const DAY_MS = 86_400_000;

let j: Journey;
let officer: BrowserContext;
let phone: BrowserContext;
let unitId: number;

// The demo data (its dossiers made through the service) and three sign-ins: slow on a busy two-core machine.
beforeAll(async () => {
  j = await startJourney();
  const unit = j.t.deps.directory.getBySlug('tan-hong');
  if (!unit) {
    throw new Error('the demo unit tan-hong is missing');
  }
  unitId = unit.id;
  [officer, phone] = await Promise.all([staffContext(j, 'motcua'), phoneContext(j.browser)]);
}, SETUP_TIMEOUT);

afterAll(async () => {
  await j?.close();
});

/** The due date the calendar gives a dossier of PROCEDURE received (or completed) at `at`. */
async function dueFrom(at: Date): Promise<Date> {
  const due = await j.t.deps.calendar.service.dueDate({
    unitId,
    receivedAt: at,
    kind: 'working_days',
    amount: PROCEDURE.days,
    after15: false,
  });
  return due.dueAt;
}

/** `hhmm` (Vietnam time) on the `n`th working day after the day of `from`. */
async function workingDayAfter(from: Date, n: number, hhmm: string): Promise<Date> {
  const cal = await j.t.deps.calendar.service.workingCalendar(unitId, from);
  for (let day = 1, found = 0; day < 60; day++) {
    const at = new Date(`${localDate(new Date(from.getTime() + day * DAY_MS))}T${hhmm}:00+07:00`);
    if (cal.isWorkingTime(at) && ++found === n) {
      return at;
    }
  }
  throw new Error(`no ${n} working days after ${from.toISOString()}`);
}

/** Receives a counter dossier through the service, as motcua (the intake form itself is driven in the browser once). */
async function intakeThroughService(
  name: string,
  phoneNumber: string,
): Promise<{ id: number; code: string }> {
  const { deps } = j.t;
  const signedIn = await deps.accounts.signIn('motcua', DEMO_PASSWORD, '127.0.0.1');
  if (!signedIn.ok) {
    throw new Error('the demo officer motcua cannot sign in');
  }
  const procedure = await deps.procedures.service.byCode(unitId, PROCEDURE.code);
  const input = IntakeInput.parse({
    procedureCode: PROCEDURE.code,
    applicant: { name, phone: phoneNumber },
    provided: procedure.documents.map((d) => d.name),
  });
  const { dossier } = await deps.dossiers.service.intake(signedIn.actor, unitId, input);
  return { id: dossier.id, code: dossier.code! }; // a received dossier has its code
}

describe('a counter dossier with a supplement request', () => {
  let code: string;
  let dossierUrl: string;
  const applicant = 'Lê Thị Thu Hà';
  const reason = 'Giấy tờ về hộ tịch nộp kèm là bản chụp mờ, không đọc được số hiệu.';
  const missingDocument = 'Bản sao có chứng thực Giấy khai sinh';

  it('the officer receives it through the counter intake form, with a scan', async () => {
    const { page, problems } = await watchedPage(officer, 'counter-intake');
    await page.goto(`${j.baseUrl}/quan-tri/ho-so`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hồ sơ một cửa');
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/\/quan-tri\/ho-so\/tiep-nhan$/),
      page.getByRole('link', { name: 'Tiếp nhận hồ sơ mới' }).click(),
    ]);
    await expectAccessible(page);
    await page
      .getByLabel('Thủ tục hành chính')
      .selectOption({ label: `${PROCEDURE.name} (${PROCEDURE.code})` });
    await Promise.all([
      page.waitForURL(/thu-tuc=1\.004873/),
      page.getByRole('button', { name: 'Tiếp tục' }).click(),
    ]);

    await page.getByLabel('Họ và tên', { exact: true }).fill(applicant);
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('036190004512');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Mộ Trạch, xã Tân Hồng');
    const documents = page.locator('input[name="provided"]');
    expect(await documents.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await documents.count()); i++) {
      await documents.nth(i).check();
    }
    const scans = page.locator('input[type="file"]');
    await scans.first().setInputFiles({
      name: 'to-khai-xac-nhan-hon-nhan.pdf',
      mimeType: 'application/pdf',
      buffer: await scanPdf('To khai cap Giay xac nhan tinh trang hon nhan'),
    });
    await expectAccessible(page);
    await snapshot(page, 'counter-intake-form');
    await Promise.all([
      page.waitForURL(/\/quan-tri\/ho-so\/\d+\?moi=1$/),
      page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click(),
    ]);

    code = await codeOnPage(page);
    dossierUrl = page.url().replace(/\?.*$/, '');
    expect(await page.getByRole('status').innerText()).toContain(`Đã tiếp nhận hồ sơ ${code}.`);
    expect(await fact(page, 'Trạng thái')).toBe('Đã tiếp nhận (mã trạng thái đồng bộ 2)');
    expect(await fact(page, 'Hình thức nộp')).toBe('Trực tiếp');
    expect(await fact(page, 'Người nộp')).toBe(applicant);
    expect(await page.getByRole('link', { name: 'to-khai-xac-nhan-hon-nhan.pdf' }).count()).toBe(1);
    await expectAccessible(page);

    // The receipt (Mẫu 01) the citizen takes home: its code, and a QR code that opens the look-up.
    const receipt = await openSlip(page, /Mẫu 01/);
    expect(receipt.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt.flat).toContain(code);
    expect(receipt.flat).toContain(applicant);
    expect(await decodeQr(receipt.bytes)).toBe(`${j.baseUrl}/tra-cuu-ho-so?ma=${code}`);
    expect(problems).toEqual([]);
  });

  it('the officer asks for a supplement; the slip Mẫu 02 says why and what is missing', async () => {
    const { page, problems } = await watchedPage(officer, 'counter-supplement');
    await page.goto(dossierUrl);
    await act(page, 'request_supplement', async (form) => {
      await form.getByLabel('Lý do').fill(reason);
      await form.getByLabel('Giấy tờ cần bổ sung (mỗi dòng một loại)').fill(missingDocument);
    });
    expect(await fact(page, 'Trạng thái')).toBe('Yêu cầu bổ sung hồ sơ (mã trạng thái đồng bộ 5)');
    await expectAccessible(page);

    const slip = await openSlip(page, /Mẫu 02/);
    expect(slip.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(slip.flat).toContain(`Mã hồ sơ: ${code}`);
    expect(slip.flat).toContain(`Lý do: ${reason}`);
    expect(slip.flat).toContain(missingDocument);
    expect(slip.flat).toContain(`Ông/Bà ${applicant}`);
    expect(problems).toEqual([]);
  });

  it('the citizen sees the request in the look-up on a phone, with the name masked', async () => {
    const { page, problems } = await watchedPage(phone, 'lookup-supplement');
    const result = await lookUp(page, j.baseUrl, code);
    expect(await lookupFact(result, 'Tình trạng')).toBe(dossierMessages.status.supplement_requested);
    expect(await lookupFact(result, 'Người nộp')).toBe('Lê T** T** H*');
    expect(await lookupFact(result, 'Hẹn trả kết quả')).toContain('Tạm dừng tính hạn');
    const last = result.locator('ol.lookup-history > li').last();
    const step = await last.innerText();
    expect(step).toContain('Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(step).toContain(reason);
    expect(step).toContain(missingDocument);
    expect(await result.innerText()).not.toContain('036190004512');
    await expectFitsWidth(page);
    await expectAccessible(page);
    await snapshot(page, 'phone-lookup-supplement');
    expect(problems).toEqual([]);
  });

  it('two days later the officer records the complete supplement, and the time limit restarts', async () => {
    const before = (await j.t.deps.dossiers.service.byCode(code))?.dueAt;
    // The citizen comes back on the second working day after receipt, so the restarted limit ends later.
    j.t.clock.set(await workingDayAfter(j.t.clock.now(), 2, '09:00'));
    const expected = await dueFrom(j.t.clock.now());
    expect(expected.getTime()).toBeGreaterThan(new Date(before!).getTime());
    // Signed in again: sessions last 7 days by the application's clock (and holidays may lie in between).
    const desk = await staffContext(j, 'motcua');
    const { page, problems } = await watchedPage(desk, 'counter-supplement-complete');
    await page.goto(dossierUrl);
    await act(page, 'complete_supplement');
    expect(await fact(page, 'Trạng thái')).toBe('Đã tiếp nhận (mã trạng thái đồng bộ 2)');
    const after = await fact(page, 'Hạn trả kết quả');
    expect(after.startsWith(formatDateTime(expected)), `"${after}" starts with the new due date`).toBe(true);
    await expectAccessible(page);

    const lookup = await watchedPage(phone, 'lookup-supplement-complete');
    const result = await lookUp(lookup.page, j.baseUrl, code);
    expect(await lookupFact(result, 'Tình trạng')).toBe(dossierMessages.status.received);
    expect(await lookupFact(result, 'Hẹn trả kết quả')).toContain(formatInstantLabel(expected));
    expect(await result.locator('ol.lookup-history > li').last().innerText()).toContain(
      'Đã nhận đủ hồ sơ bổ sung; thời hạn giải quyết được tính lại từ đầu.',
    );
    expect([...problems, ...lookup.problems]).toEqual([]);
  });

  it('without JavaScript: the officer assigns it on a phone, and the citizen looks it up', async () => {
    const staffPhone = await phoneContext(j.browser, { javaScriptEnabled: false });
    const { page, problems } = await watchedPage(staffPhone, 'nojs-assign');
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('motcua');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL(/\/quan-tri$/),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    await openFromQueue(page, j.baseUrl, code);
    await act(page, 'assign', async (form) => {
      await form.getByLabel('Giao cho chuyên viên').selectOption({ label: 'Chuyên viên (tài khoản mẫu)' });
    });
    expect(await fact(page, 'Trạng thái')).toBe('Đang xử lý (mã trạng thái đồng bộ 4)');
    expect(await fact(page, 'Chuyên viên xử lý')).toBe('Chuyên viên (tài khoản mẫu)');
    await expectFitsWidth(page);
    await staffPhone.close();

    const citizen = await phoneContext(j.browser, { javaScriptEnabled: false });
    const lookup = await watchedPage(citizen, 'nojs-lookup');
    const result = await lookUp(lookup.page, j.baseUrl, code);
    expect(await lookupFact(result, 'Tình trạng')).toBe(dossierMessages.status.processing);
    await expectFitsWidth(lookup.page);
    // A mistyped code: the message at the field, the input kept.
    await lookup.page.getByLabel('Mã hồ sơ').fill('khong-phai-ma');
    await Promise.all([
      lookup.page.waitForURL(/\?ma=/),
      lookup.page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    expect(await lookup.page.locator('#ma-error').innerText()).toContain('Mã hồ sơ không đúng dạng');
    expect(await lookup.page.getByLabel('Mã hồ sơ').inputValue()).toBe('khong-phai-ma');
    await citizen.close();
    expect(problems).toEqual([]);
    expect(lookup.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});

describe('a dossier running late', () => {
  const reason = 'Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây của người yêu cầu.';

  it('the leader apologises with a new appointment on the last day allowed; a second apology is refused', async () => {
    const late = await intakeThroughService('Phạm Văn Khoa', '0987654321');
    const tooLate = await intakeThroughService('Đỗ Thị Mai', '0987654322');
    const dossier = await j.t.deps.dossiers.service.get(unitId, late.id);
    const due = new Date(dossier.dueAt!); // received, so due
    const cal = await j.t.deps.calendar.service.workingCalendar(unitId, due);
    const latest = apologyLatestAt(due, cal);
    const newDue = await workingDayAfter(due, 2, '10:00'); // the new appointment
    j.t.clock.set(latest); // the last instant the apology may be issued (Decree 61/2018 Art. 19)

    // Signed in now: sessions last 7 days by the application's clock, which has moved on since beforeAll.
    const leader = await staffContext(j, 'lanhdao');
    const { page, problems } = await watchedPage(leader, 'late-apology');
    await openFromQueue(page, j.baseUrl, late.code);
    await expectAccessible(page);
    await act(page, 'apologise', async (form) => {
      await form.getByLabel('Lý do').fill(reason);
      await form.getByLabel('Ngày giờ hẹn trả mới').fill(`${localDate(newDue)}T10:00`);
    });
    const dueFact = await fact(page, 'Hạn trả kết quả');
    expect(dueFact.startsWith(formatDateTime(newDue)), `"${dueFact}" is the new appointment`).toBe(true);
    expect(await page.locator('table tbody tr').last().innerText()).toContain(
      `Hẹn mới: ${formatDateTime(newDue)}`,
    );
    await expectAccessible(page);

    const slip = await openSlip(page, /Mẫu 04/);
    expect(slip.text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(slip.flat).toContain('XIN LỖI');
    expect(slip.flat).toContain(`Mã hồ sơ: ${late.code}`);
    expect(slip.flat).toContain(`Lý do: ${reason}`);
    const [y, mo, d] = localDate(newDue).split('-');
    expect(slip.flat).toContain(`vào lúc 10 giờ 00 phút, ngày ${d} tháng ${mo} năm ${y}`);

    // A second apology: the form is still offered, the answer says why not, and nothing changed.
    const second = await actRefused(page, 'apologise', async (form) => {
      await form.getByLabel('Lý do').fill('Cần thêm thời gian.');
      await form.getByLabel('Ngày giờ hẹn trả mới').fill(`${localDate(newDue)}T16:00`);
    });
    expect(second.status).toBe(409);
    expect(second.message).toContain(dossierMessages.apology.chi_duoc_hen_lai_mot_lan);
    expect((await fact(page, 'Hạn trả kết quả')).startsWith(formatDateTime(newDue))).toBe(true);
    await expectAccessible(page);
    await snapshot(page, 'late-second-apology');

    // Another dossier due the same day, a minute after that last instant: too late for an apology.
    j.t.clock.set(new Date(latest.getTime() + 60_000));
    await openFromQueue(page, j.baseUrl, tooLate.code);
    const refused = await actRefused(page, 'apologise', async (form) => {
      await form.getByLabel('Lý do').fill(reason);
      await form.getByLabel('Ngày giờ hẹn trả mới').fill(`${localDate(newDue)}T10:00`);
    });
    expect(refused.status).toBe(409);
    expect(refused.message).toContain(dossierMessages.apology.qua_thoi_han_xin_loi(formatDateTime(latest)));

    // An hour before its due time the page warns, in words, with no apology left to offer; after it, overdue.
    const dueText = formatDateTime(due);
    j.t.clock.set(new Date(due.getTime() - 3_600_000));
    const tooLateUrl = page.url().replace(/\/xu-ly$/, '');
    const again = await staffContext(j, 'lanhdao'); // days may have passed (weekends, holidays)
    const later = await watchedPage(again, 'late-warning');
    await later.page.goto(tooLateUrl);
    expect((await later.page.getByRole('note').innerText()).trim()).toBe(
      staffMessages.detail.dueSoon(dueText),
    );
    await expectAccessible(later.page);
    j.t.clock.set(new Date(due.getTime() + 3_600_000));
    await later.page.reload();
    expect((await later.page.getByRole('note').innerText()).trim()).toBe(
      staffMessages.detail.overdue(dueText),
    );
    expect(problems.filter((p) => !p.includes('status of 409'))).toEqual([]);
    expect(later.problems).toEqual([]);
    await Promise.all([leader.close(), again.close()]);

    // The citizen sees the apology and the new appointment in the look-up.
    const lookup = await watchedPage(phone, 'lookup-apology');
    const result = await lookUp(lookup.page, j.baseUrl, late.code);
    expect(await lookupFact(result, 'Hẹn trả kết quả')).toContain(formatInstantLabel(newDue));
    const step = await result.locator('ol.lookup-history > li').last().innerText();
    expect(step).toContain('Cơ quan đã gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.');
    expect(step).toContain(`Hẹn trả kết quả mới: ${formatInstantLabel(newDue)}`);
    await expectAccessible(lookup.page);
    expect(lookup.problems).toEqual([]);
  });
});
