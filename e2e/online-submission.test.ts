import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFitsWidth,
  phoneContext,
  snapshot,
  startJourney,
  watchedPage,
  type Journey,
} from './harness.js';

/*
 * A citizen submits a dossier online on a small phone with JavaScript off (issue #3 item 3): from the procedure's
 * page to sign-up, the form (a refused submission with its messages, a saved draft), the confirmation with the
 * dossier code, and "my dossiers". Every page is checked with axe and for sideways scrolling.
 */

let j: Journey;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  j = await startJourney();
});

afterAll(async () => {
  await j?.close();
});

describe('online submission on a phone', () => {
  it.each([
    ['without JavaScript', false, '001190055555'],
    ['with JavaScript (axe)', true, '001190066666'],
  ])(
    '%s: signs up, is told what is missing, saves a draft, submits, finds the dossier',
    async (_, js, idNumber) => {
      const context = await phoneContext(j.browser, { javaScriptEnabled: js });
      const { page, problems } = await watchedPage(context, `online-submission-${String(js)}`);
      page.setDefaultTimeout(8000);
      /** Fits a 360 px phone; axe (which runs as a script) only where JavaScript is on. */
      const check = async (name: string) => {
        await expectFitsWidth(page);
        if (js) {
          await expectAccessible(page);
        }
        await snapshot(page, `${name}-${js ? 'js' : 'nojs'}`);
      };

      await page.goto(`${j.baseUrl}/thu-tuc-hanh-chinh/1.004873`);
      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
      await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
      await check('online-sign-up');
      await page.getByLabel('Họ và tên').fill('Trần Thị Mai');
      await page.getByLabel('Số định danh cá nhân (số CCCD)').fill(idNumber);
      await page.getByLabel('Số điện thoại di động').fill('0987654321');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-mai');
      await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-mai');
      await page.getByRole('button', { name: 'Đăng ký' }).click();

      // Back on the form, prefilled from the account.
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toContain('Nộp hồ sơ trực tuyến');
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Mai');
      await check('online-form');

      // Submitting without the address or the required document: both named, at their fields.
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Nhập địa chỉ liên hệ.');
      expect(await page.locator('.error-summary').innerText()).toContain('Chưa đính kèm giấy tờ bắt buộc');
      await check('online-form-errors');

      // A draft with the declaration attached, then the submission.
      await page.getByLabel('Địa chỉ liên hệ').fill('Thôn Mộ Trạch, xã Tân Hồng');
      await page
        .locator('#doc-0')
        .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await expect.poll(() => page.locator('.notice').innerText()).toContain('Đã lưu bản nháp');
      expect(await page.locator('.uploaded').innerText()).toContain('to-khai.pdf');
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe('Đã nộp hồ sơ trực tuyến');
      const code = await page.locator('.dossier-code').innerText();
      expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
      await check('online-done');

      await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
      await expect.poll(() => page.locator('main').innerText()).toContain(code);
      expect(await page.locator('main').innerText()).toContain('Mới đăng ký');
      await check('online-my-dossiers');
      // The refused submission answers 422 on purpose (the browser logs it).
      expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
