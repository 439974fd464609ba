import type { BrowserContext, Page } from 'playwright-core';
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
 * A citizen of xã Tân Hồng on a small phone asks when the result of a dossier received on Tuesday 10/02/2026 at
 * 09:00 with a 3-working-day limit is due (Friday 13/02/2026 at 17:00), makes a typing mistake first, then opens the
 * year's days off from the answer. Once with JavaScript and once without: the pages must not need it.
 */

let j: Journey;
let phone: BrowserContext;
let phoneNoJs: BrowserContext;

beforeAll(async () => {
  j = await startJourney();
  phone = await phoneContext(j.browser);
  phoneNoJs = await phoneContext(j.browser, { javaScriptEnabled: false });
});

afterAll(async () => {
  await j?.close();
});

/** Fits a 360 px phone; axe (which runs as a script) only where JavaScript is on. */
async function expectPhoneFriendly(page: Page, js: boolean): Promise<void> {
  await expectFitsWidth(page);
  if (js) {
    await expectAccessible(page);
  }
}

async function askDueDate(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Ngày tiếp nhận').fill('2026-02-10');
  await page.getByLabel('Giờ tiếp nhận').fill('09:00');
  await page.getByLabel('Thời hạn giải quyết').fill(amount);
  await page.getByLabel('Tính theo').selectOption({ label: 'ngày làm việc' });
  await Promise.all([
    page.waitForURL(/han-giai-quyet\?/),
    page.getByRole('button', { name: 'Tính hạn' }).click(),
  ]);
}

async function journey(context: BrowserContext, name: string, js: boolean): Promise<void> {
  const { page, problems } = await watchedPage(context, name);
  page.setDefaultTimeout(8000);
  await page.goto(`${j.baseUrl}/han-giai-quyet`);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tính hạn trả kết quả');
  await expectPhoneFriendly(page, js);

  // A typing mistake: the message is at the field, the summary links to it, the input is kept.
  await askDueDate(page, '1,5');
  expect(await page.getByRole('alert').innerText()).toContain('Thời hạn là số nguyên từ 0 đến 520.');
  expect(await page.getByLabel('Thời hạn giải quyết').inputValue()).toBe('1,5');
  expect(await page.getByLabel('Ngày tiếp nhận').inputValue()).toBe('2026-02-10');
  await expectPhoneFriendly(page, js);

  await askDueDate(page, '3');
  const answer = page.locator('.due-answer');
  expect((await answer.innerText()).trim()).toBe('Hạn trả kết quả: thứ Sáu, 13/02/2026 lúc 17:00');
  expect(await page.locator('.due-result').innerText()).toContain('không tính ngày tiếp nhận');
  await expectPhoneFriendly(page, js);
  await snapshot(page, `${name}-due-date`);

  await Promise.all([
    page.waitForURL(/\/ngay-nghi\?nam=2026$/),
    page.getByRole('link', { name: 'Xem các ngày nghỉ lễ, Tết năm 2026' }).click(),
  ]);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ngày nghỉ lễ, Tết năm 2026');
  const tet = page.locator('section.holiday', { has: page.getByRole('heading', { name: 'Tết Nguyên đán' }) });
  expect(await tet.innerText()).toContain('thứ Ba, 17/02/2026');
  expect(await page.locator('#lam-bu + p + ul').innerText()).toContain('thứ Bảy, 10/01/2026');
  await expectPhoneFriendly(page, js);
  await snapshot(page, `${name}-days-off`);

  // A year without a notice yet: its Tết is marked as provisional.
  await Promise.all([
    page.waitForURL(/nam=2027$/),
    page.getByRole('link', { name: '2027', exact: true }).click(),
  ]);
  expect(await page.locator('.provisional-note').count()).toBeGreaterThan(0);
  expect(await page.getByRole('heading', { name: /Tết Nguyên đán \(dự kiến\)/ }).count()).toBe(1);
  await expectPhoneFriendly(page, js);
  // The 422 of the typing mistake is the page's answer, not a problem.
  expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  await page.close();
}

describe('a citizen asks when a result is due (phone)', () => {
  it('with JavaScript', async () => {
    await journey(phone, 'calendar-phone', true);
  });

  it('without JavaScript', async () => {
    await journey(phoneNoJs, 'calendar-phone-nojs', false);
  });
});
