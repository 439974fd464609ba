import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';

/** Debian's Chromium (stack.md, 5c): a test tool's own browser download does not work on our machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Journey = { t: TestApp; baseUrl: string; browser: Browser; close(): Promise<void> };

/**
 * The whole application with demo data, listening on a free loopback port, and a headless Chromium. Each journey
 * file gets its own database of the dialect under test. `demoDossiers` also loads the generated one-stop dossiers
 * (from 1 January of the clock's year to `now`; seconds more), `now` fixes the clock (default: the real time).
 */
export async function startJourney(opts: { demoDossiers?: boolean; now?: string } = {}): Promise<Journey> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  }
  const t = await buildTestApp({
    demo: true,
    demoDossiers: opts.demoDossiers ?? false,
    now: opts.now ?? new Date().toISOString(),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo; // listening on TCP, so an AddressInfo
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A small phone: 360×740 CSS pixels, touch, Vietnamese locale. */
export function phoneContext(
  browser: Browser,
  opts: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
}

export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
}

/** Fails on any serious or critical axe violation (WCAG 2.0/2.1 A and AA rules), naming the rule and the nodes. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

/** No horizontal scrolling on a small phone. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(1);
}

/** Screenshots land here (gitignored): on failure always, otherwise only with E2E_SCREENSHOTS=1. */
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  // caret 'initial': hiding the caret injects a <style> element, which the CSP refuses (a console error).
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`), fullPage: true, caret: 'initial' });
}

/** A screenshot for a person to look at, taken only when E2E_SCREENSHOTS=1 (it costs time). */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS === '1') {
    await screenshot(page, name);
  }
}

export type WatchedPage = {
  page: Page;
  /** Uncaught exceptions and console errors (a CSP refusal, a failed load, a script error), in order. */
  problems: string[];
};

/**
 * A new page in `context` that records script errors and console errors, and leaves a full-page screenshot
 * `e2e/out/FAILED-<name>.png` when the current test fails. Call it inside a test.
 */
export async function watchedPage(context: BrowserContext, name: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (msg) => {
    const where = msg.location().url || page.url();
    if (msg.type() === 'error') {
      problems.push(`console error (${where}): ${msg.text()}`);
    }
  });
  onTestFailed(async () => {
    if (!page.isClosed()) {
      await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    }
  });
  return { page, problems };
}

/** For expect.poll on things the browser does in its own time (uploads, renders): generous on a busy machine. */
export const SLOW = { timeout: 20_000 } as const;

/** Every <img> in `selector` has loaded real pixels (a broken or blocked image has naturalWidth 0). */
export async function expectImagesLoaded(page: Page, selector: string): Promise<void> {
  const images = page.locator(selector);
  const n = await images.count();
  expect(n, `images matching ${selector} on ${page.url()}`).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
        ...SLOW,
        message: `image ${i} of ${selector} loads`,
      })
      .toBeGreaterThan(0);
  }
}
