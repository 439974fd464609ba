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
 * script, every operation readable, accessible (axe), no sideways scrolling on a small phone.
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
