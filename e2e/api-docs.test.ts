import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * An integrator reads the API documentation, on a phone and on a desktop: one page drawn on the server, no
 * script, every operation readable, accessible (axe), no sideways scrolling on a small phone. Then a one-stop
 * officer creates an API token on their account page (shown once), and revokes it.
 */

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
});

afterAll(async () => {
  await j?.close();
});

describe('API documentation', () => {
  it('reads on a small phone and on a desktop, and passes axe', async () => {
    for (const [name, context] of [
      ['api-docs-phone', await phoneContext(j.browser)],
      ['api-docs-desktop', await desktopContext(j.browser)],
    ] as const) {
      const { page, problems } = await watchedPage(context, name);
      await page.goto(`${j.baseUrl}/api/docs`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tài liệu API');
      await expect
        .poll(() => page.getByRole('heading', { name: /GET \/api\/v1\/calendar\/due-date/ }).count())
        .toBe(1);
      await page.getByRole('link', { name: /GET \/api\/v1\/calendar\/days-off/ }).click();
      expect(page.url()).toMatch(/#op-calendarDaysOff$/);
      await expectFitsWidth(page);
      await expectAccessible(page);
      await snapshot(page, name);
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});

describe('API tokens on the account page', () => {
  it('a staff member creates a token, sees it once, and revokes it', async () => {
    const context = await phoneContext(j.browser);
    const { page, problems } = await watchedPage(context, 'account-tokens');
    page.setDefaultTimeout(8000);
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('motcua');
    await page.getByLabel('Mật khẩu').fill('congxa-demo-2026');
    await Promise.all([
      page.waitForURL(/\/quan-tri$/),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/tai-khoan$/),
      page.getByRole('link', { name: 'Đang đăng nhập: Công chức Một cửa (tài khoản mẫu)' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tài khoản của tôi');
    await expectFitsWidth(page);
    await expectAccessible(page);

    await page.getByLabel('Tên khóa').fill('Phần mềm một cửa của tỉnh');
    await page.getByLabel('Số ngày hiệu lực').fill('90');
    await Promise.all([
      page.waitForLoadState('domcontentloaded'),
      page.getByRole('button', { name: 'Tạo khóa API' }).click(),
    ]);
    const token = await page.locator('code.token').innerText();
    expect(token).toMatch(/^cx_[A-Za-z0-9_-]{43}$/);
    const api = await fetch(`${j.baseUrl}/api/v1/calendar/days-off?year=2026`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    await expectFitsWidth(page);
    await expectAccessible(page);
    await snapshot(page, 'account-tokens');

    await Promise.all([
      page.waitForURL(/tai-khoan$/),
      page.getByRole('button', { name: 'Thu hồi khóa Phần mềm một cửa của tỉnh' }).click(),
    ]);
    expect(await page.getByRole('cell', { name: 'Đã thu hồi' }).count()).toBe(1);
    const dead = await fetch(`${j.baseUrl}/api/v1/calendar/days-off?year=2026`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(dead.status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});
