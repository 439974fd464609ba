import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng, Raster, type Rgb } from '../src/demo/demo-png.js';
import {
  desktopContext,
  expectAccessible,
  expectFitsWidth,
  expectImagesLoaded,
  phoneContext,
  SLOW,
  snapshot,
  startJourney,
  watchedPage,
  type Journey,
} from './harness.js';

/*
 * An editor of xã Tân Hồng (demo account bientap) signs in, writes an article with pictures and captions in the
 * rich-text editor, publishes it and finds it on the public home page with each caption under its picture. Also:
 * a wrong password, and writing an article on a phone with JavaScript off (plain textarea).
 */

const PASSWORD = 'congxa-demo-2026';

let j: Journey;
let desktop: BrowserContext;
let dir: string;

/** A small, valid PNG on disk: a sky, a sun and a field, so a person looking at a screenshot can tell it apart. */
function writePng(name: string, sky: Rgb, field: Rgb): string {
  const r = new Raster(240, 150);
  r.verticalGradient(0, 150, sky, [255, 255, 255]);
  r.circle(180, 40, 18, [250, 200, 40]);
  r.below((x) => 100 + 8 * Math.sin(x / 20), field);
  const path = join(dir, name);
  writeFileSync(path, encodePng(r));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congxa-e2e-'));
  j = await startJourney();
  desktop = await desktopContext(j.browser);
});

