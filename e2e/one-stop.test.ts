import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierMessages } from '../src/modules/dossiers/dossiers.messages.js';
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
  fact,
  lookUp,
  lookupFact,
  openFromQueue,
  openSlip,
  scanPdf,
  staffContext,
  SETUP_TIMEOUT,
} from './one-stop-steps.js';

/*
 * One online dossier of xã Tân Hồng from start to end (issue #3), in the browser: a citizen on a small phone signs
 * up from the procedure's page (Đăng ký khai sinh, fully online), submits the dossier with the documents as PDFs and
 * gets its code; the one-stop officer (motcua) finds it in their queue, receives it and forwards it to the
 * specialist (chuyenvien), who submits it for approval; the leader (lanhdao) approves; the officer returns the
 * result; the citizen looks the code up and sees it returned, under their masked name. Each page passes axe.
 */

const PROCEDURE = { code: '1.001193', name: 'Đăng ký khai sinh' };
const CITIZEN = { name: 'Nguyễn Thị Hằng', masked: 'Nguyễn T** H***', idNumber: '036190007788' };
const SPECIALIST = 'Chuyên viên (tài khoản mẫu)';

let j: Journey;
let phone: BrowserContext;
let officer: BrowserContext;
let specialist: BrowserContext;
let leader: BrowserContext;
let code: string;

// The demo data (its dossiers made through the service) and three sign-ins: slow on a busy two-core machine.
beforeAll(async () => {
  j = await startJourney();
  [phone, officer, specialist, leader] = await Promise.all([
    phoneContext(j.browser),
    staffContext(j, 'motcua'),
    staffContext(j, 'chuyenvien'),
    staffContext(j, 'lanhdao'),
  ]);
}, SETUP_TIMEOUT);

afterAll(async () => {
  await j?.close();
});

/** Fits a 360 px phone and passes axe. */
async function expectPhoneFriendly(page: Page, name: string): Promise<void> {
  await expectFitsWidth(page);
  await expectAccessible(page);
  await snapshot(page, name);
}

