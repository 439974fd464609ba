import PDFDocument from 'pdfkit';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dossierMessages } from '../src/modules/dossiers/dossiers.messages.js';
import type { DossierAction } from '../src/modules/dossiers/dossier-workflow.js';
import { flat, pdfPages } from '../src/modules/dossiers/forms/pdf-probe.js';
import { desktopContext, type Journey } from './harness.js';

/* Steps shared by the one-stop journeys (e2e/one-stop*.test.ts): staff signing in, actions, slips, the look-up. */

export const DEMO_PASSWORD = 'congxa-demo-2026';
/** For beforeAll: the application with its demo data and a browser, then staff signed in. */
export const SETUP_TIMEOUT = 180_000;

/** A small real PDF, as a scanner would make one: what the citizen or the officer attaches. */
export function scanPdf(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(title);
    doc.end();
  });
}

/** A desktop context with one demo staff member signed in through the sign-in form. */
export async function staffContext(j: Journey, username: string): Promise<BrowserContext> {
  const context = await desktopContext(j.browser);
  const page = await context.newPage();
  await page.goto(`${j.baseUrl}/quan-tri/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL(/\/quan-tri$/),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  await page.close();
  return context;
}

/** The value of one fact (label → value) of the staff dossier page's summary. */
export async function fact(page: Page, label: string): Promise<string> {
  const item = page.locator('dl.facts > div', {
    has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
  });
  return (await item.locator('dd').innerText()).trim();
}

/** The code in the staff dossier page's heading ("Mã hồ sơ 000.00.13.H12-…"). */
export async function codeOnPage(page: Page): Promise<string> {
  const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const code = /(\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4})$/.exec(heading)?.[1];
  expect(code, `a dossier code in "${heading}"`).toBeTruthy();
  return code!;
}

/**
 * Takes an action through its form on the staff dossier page (after `fill` fills its fields) and waits for the page
 * to come back saying it was done.
 */
export async function act(
  page: Page,
  action: DossierAction,
  fill?: (form: Locator) => Promise<void>,
): Promise<void> {
  const form = page.locator(`form#form-${action}`);
  expect(await form.count(), `the form "${dossierMessages.action[action]}" on ${page.url()}`).toBe(1);
  await fill?.(form);
  const button = form.getByRole('button', { name: dossierMessages.action[action] });
  // Large enough to tap (WCAG 2.2, 2.5.8: 24 CSS pixels; axe's rules here stop at WCAG 2.1).
  expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(24);
  await Promise.all([page.waitForURL(new RegExp(`\\?da=${action}$`)), button.click()]);
  expect(await page.getByRole('status').innerText()).toContain(
    `Đã thực hiện: ${dossierMessages.action[action]}.`,
  );
}

/**
 * Submits an action's form expecting a refusal: returns the HTTP status of the answer and the text of the page's
 * error summary (the whole-action problem or the field errors).
 */
export async function actRefused(
  page: Page,
  action: DossierAction,
  fill?: (form: Locator) => Promise<void>,
): Promise<{ status: number; message: string }> {
  const form = page.locator(`form#form-${action}`);
  await fill?.(form);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: dossierMessages.action[action] }).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  const summary = page.locator('.error-summary').first();
  await summary.waitFor();
  return { status: answer.status(), message: (await summary.innerText()).trim() };
}

/**
 * Opens a dossier from a staff work queue by searching its code, the way staff find one: `queue` is the queue's
 * label when the dossier must be found in the role's own queue (the one /quan-tri/ho-so opens on), else all.
 */
export async function openFromQueue(
  page: Page,
  baseUrl: string,
  code: string,
  queue?: string,
): Promise<void> {
  await page.goto(`${baseUrl}/quan-tri/ho-so${queue === undefined ? '?hang=all' : ''}`);
  const current = page.getByRole('navigation', { name: 'Hàng đợi hồ sơ' }).locator('[aria-current="page"]');
  expect(await current.innerText()).toMatch(new RegExp(`^${queue ?? 'Tất cả'} \\(\\d+\\)$`));
  const filters = page.getByRole('search', { name: 'Lọc hồ sơ' });
  await filters.getByLabel('Tìm hồ sơ').fill(code);
  await Promise.all([page.waitForURL(/q=/), filters.getByRole('button', { name: 'Lọc' }).click()]);
  const link = page.getByRole('link', { name: code, exact: true });
  expect(await link.count(), `${code} in the queue ${queue ?? 'all'}`).toBe(1);
  await Promise.all([page.waitForURL(/\/quan-tri\/ho-so\/\d+$/), link.click()]);
  expect(await codeOnPage(page)).toBe(code);
}

/**
 * Opens a slip by its link on the staff dossier page, as staff do, and returns the PDF the browser received (read
 * back by pdftotext, also with white space runs made one space for phrases that wrap); then goes back to the page.
 * Chromium shows an inline PDF in its own viewer, and the body Playwright reports for that navigation is the
 * viewer's page: the bytes are fetched again with the context's cookies (the same session), as "save as" would.
 */
export async function openSlip(
  page: Page,
  label: RegExp,
): Promise<{ text: string; flat: string; bytes: Buffer }> {
  const link = page.getByRole('link', { name: label });
  expect(await link.count(), `the slip ${label} on ${page.url()}`).toBe(1);
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/mau\/\w+\.pdf$/);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === href),
    link.click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  await page.goBack();
  const again = await page.context().request.get(new URL(href, page.url()).toString());
  expect(again.status()).toBe(200);
  const bytes = await again.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = (await pdfPages(bytes)).join('\n');
  return { text, flat: flat(text), bytes };
}

/** Looks a dossier up by its code on the public page, typing it in the form. */
export async function lookUp(page: Page, baseUrl: string, code: string): Promise<Locator> {
  await page.goto(`${baseUrl}/tra-cuu-ho-so`);
  await page.getByLabel('Mã hồ sơ').fill(code);
  await Promise.all([page.waitForURL(/\?ma=/), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  const result = page.locator('section.lookup-result');
  // textContent: the heading is upper-cased by CSS.
  expect((await result.getByRole('heading', { level: 2 }).textContent())?.trim()).toBe(`Hồ sơ ${code}`);
  return result;
}

/** One fact (dt → dd) of the look-up's result. */
export async function lookupFact(result: Locator, label: string): Promise<string> {
  return (await result.locator(`dt:text-is("${label}") + dd`).innerText()).trim();
}
