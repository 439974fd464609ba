import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleXlsx } from '../src/modules/procedures/sample-csv.js';
import { sampleDocx } from '../src/modules/procedures/template-samples.js';
import {
  desktopContext,
  expectAccessible,
  expectFitsWidth,
  phoneContext,
  snapshot,
  startJourney,
  watchedPage,
  type Journey,
} from './harness.js';

/*
 * The procedure catalogue of xã Tân Hồng (issue #3 item 2). The one-stop officer (demo account motcua) imports the
 * sample catalogue as an Excel workbook and reads the report (one row refused), then uploads the official form of
 * "Tờ khai đăng ký khai sinh" as a DOCX. A visitor on a 360 px phone searches the catalogue without diacritics,
 * filters by field, opens Đăng ký khai sinh, finds its documents and downloads the form. axe on every page.
 */

const PASSWORD = 'congxa-demo-2026';
const KHAI_SINH = 'Tờ khai đăng ký khai sinh';

let j: Journey;
let desktop: BrowserContext;
let phone: BrowserContext;
let dir: string;
let docx: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congxa-e2e-procedures-'));
  docx = sampleDocx(KHAI_SINH.toUpperCase());
  writeFileSync(join(dir, 'Danh mục thủ tục.xlsx'), await sampleXlsx());
  writeFileSync(join(dir, 'to-khai-khai-sinh.docx'), docx);
  j = await startJourney();
  desktop = await desktopContext(j.browser);
  phone = await phoneContext(j.browser);
});

afterAll(async () => {
  await j?.close();
  rmSync(dir, { recursive: true, force: true });
});

const heading = async (page: Page) => (await page.getByRole('heading', { level: 1 }).innerText()).trim();

describe('the procedure catalogue', () => {
  it('an officer imports the sample workbook, reads the report and uploads a form for a document', async () => {
    const { page, problems } = await watchedPage(desktop, 'procedures-admin');
    page.setDefaultTimeout(10_000);
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('motcua');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(/\/quan-tri$/),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);

    await Promise.all([
      page.waitForURL(/\/quan-tri\/thu-tuc$/),
      page
        .getByRole('navigation', { name: 'Quản trị' })
        .getByRole('link', { name: 'Thủ tục hành chính' })
        .click(),
    ]);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/\/quan-tri\/thu-tuc\/nhap$/),
      page.getByRole('link', { name: 'Nhập từ tệp Excel hoặc CSV' }).click(),
    ]);
    expect(await heading(page)).toBe('Nhập danh mục thủ tục từ tệp Excel hoặc CSV');
    await expectAccessible(page);
    await page.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles(join(dir, 'Danh mục thủ tục.xlsx'));
    await Promise.all([
      page.waitForURL(/\/quan-tri\/thu-tuc\/nhap\/\d+$/),
      page.getByRole('button', { name: 'Nhập danh mục' }).click(),
    ]);
    expect(await heading(page)).toBe('Báo cáo nhập danh mục');
    // The demo commune already has the sample: the 14 good rows update it, row 13 (no code) is refused.
    expect(await page.getByRole('status').innerText()).toBe(
      '15 dòng dữ liệu: 0 thủ tục mới, 14 thủ tục cập nhật, 1 dòng bị từ chối.',
    );
    const refused = page.getByRole('table').getByRole('row').nth(1);
    expect(await refused.innerText()).toMatch(/^13\s+code\s+Thiếu mã thủ tục\.$/);
    await expectAccessible(page);
    await snapshot(page, 'procedures-import-report');

    await page.goto(`${j.baseUrl}/quan-tri/thu-tuc/1.001193`);
    await Promise.all([
      page.waitForURL(/\/quan-tri\/thu-tuc\/1\.001193\/mau$/),
      page.getByRole('link', { name: 'Mẫu đơn, tờ khai' }).click(),
    ]);
    expect(await heading(page)).toBe('Mẫu đơn, tờ khai của thủ tục');
    await expectAccessible(page);
    await page.getByLabel('Giấy tờ').selectOption({ label: KHAI_SINH });
    await page
      .getByLabel('Tệp mẫu (PDF, DOC, DOCX hoặc ODT)')
      .setInputFiles(join(dir, 'to-khai-khai-sinh.docx'));
    await Promise.all([
      page.waitForURL(/\/mau\?da=tai-mau$/),
      page.getByRole('button', { name: 'Tải lên' }).click(),
    ]);
    expect(await page.getByRole('status').innerText()).toBe('Đã lưu tệp mẫu.');
    const row = page.getByRole('row', { name: new RegExp(KHAI_SINH) });
    expect(await row.innerText()).toContain('to-khai-khai-sinh.docx');
    await expectAccessible(page);
    await snapshot(page, 'procedures-templates');

    // The deletion page is reached from the procedure's form; nothing is deleted here.
    await page.goto(`${j.baseUrl}/quan-tri/thu-tuc/1.001193`);
    await Promise.all([
      page.waitForURL(/\/quan-tri\/thu-tuc\/1\.001193\/xoa$/),
      page.getByRole('link', { name: 'Xóa thủ tục' }).click(),
    ]);
    expect(await heading(page)).toBe('Xóa thủ tục');
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Xóa thủ tục|Ngừng công khai/ })
        .count(),
    ).toBe(1);
    await expectAccessible(page);
    await snapshot(page, 'procedures-delete');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a visitor on a phone finds Đăng ký khai sinh without diacritics, filters by field and downloads its form', async () => {
    const { page, problems } = await watchedPage(phone, 'procedures-phone');
    page.setDefaultTimeout(10_000);
    await page.goto(`${j.baseUrl}/`);
    await Promise.all([
      page.waitForURL(/\/thu-tuc-hanh-chinh$/),
      page.locator('a[href="/thu-tuc-hanh-chinh"]').first().click(),
    ]);
    expect(await heading(page)).toBe('Thủ tục hành chính');
    await expectFitsWidth(page);
    await expectAccessible(page);

    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
    await Promise.all([
      page.waitForURL(/\?q=dang\+ky\+khai\+sinh&linh-vuc=/),
      page
        .getByRole('search')
        .filter({ has: page.getByLabel('Tìm thủ tục') })
        .getByRole('button', { name: 'Tìm', exact: true })
        .click(),
    ]);
    expect(await page.getByRole('status').innerText()).toBe('Có 2 thủ tục.');
    const names = await page.locator('table tbody tr td:nth-child(2) a').allInnerTexts();
    expect(names).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh']);
    expect(await page.getByLabel('Tìm thủ tục').inputValue()).toBe('dang ky khai sinh');
    await expectFitsWidth(page);
    await expectAccessible(page);
    await snapshot(page, 'procedures-search');

    await Promise.all([
      page.waitForURL(/\/thu-tuc-hanh-chinh\/1\.001193$/),
      page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click(),
    ]);
    expect(await heading(page)).toBe('Đăng ký khai sinh');
    const documents = page.locator('ol.procedure-documents > li');
    expect(await documents.count()).toBe(4);
    expect(await documents.first().innerText()).toContain(KHAI_SINH);
    await expectFitsWidth(page);
    await expectAccessible(page);
    await snapshot(page, 'procedures-detail');

    const link = page.getByRole('link', { name: `Tải mẫu ${KHAI_SINH}` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('to-khai-khai-sinh.docx');
    const saved = join(dir, 'downloaded.docx');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(docx)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