describe('an online dossier from submission to the returned result', () => {
  it('a citizen signs up on a phone and submits the dossier online with PDF documents', async () => {
    const { page, problems } = await watchedPage(phone, 'online-citizen');
    await page.goto(`${j.baseUrl}/thu-tuc-hanh-chinh/${PROCEDURE.code}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(PROCEDURE.name);
    await expectPhoneFriendly(page, 'phone-procedure');
    await Promise.all([
      page.waitForURL(/\/tai-khoan\/dang-nhap\?tiep=/),
      page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click(),
    ]);
    await expectPhoneFriendly(page, 'phone-citizen-sign-in');
    await Promise.all([
      page.waitForURL(/\/tai-khoan\/dang-ky/),
      page.getByRole('link', { name: 'Đăng ký tài khoản' }).click(),
    ]);
    await expectPhoneFriendly(page, 'phone-citizen-sign-up');
    await page.getByLabel('Họ và tên').fill(CITIZEN.name);
    await page.getByLabel('Số định danh cá nhân (số CCCD)').fill(CITIZEN.idNumber);
    await page.getByLabel('Số điện thoại di động').fill('0912345678');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-hang');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-hang');
    await Promise.all([
      page.waitForURL(new RegExp(`/nop-truc-tuyen/${PROCEDURE.code.replace('.', '\\.')}$`)),
      page.getByRole('button', { name: 'Đăng ký' }).click(),
    ]);

    // The form, prefilled from the account.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      `Nộp hồ sơ trực tuyến: ${PROCEDURE.name}`,
    );
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(CITIZEN.name);
    expect(await page.getByLabel('Số định danh cá nhân (số CCCD)').inputValue()).toBe(CITIZEN.idNumber);
    await page.getByLabel('Địa chỉ liên hệ').fill('Thôn Mộ Trạch, xã Tân Hồng');
    await page
      .getByLabel('Nội dung yêu cầu (không bắt buộc)')
      .fill('Đăng ký khai sinh cho con thứ hai, sinh ngày 20/11/2026.');
    // A PDF for every required document (their labels say so).
    const required = page.locator('input[type="file"]');
    let attached = 0;
    for (let i = 0; i < (await required.count()); i++) {
      const input = required.nth(i);
      const id = (await input.getAttribute('id')) ?? '';
      const label = (await page.locator(`label[for="${id}"]`).innerText()).trim();
      if (label.includes('(bắt buộc)')) {
        await input.setInputFiles({
          name: `giay-to-${i + 1}.pdf`,
          mimeType: 'application/pdf',
          buffer: await scanPdf(`Giay to ${i + 1}`),
        });
        attached++;
      }
    }
    expect(attached).toBeGreaterThan(0);
    await expectPhoneFriendly(page, 'phone-online-form');
    await Promise.all([
      page.waitForURL(/\/nop-truc-tuyen\/da-nop\/\d+$/),
      page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đã nộp hồ sơ trực tuyến');
    code = (await page.locator('.dossier-code').innerText()).trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/);
    expect(await page.locator('dl.facts').innerText()).toContain(dossierMessages.status.submitted);
    await expectPhoneFriendly(page, 'phone-online-done');

    await Promise.all([
      page.waitForURL(/\/tai-khoan\/ho-so$/),
      page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click(),
    ]);
    const card = page.locator('li.card', { has: page.locator('.dossier-code', { hasText: code }) });
    expect(await card.innerText()).toContain(dossierMessages.status.submitted);
    await expectPhoneFriendly(page, 'phone-my-dossiers');
    expect(problems).toEqual([]);
  });

  it('the officer receives it from their queue and forwards it to the specialist', async () => {
    const { page, problems } = await watchedPage(officer, 'online-officer');
    await openFromQueue(page, j.baseUrl, code, 'Chờ tiếp nhận, phân công');
    expect(await fact(page, 'Trạng thái')).toBe('Mới đăng ký (mã trạng thái đồng bộ 1)');
    expect(await fact(page, 'Hình thức nộp')).toBe('Trực tuyến');
    expect(await fact(page, 'Người nộp')).toBe(CITIZEN.name);
    expect(await page.getByRole('link', { name: 'giay-to-1.pdf' }).count()).toBe(1);
    await expectAccessible(page);
    await act(page, 'receive');
    expect(await fact(page, 'Trạng thái')).toBe('Đã tiếp nhận (mã trạng thái đồng bộ 2)');
    expect(await fact(page, 'Hạn trả kết quả')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    await act(page, 'assign', async (form) => {
      await form.getByLabel('Giao cho chuyên viên').selectOption({ label: SPECIALIST });
    });
    expect(await fact(page, 'Trạng thái')).toBe('Đang xử lý (mã trạng thái đồng bộ 4)');
    expect(await fact(page, 'Chuyên viên xử lý')).toBe(SPECIALIST);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('the specialist submits it for approval, and the leader approves', async () => {
    const s = await watchedPage(specialist, 'online-specialist');
    await openFromQueue(s.page, j.baseUrl, code, 'Của tôi');
    await expectAccessible(s.page);
    await act(s.page, 'submit_for_approval');
    expect(await fact(s.page, 'Trạng thái')).toBe('Chờ phê duyệt (mã trạng thái đồng bộ 4)');
    expect(await s.page.locator('form#form-submit_for_approval').count()).toBe(0);

    const l = await watchedPage(leader, 'online-leader');
    await openFromQueue(l.page, j.baseUrl, code, 'Chờ phê duyệt');
    await expectAccessible(l.page);
    await act(l.page, 'approve');
    expect(await fact(l.page, 'Trạng thái')).toBe('Đã có kết quả, chờ trả (mã trạng thái đồng bộ 9)');
    await expectAccessible(l.page);
    expect([...s.problems, ...l.problems]).toEqual([]);
  });

  it('the officer returns the result; the control slip (Mẫu 05) records every hand-over', async () => {
    const { page, problems } = await watchedPage(officer, 'online-return');
    await openFromQueue(page, j.baseUrl, code);
    await act(page, 'return_result', async (form) => {
      await form.getByLabel('Trả kết quả qua').selectOption({ label: 'Nhận tại Bộ phận Một cửa' });
    });
    expect(await fact(page, 'Trạng thái')).toBe('Đã trả kết quả (mã trạng thái đồng bộ 10)');
    const history = await page.locator('table tbody').innerText();
    for (const step of ['receive', 'assign', 'submit_for_approval', 'approve', 'return_result'] as const) {
      expect(history).toContain(dossierMessages.action[step]);
    }
    await expectAccessible(page);

    const slip = await openSlip(page, /Mẫu 05/);
    expect(slip.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(slip.flat).toContain(`Mã hồ sơ: ${code}`);
    expect(slip.flat).toContain(`Người nhận: ${SPECIALIST}`);
    expect(slip.flat).toContain(`Người nhận: ${CITIZEN.name}`); // the last hand-over, to the citizen
    // One row per hand-over: to the specialist, to the leader, back to the desk, to the citizen.
    expect(slip.flat.match(/Người giao:/g)).toHaveLength(4);
    expect(problems).toEqual([]);
  });

  it('the citizen looks the code up on the phone and sees the result returned, under a masked name', async () => {
    const { page, problems } = await watchedPage(phone, 'online-lookup');
    const result = await lookUp(page, j.baseUrl, code);
    expect(await lookupFact(result, 'Tình trạng')).toBe(dossierMessages.status.returned);
    expect(await lookupFact(result, 'Người nộp')).toBe(CITIZEN.masked);
    expect(await lookupFact(result, 'Hình thức nộp')).toBe('Trực tuyến');
    expect(await lookupFact(result, 'Trả kết quả lúc')).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await result.locator('ol.lookup-history > li').last().innerText()).toContain(
      'Đã trả kết quả cho người nộp.',
    );
    const shown = await result.innerText();
    expect(shown).not.toContain(CITIZEN.name);
    expect(shown).not.toContain(CITIZEN.idNumber);
    await expectPhoneFriendly(page, 'phone-lookup-returned');

    await page.goto(`${j.baseUrl}/tai-khoan/ho-so`);
    const card = page.locator('li.card', { has: page.locator('.dossier-code', { hasText: code }) });
    expect(await card.innerText()).toContain(dossierMessages.status.returned);
    expect(problems).toEqual([]);
  });
});
