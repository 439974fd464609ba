import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierPaths } from '../src/http/paths.js';
import { parseCsv } from '../src/modules/procedures/csv.js';
import { formatPercent, percent } from '../src/modules/stats/dossier-outcome.js';
import { formatNumber } from '../src/platform/time.js';
import { readXlsxRows } from '../src/platform/xlsx.js';
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
import { SETUP_TIMEOUT } from './one-stop-steps.js';

/*
 * The results of administrative procedures in the browser (issue #4 "Tests"): a visitor on a 360 px phone reads the
 * widget of xã Tân Hồng on the home page, opens "Chi tiết", changes the period to a quarter with late dossiers, opens
 * the late dossiers (masked names, codes to the look-up), downloads the summary as XLSX and CSV (the page's numbers)
 * and opens the Decision 766 indicators; on a desktop, the district Bình Giang rolls up its communes and sorts them
 * by on-time rate; without JavaScript, the period form still works. Every figure is checked against the public API
 * GET /api/v1/units/<slug>/dossier-stats for the same dates. axe on every page.
 *
 * The demo dossiers run from 1 January to the clock's "now": a fixed day late in the year, so that every quarter up to
 * the third has ended and has late dossiers.
 */

const NOW = '2026-11-20T03:00:00.000Z'; // Friday 20/11/2026 10:00 in Vietnam
const YEAR = '2026';
const DISTRICT = { slug: 'binh-giang', name: 'Huyện Bình Giang' };
/** Quarter III/2026, chosen with the form; its dossiers are counted from the API. */
const QUARTER = { from: '2026-07-01', to: '2026-09-30', label: 'Quý III/2026' };
/** The month of the no-JavaScript pass. */
const MONTH = { from: '2026-09-01', to: '2026-09-30', label: 'Tháng 09/2026' };

/** The widget's labels as on the seed page, in order. */
const WIDGET_LABELS = [
  'Đến tháng 11 đã giải quyết:',
  'Số hồ sơ xử lý:',
  'Trước & đúng hạn:',
  'Trễ hạn:',
  'Tỉ lệ trễ hạn:',
];

/** The JSON of GET /api/v1/units/<slug>/dossier-stats (src/modules/stats/stats-api.routes.ts). */
type ApiStats = {
  from: string;
  to: string;
  received: number;
  receivedByChannel: { counter: number; online: number; post: number };
  carriedOver: number;
  processed: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number;
  lateRate: number;
  resolved: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  inProgress: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  waitingSupplement: number;
  averageDays: number | null;
  updatedAt: string | null;
};

let j: Journey;
let phone: BrowserContext;
let desktop: BrowserContext;

beforeAll(async () => {
  j = await startJourney({ demoDossiers: true, now: NOW });
  [phone, desktop] = await Promise.all([phoneContext(j.browser), desktopContext(j.browser)]);
}, SETUP_TIMEOUT);

afterAll(async () => {
  await j?.close();
});