afterAll(async () => {
  await j?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** The published article as a visitor sees it: opened from the public home page's "Tin mới" list. */
async function openFromHome(page: Page, title: string): Promise<void> {
  await page.goto(`${j.baseUrl}/`);
  const link = page.locator('section.latest .article-list a', { hasText: title });
  expect(await link.count(), `"${title}" among the latest news`).toBe(1);
  await Promise.all([page.waitForURL(/\/bai-viet\//), link.click()]);
  expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(title);
}

/**
 * Types paragraphs into the focused Trix editor, each followed by a blank line. Trix takes each key into its
 * document and renders it on a later frame: a key pressed before that (no person is that fast) can be lost,
 * doubled or land on the wrong side of a line break, so each step waits until Trix has taken and drawn it.
 */
async function typeParagraphsInTrix(page: Page, paragraphs: readonly string[]): Promise<void> {
  const documentText = () =>
    page.locator('trix-editor').evaluate((el) => {
      const trix = el as HTMLElement & { editor: { getDocument(): { toString(): string } } };
      return trix.editor.getDocument().toString();
    });
  let expected = '';
  for (const key of paragraphs.flatMap((text) => [text, '\n', '\n'])) {
    if (key === '\n') {
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.type(key);
    }
    expected += key;
    await expect.poll(documentText, SLOW).toBe(`${expected}\n`); // Trix ends every document with a newline
    // …and let it render that into the page (it does so on an animation frame) before the next key.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }
}

/**
 * One <figure> matching `figures` holds the image with this alt text, then a <figcaption> saying `caption`, and
 * nothing else; and the image has loaded.
 */
async function expectFigure(page: Page, figures: string, alt: string, caption: string): Promise<void> {
  const figure = page.locator(figures, { has: page.locator(`img[alt="${alt}"]`) });
  expect(await figure.count(), `one ${figures} with the image "${alt}"`).toBe(1);
  const captionText = await figure.locator('img + figcaption').textContent();
  expect(captionText?.trim()).toBe(caption);
  const order = await figure.evaluate((f) => Array.from(f.children).map((c) => c.tagName.toLowerCase()));
  expect(order).toEqual(['img', 'figcaption']);
  await expectImagesLoaded(page, `${figures} img[alt="${alt}"]`);
  // Under it on the screen too, not only in the markup.
  const img = await figure.locator('img').boundingBox();
  const cap = await figure.locator('figcaption').boundingBox();
  expect(img && cap && cap.y >= img.y + img.height - 1, `caption "${caption}" is under its picture`).toBe(
    true,
  );
}

describe('an editor', () => {
  it('sees the Vietnamese error at the password field after a wrong password, username kept', async () => {
    const context = await desktopContext(j.browser);
    const { page, problems } = await watchedPage(context, 'editor-wrong-password');
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await expectAccessible(page);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await signIn(page, 'bientap', 'sai-mat-khau');
    expect((await answer).status()).toBe(422);
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap');
    const message = 'Tên đăng nhập hoặc mật khẩu không đúng.';
    expect(await page.locator('#password-error').innerText()).toContain(message);
    expect(await page.getByLabel('Mật khẩu').getAttribute('aria-describedby')).toContain('password-error');
    expect(await page.locator('.error-summary a[href="#password"]').innerText()).toBe(message);
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('bientap');
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    await expectAccessible(page);
    await context.close();
    // The browser's own report of the 422 is the only console error.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  });

  it('writes an article with pictures and captions in the rich-text editor, publishes it, and sees it on the home page', async () => {
    const { page, problems } = await watchedPage(desktop, 'editor-trix');
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await signIn(page, 'bientap', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/quan-tri');

    await Promise.all([
      page.waitForURL(/\/quan-tri\/bai-viet$/),
      page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Bài viết' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Bài viết');
    await expectAccessible(page);

    await Promise.all([
      page.waitForURL(/\/bai-viet\/moi$/),
      page.getByRole('link', { name: 'Viết bài mới' }).click(),
    ]);
    const editor = page.locator('trix-editor');
    await editor.waitFor();
    await expectAccessible(page);
    await snapshot(page, 'desktop-article-form');

    const title = 'Khánh thành nhà văn hóa thôn Mộ Trạch, xã Tân Hồng (bài thử)';
    await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Tin tức - Sự kiện' });
    await page
      .getByLabel('Tóm tắt')
      .fill('Nhà văn hóa mới có hội trường 200 chỗ ngồi, sân thể thao và thư viện nhỏ.');

    // The body, typed into Trix: two paragraphs (in Trix one Enter is a line break, a blank line ends the
    // paragraph), then a picture through the toolbar's "attach files" button.
    await editor.click();
    await typeParagraphsInTrix(page, [
      'Sáng nay, nhân dân thôn Mộ Trạch dự lễ khánh thành nhà văn hóa mới.',
      'Công trình do Nhà nước và nhân dân cùng làm, hoàn thành vượt tiến độ hai tháng.',
    ]);

    const bodyAlt = 'Nhà văn hóa thôn mái ngói đỏ, trước sân là bãi cỏ xanh';
    const bodyCaption = 'Nhà văn hóa thôn Mộ Trạch sau khi hoàn thành (ảnh thử)';
    const prompts: string[] = [];
    page.once('dialog', (dialog) => {
      prompts.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.accept(bodyAlt);
    });
    const chooser = page.waitForEvent('filechooser');
    await page.locator('trix-toolbar').getByRole('button', { name: 'Chèn ảnh' }).click();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/quan-tri/tep/tai-len'));
    await (await chooser).setFiles(writePng('nha-van-hoa.png', [120, 170, 230], [80, 160, 70]));
    expect((await uploaded).status()).toBe(201);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatch(/^prompt: Mô tả ngắn nội dung ảnh "nha-van-hoa\.png"/);
    await expect.poll(() => page.locator('.editor-status').textContent(), SLOW).toContain('Đã tải ảnh lên');
    const attachment = editor.locator('figure.attachment');
    // The stored document points at the uploaded file (the editor may keep showing its local preview a while longer
    // on a busy machine: Trix swaps the picture only once the new one has loaded).
    await expect
      .poll(() => page.locator('input[name="body"]').inputValue(), SLOW)
      .toMatch(/<img[^>]* src="\/media\/\d{4}\/\d{2}\/[A-Za-z0-9_-]{16,}\.png"/);

    // The caption, typed under the picture in the editor.
    await attachment.locator('img').click();
    const captionEditor = attachment
      .getByPlaceholder('Nhập chú thích ảnh…')
      .and(attachment.locator(':not(.trix-autoresize-clone)'));
    await captionEditor.fill(bodyCaption);
    await captionEditor.press('Enter');
    await expect.poll(() => page.locator('input[name="body"]').inputValue(), SLOW).toContain(bodyCaption);

    // The cover picture, uploaded with the form.
    const coverAlt = 'Đại biểu cắt băng khánh thành trước cửa nhà văn hóa';
    const coverCaption = 'Lễ cắt băng khánh thành sáng 20/11 (ảnh thử)';
    await page
      .getByLabel('Tệp ảnh (JPEG, PNG, GIF hoặc WebP)')
      .setInputFiles(writePng('le-khanh-thanh.png', [230, 150, 120], [200, 40, 40]));
    await page.getByLabel('Mô tả ảnh (văn bản thay thế)').fill(coverAlt);
    await page.getByLabel('Chú thích ảnh').fill(coverCaption);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đăng ngay' });
    await expectAccessible(page);
    await snapshot(page, 'desktop-article-form-filled');

    await Promise.all([
      page.waitForURL(/\/quan-tri\/bai-viet$/),
      page.getByRole('button', { name: 'Lưu bài viết' }).click(),
    ]);
    const row = page.locator('tbody tr', { hasText: title });
    expect(await row.locator('.tag').innerText()).toBe('Đã đăng');

    await openFromHome(page, title);
    await expectFigure(page, 'article figure.cover', coverAlt, coverCaption);
    await expectFigure(page, 'article .article-body figure', bodyAlt, bodyCaption);
    const paragraphs = await page.locator('article .article-body > p').allInnerTexts();
    expect(paragraphs.slice(0, 2)).toEqual([
      'Sáng nay, nhân dân thôn Mộ Trạch dự lễ khánh thành nhà văn hóa mới.',
      'Công trình do Nhà nước và nhân dân cùng làm, hoàn thành vượt tiến độ hai tháng.',
    ]);
    await expectAccessible(page);
    await snapshot(page, 'desktop-new-article');
    expect(problems).toEqual([]);
  });

  it('has an article list and a rich-text form that fit a phone and pass axe', async () => {
    const phone = await phoneContext(j.browser);
    const { page, problems } = await watchedPage(phone, 'editor-phone-trix');
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await expectFitsWidth(page);
    await signIn(page, 'bientap', PASSWORD);
    await page.goto(`${j.baseUrl}/quan-tri/bai-viet`);
    await expectFitsWidth(page);
    await expectAccessible(page);
    await page.goto(`${j.baseUrl}/quan-tri/bai-viet/moi`);
    await page.locator('trix-toolbar').getByRole('button', { name: 'Chèn ảnh' }).waitFor();
    await expectFitsWidth(page);
    await expectAccessible(page);
    await snapshot(page, 'phone-article-form');
    await phone.close();
    expect(problems).toEqual([]);
  });

  it('writes and publishes an article on a phone with JavaScript off (plain textarea)', async () => {
    // Signed in through the form too: the session cookie is what carries over, not any script.
    const phone = await phoneContext(j.browser, { javaScriptEnabled: false });
    const { page, problems } = await watchedPage(phone, 'editor-nojs');
    await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
    await signIn(page, 'truongbbt', PASSWORD);
    await page.goto(`${j.baseUrl}/quan-tri/bai-viet/moi`);
    expect(await page.locator('trix-editor').count()).toBe(0);
    const body = page.locator('textarea#body');
    expect(await body.isVisible()).toBe(true);
    await expectFitsWidth(page);
    await snapshot(page, 'phone-nojs-article-form');

    const title = 'Thông báo lịch phun thuốc khử khuẩn tại chợ Mộ Trạch (bài thử)';
    await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Thông báo' });
    await body.fill(
      'Chủ nhật này, Trạm Y tế xã phun thuốc khử khuẩn toàn bộ khu chợ.\n\nBà con tạm ngừng buôn bán từ 6 giờ đến 8 giờ.',
    );
    const coverAlt = 'Cán bộ y tế đeo khẩu trang phun thuốc giữa các dãy hàng';
    const coverCaption = 'Phun thuốc khử khuẩn ở chợ (ảnh thử)';
    await page
      .getByLabel('Tệp ảnh (JPEG, PNG, GIF hoặc WebP)')
      .setInputFiles(writePng('phun-thuoc.png', [200, 220, 240], [60, 120, 200]));
    await page.getByLabel('Mô tả ảnh (văn bản thay thế)').fill(coverAlt);
    await page.getByLabel('Chú thích ảnh').fill(coverCaption);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đăng ngay' });
    await Promise.all([
      page.waitForURL(/\/quan-tri\/bai-viet$/),
      page.getByRole('button', { name: 'Lưu bài viết' }).click(),
    ]);
    await expectFitsWidth(page);

    await openFromHome(page, title);
    expect(await page.locator('article .article-body > p').allInnerTexts()).toEqual([
      'Chủ nhật này, Trạm Y tế xã phun thuốc khử khuẩn toàn bộ khu chợ.',
      'Bà con tạm ngừng buôn bán từ 6 giờ đến 8 giờ.',
    ]);
    await expectFigure(page, 'article figure.cover', coverAlt, coverCaption);
    await expectFitsWidth(page);
    await phone.close();
    expect(problems).toEqual([]);
  });
});
