import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleForm } from '../src/modules/portal/admin/admin.schemas.js';
import {
  expectAccessible,
  expectFitsWidth,
  expectImagesLoaded,
  phoneContext,
  snapshot,
  startJourney,
  watchedPage,
  type Journey,
} from './harness.js';

/*
 * A visitor of xã Tân Hồng's portal (the demo's default unit at /) on a small phone: reads the home page, opens an
 * article, searches without diacritics and finds what they meant, pages through a category, prints an article. Once
 * with JavaScript and once without: the public side must not need it.
 */

const DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;
/** The category given a second page below (the demo alone fills one page of every category). */
const PAGED_CATEGORY = 'thong-bao';
const EXTRA_TITLE = (n: number) => `Thông báo thử nghiệm phân trang số ${n}`;

let j: Journey;
let phone: BrowserContext;
let phoneNoJs: BrowserContext;

beforeAll(async () => {
  j = await startJourney();
  await publishExtraArticles(j, 11);
  [phone, phoneNoJs] = await Promise.all([
    phoneContext(j.browser),
    phoneContext(j.browser, { javaScriptEnabled: false }),
  ]);
});

afterAll(async () => {
  await j?.close();
});

/** Publishes `n` short articles in PAGED_CATEGORY through the editor's own service, as bientap. */
async function publishExtraArticles(journey: Journey, n: number): Promise<void> {
  const { deps } = journey.t;
  const signedIn = await deps.accounts.signIn('bientap', 'congxa-demo-2026', '127.0.0.1');
  if (!signedIn.ok) {
    throw new Error('the demo editor bientap cannot sign in');
  }
  const unit = deps.directory.getBySlug('tan-hong');
  if (!unit) {
    throw new Error('the demo unit tan-hong is missing');
  }
  const category = await deps.db
    .selectFrom('category')
    .select('id')
    .where('unitId', '=', unit.id)
    .where('slug', '=', PAGED_CATEGORY)
    .executeTakeFirstOrThrow();
  for (let i = 1; i <= n; i++) {
    const form = ArticleForm.parse({
      title: EXTRA_TITLE(i),
      slug: '',
      categoryId: String(category.id),
      summary: `Bài viết mẫu số ${i} để thử trang thứ hai của chuyên mục.`,
      body: `Nội dung bài viết mẫu số ${i}.`,
      status: 'published',
    });
    await deps.portalAdmin.articles.save(signedIn.actor, unit.id, null, form, null, null);
  }
}

async function expectPhoneFriendly(page: Page): Promise<void> {
  await expectFitsWidth(page);
  await expectAccessible(page);
}

async function expectHomePage(page: Page): Promise<void> {
  const header = page.locator('header.site-header');
  expect(await header.textContent()).toMatch(/XÃ TÂN HỒNG/);
  expect(await page.getByRole('heading', { name: 'Tin nổi bật', level: 2 }).count()).toBe(1);
  expect(await page.getByRole('heading', { name: 'Tin mới', level: 2 }).count()).toBe(1);
  expect(await page.locator('.featured .lead-story h3 a').count()).toBe(1);
  expect(await page.locator('.latest .article-card').count()).toBeGreaterThanOrEqual(3);

  const footer = (await page.locator('footer.site-footer').innerText()).replace(/\s+/g, ' ');
  expect(footer).toMatch(/Trưởng Ban Biên tập: .+ - Chủ tịch UBND xã/);
  expect(footer).toMatch(/Địa chỉ: .*xã Tân Hồng/);
  expect(footer).toMatch(/Điện thoại: [\d ]{8,}/);
  expect(footer).toMatch(/Email: \S+@\S+/);

  // textContent, not innerText: the box's heading is upper-cased by CSS.
  const counter = ((await page.locator('section.visitors').textContent()) ?? '').replace(/\s+/g, ' ');
  expect(counter).toMatch(/Thống kê truy cập/);
  expect(counter).toMatch(/Đang truy cập: \d+/);
  expect(counter).toMatch(/Hôm nay: \d+/);
  expect(counter).toMatch(/Tất cả: [\d.]+/);
}

/** Types the words into the header's search form and submits it the way a person does. */
async function searchFor(page: Page, words: string): Promise<void> {
  const form = page.getByRole('search', { name: 'Tìm kiếm trên trang' });
  await form.getByLabel('Tìm kiếm').fill(words);
  await Promise.all([page.waitForURL(/\/tim-kiem\?/), form.getByRole('button', { name: 'Tìm' }).click()]);
}