async function api(slug: string, period?: { from: string; to: string }): Promise<ApiStats> {
  const query = period ? `?from=${period.from}&to=${period.to}` : '';
  const res = await fetch(`${j.baseUrl}/api/v1/units/${slug}/dossier-stats${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ApiStats;
}

/** What the summary of the detail page must show for the API's figures (labels of results.messages.ts). */
function expectedSummary(f: ApiStats): Record<string, string> {
  const n = formatNumber;
  return {
    'Kỳ trước chuyển sang': n(f.carriedOver),
    'Tiếp nhận trong kỳ': n(f.received),
    'Tiếp nhận trực tiếp': n(f.receivedByChannel.counter),
    'Tiếp nhận trực tuyến': n(f.receivedByChannel.online),
    'Tiếp nhận qua bưu chính': n(f.receivedByChannel.post),
    'Đã xử lý': n(f.processed),
    'Trước hạn': n(f.early),
    'Đúng hạn': n(f.onTime),
    'Trễ hạn': n(f.late),
    'Trước và đúng hạn': n(f.early + f.onTime),
    'Tỉ lệ trước và đúng hạn': formatPercent(f.onTimeRate),
    'Tỉ lệ trễ hạn': formatPercent(f.lateRate),
    'Có kết quả (hoàn thành, đã trả)': n(f.resolved),
    'Từ chối': n(f.refused),
    'Công dân rút hồ sơ': n(f.withdrawn),
    'Dừng xử lý': n(f.stopped),
    'Thời gian giải quyết trung bình':
      f.averageDays === null ? 'Chưa có hồ sơ đã xử lý' : `${n(f.averageDays, 2)} ngày`,
    'Đang xử lý': n(f.inProgress),
    'Trong hạn': n(f.inProgressWithinTime),
    'Quá hạn': n(f.inProgressOverdue),
    'Chờ công dân bổ sung': n(f.waitingSupplement),
  };
}

/** A number as the pages write it: "1.234", "91,11 %". */
const parseVi = (s: string): number => Number(s.replace(/\s*%$/, '').replace(/\./g, '').replace(',', '.'));

/** The pairs of a definition list, in order (dt → dd). */
function pairsOf(page: Page, selector: string): Promise<[string, string][]> {
  return page
    .locator(selector)
    .evaluateAll((divs) =>
      divs.map((d): [string, string] => [
        d.querySelector('dt')?.textContent?.trim() ?? '',
        d.querySelector('dd')?.textContent?.trim() ?? '',
      ]),
    );
}

const summaryOf = async (page: Page) =>
  Object.fromEntries(await pairsOf(page, '.results-summary .results-figure'));

/** The text as written (headings are upper-cased by CSS). */
const textOf = async (l: Locator) => (await l.textContent())?.trim();

const heading = async (page: Page, level = 1) =>
  (await page.getByRole('heading', { level }).first().innerText()).trim();

/** Fits a 360 px phone and passes axe. */
async function expectPhoneFriendly(page: Page, name: string): Promise<void> {
  await expectFitsWidth(page);
  await expectAccessible(page);
  await snapshot(page, name);
}

/** The widget of a portal page: its labels and values, checked against each other and the API (year to date). */
async function expectWidget(page: Page, slug: string): Promise<ApiStats> {
  const widget = page.locator('section.results-widget');
  // textContent: the box titles are upper-cased by CSS.
  expect((await widget.getByRole('heading', { level: 2 }).textContent())?.trim()).toBe(
    'Kết quả giải quyết TTHC',
  );
  const pairs = await pairsOf(page, 'section.results-widget dl > div');
  expect(pairs.map(([label]) => label)).toEqual(WIDGET_LABELS);
  const [rate, processed, timely, late, lateRate] = pairs.map(([, value]) => value);
  expect(parseVi(processed!)).toBe(parseVi(timely!) + parseVi(late!));
  expect(rate).toBe(formatPercent(percent(parseVi(timely!), parseVi(processed!))));
  expect(lateRate).toBe(formatPercent(percent(parseVi(late!), parseVi(processed!))));

  const ytd = await api(slug);
  expect([ytd.from, ytd.to]).toEqual([`${YEAR}-01-01`, NOW.slice(0, 10)]);
  expect(pairs.map(([, value]) => value)).toEqual([
    formatPercent(ytd.onTimeRate),
    formatNumber(ytd.processed),
    formatNumber(ytd.early + ytd.onTime),
    formatNumber(ytd.late),
    formatPercent(ytd.lateRate),
  ]);
  expect(ytd.late).toBeGreaterThan(0);
  // "(Cập nhật lúc: dd/mm/yyyy hh:mm:ss)": the API's instant, in Vietnam's time as the API writes it.
  const at = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})\+07:00$/.exec(ytd.updatedAt ?? '');
  expect(at, `updatedAt ${ytd.updatedAt}`).not.toBeNull();
  const [, y, mo, d, hms] = at!;
  expect((await widget.locator('.results-widget-time').innerText()).trim()).toBe(
    `(Cập nhật lúc: ${d}/${mo}/${y} ${hms})`,
  );
  return ytd;
}

/** Opens the detail page from the widget's "Chi tiết" link. */
async function openDetails(page: Page, base: string): Promise<void> {
  const link = page.locator('section.results-widget').getByRole('link', { name: /^Chi tiết/ });
  // The visible words are the seed page's; a hidden part says what the details are of.
  expect(await link.evaluate((a) => a.firstChild?.textContent)).toBe('Chi tiết');
  expect(await textOf(link)).toBe('Chi tiết kết quả giải quyết thủ tục hành chính');
  await Promise.all([page.waitForURL(new RegExp(`${base}/ket-qua-giai-quyet$`)), link.click()]);
  expect(await heading(page)).toBe('Kết quả giải quyết thủ tục hành chính');
}

/** Chooses a period with the form and submits it. */
async function choosePeriod(
  page: Page,
  choice: { kind: 'Quý' | 'Tháng'; quarter?: string; month?: string; year: string },
  url: RegExp,
): Promise<void> {
  const form = page.locator('form.results-form');
  await form.getByLabel('Loại kỳ').selectOption({ label: choice.kind });
  if (choice.quarter) {
    await form.getByLabel('Quý', { exact: true }).selectOption({ label: choice.quarter });
  }
  if (choice.month) {
    await form.getByLabel('Tháng', { exact: true }).fill(choice.month);
  }
  await form.getByLabel('Năm', { exact: true }).fill(choice.year);
  await Promise.all([page.waitForURL(url), form.getByRole('button', { name: 'Xem số liệu' }).click()]);
}

type ListRow = { code: string; href: string; applicant: string; state: string };

/** Every row of a drill-down list, following its "next" links, and the HTML and text of each page. */
async function readList(page: Page): Promise<{ rows: ListRow[]; pages: { html: string; text: string }[] }> {
  const rows: ListRow[] = [];
  const pages: { html: string; text: string }[] = [];
  for (;;) {
    pages.push({ html: await page.content(), text: await page.locator('main').innerText() });
    rows.push(
      ...(await page.locator('table.results-dossiers tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          code: tr.querySelector('th')?.textContent?.trim() ?? '',
          href: tr.querySelector('th a')?.getAttribute('href') ?? '',
          applicant: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
          state: tr.querySelectorAll('td')[5]?.textContent?.trim() ?? '',
        })),
      )),
    );
    const next = page.getByRole('navigation', { name: 'Phân trang' }).locator('a[rel="next"]');
    if ((await next.count()) === 0) {
      return { rows, pages };
    }
    await Promise.all([page.waitForURL(/trang=\d+/), next.click()]);
  }
}

/** The summary export of the page, downloaded by its link. */
async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await d.path();
  return { file: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe('a visitor reads the results of xã Tân Hồng', () => {
  it('on a phone: the widget, its detail page, a quarter, its late dossiers, the downloads, the 766 indicators', async () => {
    const { page, problems } = await watchedPage(phone, 'results-phone');
    page.setDefaultTimeout(15_000);

    // 1. The home page's widget.
    await page.goto(`${j.baseUrl}/`);
    const ytd = await expectWidget(page, 'tan-hong');
    await expectPhoneFriendly(page, 'results-home');

    // 2. "Chi tiết": the year to date, the same figures as the widget's.
    await openDetails(page, '');
    expect(await textOf(page.locator('#tong-hop'))).toBe(`Tổng hợp: Năm ${YEAR}`);
    expect(await summaryOf(page)).toEqual(expectedSummary(ytd));
    await expectPhoneFriendly(page, 'results-detail-year');

    // 3. Quarter III with the form: the page shows it, with the API's figures for its dates.
    await choosePeriod(page, { kind: 'Quý', quarter: 'III', year: YEAR }, /\?ky=quy&.*quy=3&nam=2026/);
    expect(await textOf(page.locator('#tong-hop'))).toBe(`Tổng hợp: ${QUARTER.label}`);
    expect(await page.locator('#tong-hop ~ .results-period-note').innerText()).toBe(
      'Số liệu đến hết ngày 30/09/2026.',
    );
    const quarter = await api('tan-hong', QUARTER);
    expect(quarter.late).toBeGreaterThan(0);
    const shown = await summaryOf(page);
    expect(shown).toEqual(expectedSummary(quarter));
    await expectPhoneFriendly(page, 'results-detail-quarter');

    // 4. The late dossiers: as many as the figure says, names masked, each code linked to the look-up.
    const lateFigure = page
      .locator('.results-figure')
      .filter({ has: page.locator('dt', { hasText: /^Trễ hạn$/ }) });
    await Promise.all([
      page.waitForURL(/\/ket-qua-giai-quyet\/ho-so\?.*nhom=tre-han/),
      lateFigure.getByRole('link', { name: shown['Trễ hạn'] }).click(),
    ]);
    expect(await heading(page)).toBe(`Hồ sơ đã xử lý trễ hạn – ${QUARTER.label}`);
    expect(await page.getByText(/^Có [\d.]+ hồ sơ\.$/).innerText()).toBe(
      `Có ${formatNumber(quarter.late)} hồ sơ.`,
    );
    await expectPhoneFriendly(page, 'results-late-list');
    const { rows, pages } = await readList(page);
    expect(rows).toHaveLength(quarter.late);
    expect(new Set(rows.map((r) => r.code)).size).toBe(quarter.late);
    for (const r of rows) {
      expect(r.href).toBe(dossierPaths.lookup('', r.code));
      expect(r.state).toMatch(/^Đã xử lý trễ hạn( \(.+\))?$/);
    }
    // Who applied, as stored: no full name, ID number or phone number is on the page; every shown name is masked.
    const applicants = await j.t.deps.db
      .selectFrom('dossier')
      .select(['code', 'applicantName', 'applicantIdNumber', 'applicantPhone'])
      .where(
        'code',
        'in',
        rows.map((r) => r.code),
      )
      .execute();
    expect(applicants).toHaveLength(rows.length);
    expect(applicants.every((a) => a.applicantIdNumber && a.applicantPhone)).toBe(true); // the demo's have both
    for (const { html, text } of pages) {
      for (const a of applicants) {
        expect(html).not.toContain(a.applicantName);
        for (const secret of [a.applicantIdNumber, a.applicantPhone]) {
          if (secret) {
            expect(html).not.toContain(secret);
            expect(html).not.toContain(secret.replace(/\D/g, ''));
          }
        }
      }
      expect(text).not.toMatch(/\d{9,}/);
    }
    for (const r of rows) {
      expect(r.applicant).toMatch(/^\S+( \S*\*+)+$/u);
    }

    // A code (of the page shown, the last) opens the public look-up of that dossier.
    const first = rows.at(-1)!;
    await Promise.all([
      page.waitForURL(/\/tra-cuu-ho-so\?ma=/),
      page.getByRole('link', { name: first.code, exact: true }).click(),
    ]);
    expect(
      (await page.locator('section.lookup-result').getByRole('heading', { level: 2 }).textContent())?.trim(),
    ).toBe(`Hồ sơ ${first.code}`);
    await page.goBack();

    // 5. Back on the quarter's page, the summary as XLSX and CSV: the page's numbers.
    await Promise.all([
      page.waitForURL(/\/ket-qua-giai-quyet\?ky=quy&quy=3&nam=2026$/),
      page.getByRole('link', { name: 'Quay lại trang kết quả giải quyết' }).click(),
    ]);
    expect(await summaryOf(page)).toEqual(shown);
    const xlsx = await download(page, 'Tải bảng tổng hợp dạng XLSX');
    expect(xlsx.file).toBe(`ket-qua-giai-quyet-tan-hong-tong-hop-${QUARTER.from}-${QUARTER.to}.xlsx`);
    const sheet = readXlsxRows(xlsx.bytes);
    expect(sheet[0]).toEqual([`Tổng hợp – Xã Tân Hồng – ${QUARTER.label}`]);
    expect(sheet[1]).toEqual(['Chỉ tiêu', 'Số liệu', 'Đơn vị tính']);
    const asShown = ([label, value, unit]: string[]): [string, string] => {
      const v = Number(value);
      return [
        label!,
        unit === '%' ? formatPercent(v) : unit === 'ngày' ? `${formatNumber(v, 2)} ngày` : formatNumber(v),
      ];
    };
    const fromSheet = Object.fromEntries(sheet.slice(2).map(asShown));
    expect(fromSheet).toEqual(shown);
    // The headline numbers, by value.
    const value = (label: string) => Number(sheet.find((r) => r[0] === label)?.[1]);
    expect(value('Tiếp nhận trong kỳ')).toBe(quarter.received);
    expect(value('Đã xử lý')).toBe(quarter.processed);
    expect(value('Trước hạn') + value('Đúng hạn') + value('Trễ hạn')).toBe(quarter.processed);
    expect(value('Trễ hạn')).toBe(rows.length);
    expect(value('Tỉ lệ trước và đúng hạn')).toBe(quarter.onTimeRate);
    expect(value('Tỉ lệ trễ hạn')).toBe(quarter.lateRate);

    const csv = await download(page, 'Tải bảng tổng hợp dạng CSV');
    expect(csv.file).toBe(`ket-qua-giai-quyet-tan-hong-tong-hop-${QUARTER.from}-${QUARTER.to}.csv`);
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf'); // UTF-8 BOM, for Excel
    const parsed = parseCsv(csv.bytes.toString('utf8'));
    if (!parsed.ok) {
      throw new Error('the CSV does not parse');
    }
    const [header, ...records] = parsed.records.map((r) => r.fields);
    expect(header).toEqual(['Chỉ tiêu', 'Số liệu', 'Đơn vị tính']);
    expect(Object.fromEntries(records.map(asShown))).toEqual(shown);

    // 6. The Decision 766 indicators, from the detail page, for the same quarter.
    await Promise.all([
      page.waitForURL(/\/ket-qua-giai-quyet\/chi-so-766\?ky=quy&quy=3&nam=2026$/),
      page
        .getByRole('link', { name: 'Bộ chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg' })
        .click(),
    ]);
    expect(await heading(page)).toBe('Chỉ số chất lượng phục vụ và đánh giá giải quyết hồ sơ');
    const indicators = page.locator('table.indicators-table').first();
    const status = (code: string) =>
      indicators
        .locator('tbody tr')
        .filter({
          has: page.locator('td:first-child', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }),
        })
        .locator('td')
        .last()
        .innerText();
    expect(await status('1.1')).toBe('Chưa có dữ liệu');
    expect(await status('5.4')).toBe('Chưa có dữ liệu');
    expect(await status('2.1')).toBe('Có dữ liệu');
    expect(await indicators.locator('tbody td', { hasText: /^Chưa có dữ liệu$/ }).count()).toBeGreaterThan(5);
    await expectPhoneFriendly(page, 'results-766');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a desktop: the district rolls up its communes, sorted by on-time rate with the column header', async () => {
    const { page, problems } = await watchedPage(desktop, 'results-district');
    page.setDefaultTimeout(15_000);

    await page.goto(`${j.baseUrl}/${DISTRICT.slug}/`);
    const ytd = await expectWidget(page, DISTRICT.slug);
    const commune = await api('tan-hong');
    expect(ytd.processed).toBeGreaterThan(commune.processed); // Tân Hồng and the other communes
    await expectAccessible(page);

    await openDetails(page, `/${DISTRICT.slug}`);
    expect(await page.getByText(`Số liệu của ${DISTRICT.name} gồm cả các đơn vị trực thuộc.`).count()).toBe(
      1,
    );
    expect(await summaryOf(page)).toEqual(expectedSummary(ytd));
    // Its late dossiers: those of all its communes, more than a page of them.
    expect(ytd.late).toBeGreaterThan(50);
    await Promise.all([
      page.waitForURL(/\/binh-giang\/ket-qua-giai-quyet\/ho-so\?.*nhom=tre-han/),
      page
        .locator('.results-figure')
        .filter({ has: page.locator('dt', { hasText: /^Trễ hạn$/ }) })
        .getByRole('link')
        .click(),
    ]);
    expect(await page.getByRole('navigation', { name: 'Phân trang' }).count()).toBe(1);
    const late = await readList(page);
    expect(late.pages.length).toBeGreaterThan(1);
    expect(new Set(late.rows.map((r) => r.code)).size).toBe(ytd.late);
    expect(late.rows.filter((r) => !r.code.startsWith('000.01.')).length).toBeGreaterThan(0); // other communes
    await expectAccessible(page);
    await page.goto(`${j.baseUrl}/${DISTRICT.slug}/ket-qua-giai-quyet`);
    const table = page.getByRole('region', { name: 'Các đơn vị trực thuộc' }).locator('table');
    const unitRows = async () =>
      table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')?.textContent?.trim() ?? '',
          cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
        })),
      );
    const byName = await unitRows();
    expect(byName).toHaveLength(13);
    expect(byName.map((r) => r.name)).toEqual(
      byName.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'vi')),
    );
    // The communes add up to the district (it receives no dossier itself).
    const sum = (i: number) => byName.reduce((s, r) => s + parseVi(r.cells[i]!), 0);
    expect([sum(0), sum(1), sum(3)]).toEqual([ytd.received, ytd.processed, ytd.late]);
    const tanHong = byName.find((r) => r.name === 'Xã Tân Hồng');
    expect(tanHong?.cells.slice(0, 4)).toEqual([
      formatNumber(commune.received),
      formatNumber(commune.processed),
      formatPercent(commune.onTimeRate),
      formatNumber(commune.late),
    ]);
    await expectAccessible(page);
    await snapshot(page, 'results-district');

    const header = table.locator('thead th', { hasText: 'Tỉ lệ trước và đúng hạn' });
    await Promise.all([
      page.waitForURL(/sap-xep=ty-le-dung-han-giam#don-vi$/),
      header.getByRole('link', { name: 'Tỉ lệ trước và đúng hạn (bấm để sắp xếp giảm dần)' }).click(),
    ]);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const sorted = await unitRows();
    expect(sorted.map((r) => r.name).sort()).toEqual(byName.map((r) => r.name).sort());
    const rates = sorted.map((r) => parseVi(r.cells[2]!));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(rates[0]).toBeGreaterThan(rates.at(-1)!);
    // A second click reverses the order.
    await Promise.all([
      page.waitForURL(/sap-xep=ty-le-dung-han-tang#don-vi$/),
      header.getByRole('link', { name: 'Tỉ lệ trước và đúng hạn (bấm để sắp xếp tăng dần)' }).click(),
    ]);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect((await unitRows()).map((r) => parseVi(r.cells[2]!))).toEqual([...rates].sort((a, b) => a - b));
    await expectAccessible(page);
    await snapshot(page, 'results-district-sorted');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('without JavaScript: the period form chooses a month, and says at the field what is wrong', async () => {
    const noJs = await phoneContext(j.browser, { javaScriptEnabled: false });
    const { page, problems } = await watchedPage(noJs, 'results-no-js');
    page.setDefaultTimeout(15_000);
    await page.goto(`${j.baseUrl}/ket-qua-giai-quyet`);

    await choosePeriod(page, { kind: 'Tháng', month: '13', year: YEAR }, /\?ky=thang&thang=13/);
    const error = 'Nhập tháng là một số từ 1 đến 12.';
    expect(await page.getByRole('alert').innerText()).toContain(error);
    const month = page.getByLabel('Tháng', { exact: true });
    expect(await month.getAttribute('aria-invalid')).toBe('true');
    expect(await month.inputValue()).toBe('13');
    expect(await page.locator('form.results-form').getByText(error).count()).toBe(1);
    expect(await page.locator('#tong-hop').count()).toBe(0);
    await expectFitsWidth(page); // axe runs as a script: below, on the same pages with JavaScript
    await snapshot(page, 'results-no-js-error');
    const errorUrl = page.url();
    // The page answers 400 (the browser says so in its console): the only problem.
    expect(problems.splice(0)).toEqual([
      `console error (${errorUrl}): Failed to load resource: the server responded with a status of 400 (Bad Request)`,
    ]);

    await choosePeriod(page, { kind: 'Tháng', month: '9', year: YEAR }, /\?ky=thang&thang=9&/);
    expect(await textOf(page.locator('#tong-hop'))).toBe(`Tổng hợp: ${MONTH.label}`);
    expect(await summaryOf(page)).toEqual(expectedSummary(await api('tan-hong', MONTH)));
    expect(await month.inputValue()).toBe('9');
    await expectFitsWidth(page);
    await snapshot(page, 'results-no-js-month');
    expect(problems).toEqual([]);
    const monthUrl = page.url();
    await noJs.close();

    const js = await watchedPage(phone, 'results-form-axe');
    for (const url of [errorUrl, monthUrl]) {
      await js.page.goto(url);
      await expectAccessible(js.page);
    }
    expect(js.problems).toHaveLength(1); // the 400, as above
    await js.page.close();
  });
});