describe('a visitor on a phone', () => {
  it('reads the home page, opens an article, and finds one by searching without diacritics', async () => {
    const { page, problems } = await watchedPage(phone, 'visitor-phone');
    await page.goto(`${j.baseUrl}/`);
    await expectHomePage(page);
    await expectImagesLoaded(page, '.featured .lead-story img');
    await expectPhoneFriendly(page);
    await snapshot(page, 'phone-home');

    // The lead story of the home page.
    const lead = page.locator('.featured .lead-story h3 a');
    const leadTitle = (await lead.innerText()).trim();
    await Promise.all([page.waitForURL(/\/bai-viet\//), lead.click()]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(leadTitle);
    expect((await page.locator('article .date time').innerText()).trim()).toMatch(DATE_TIME);
    const cover = page.locator('article figure.cover');
    expect(await cover.locator('img').getAttribute('alt')).toBeTruthy();
    expect((await cover.locator('img + figcaption').innerText()).trim().length).toBeGreaterThan(0);
    await expectImagesLoaded(page, 'article figure.cover img');
    await expectPhoneFriendly(page);
    await snapshot(page, 'phone-article');

    // "cai cach hanh chinh" without diacritics finds "Cải cách hành chính".
    await searchFor(page, 'cai cach hanh chinh');
    expect(await page.getByRole('heading', { level: 2, name: /^Tìm thấy \d+ kết quả/ }).count()).toBe(1);
    const hit = page
      .locator('.search-results a')
      .filter({ hasText: /Chỉ số Cải cách hành chính/ })
      .first();
    const hitTitle = (await hit.innerText()).trim();
    await expectPhoneFriendly(page);
    await Promise.all([page.waitForURL(/\/bai-viet\//), hit.click()]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(hitTitle);
    expect(hitTitle).toContain('Cải cách hành chính');

    expect(problems).toEqual([]);
  });

  it('pages through a category to its second page and back', async () => {
    const { page, problems } = await watchedPage(phone, 'visitor-category');
    await page.goto(`${j.baseUrl}/chuyen-muc/${PAGED_CATEGORY}`);
    const pager = page.getByRole('navigation', { name: 'Phân trang' });
    expect((await pager.locator('.pagination-status').innerText()).trim()).toBe('Trang 1/2');
    await Promise.all([page.waitForURL(/trang=2/), pager.getByRole('link', { name: 'Trang 2' }).click()]);
    expect((await pager.locator('[aria-current="page"]').innerText()).trim()).toBe('2');
    expect((await pager.locator('.pagination-status').innerText()).trim()).toBe('Trang 2/2');
    // The newest come first, so page 2 holds the demo's own notices, none of the ones published just now.
    const titles = await page.locator('main .card-title').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join('\n')).not.toContain(EXTRA_TITLE(11));
    await expectPhoneFriendly(page);
    await snapshot(page, 'phone-category-2');
    await Promise.all([
      page.waitForURL(/\/chuyen-muc\/thong-bao$/),
      pager.getByRole('link', { name: 'Trang 1' }).click(),
    ]);
    expect(
      await page
        .locator('main .card-title')
        .filter({ hasText: EXTRA_TITLE(11) })
        .count(),
    ).toBe(1);
    expect(problems).toEqual([]);
  });

  it('prints an article: title, date, caption and the source address, without menu or sidebar', async () => {
    const { page, problems } = await watchedPage(phone, 'visitor-print');
    await page.goto(`${j.baseUrl}/`);
    await page.locator('.featured .lead-story h3 a').click();
    await page.waitForURL(/\/bai-viet\//);
    const articleUrl = page.url();
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    await Promise.all([
      page.waitForURL(/\/ban-in$/),
      page.getByRole('link', { name: 'In bài viết' }).click(),
    ]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(title);
    expect((await page.locator('article .date time').innerText()).trim()).toMatch(DATE_TIME);
    expect((await page.locator('figure.cover img + figcaption').innerText()).trim().length).toBeGreaterThan(
      0,
    );
    expect(await page.locator('nav.site-nav, aside.sidebar').count()).toBe(0);
    expect(await page.locator('footer.print-footer').innerText()).toContain(articleUrl);
    await expectImagesLoaded(page, 'figure.cover img');
    await expectPhoneFriendly(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('a visitor on a phone without JavaScript', () => {
  it('reads the home page and searches', async () => {
    const { page, problems } = await watchedPage(phoneNoJs, 'visitor-nojs');
    await page.goto(`${j.baseUrl}/`);
    await expectHomePage(page);
    await expectFitsWidth(page);

    await searchFor(page, 'CAI CACH HANH CHINH');
    expect(new URL(page.url()).searchParams.get('q')).toBe('CAI CACH HANH CHINH');
    const hits = page.locator('.search-results a').filter({ hasText: /cải cách hành chính/i });
    expect(await hits.count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/\/bai-viet\//), hits.first().click()]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).toLowerCase()).toContain(
      'cải cách hành chính',
    );
    expect(await page.locator('.article-body p').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
