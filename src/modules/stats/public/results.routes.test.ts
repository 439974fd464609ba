import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { Browser } from '../../../../test/staff.js';
import { DEMO_PASSWORD } from '../../../demo/demo-data.js';
import { statsPaths } from '../../../http/paths.js';
import { formatNumber } from '../../../platform/time.js';
import { readXlsxRows } from '../../../platform/xlsx.js';
import { parseCsv } from '../../procedures/csv.js';
import { formatPercent, type Period } from '../dossier-outcome.js';
import type { ResultFigures } from '../stats-figures.js';
import { figureOfGroup, GROUP_SLUGS, RESULT_GROUPS } from './results-groups.js';
import { resultsMessages as m } from './results.messages.js';

/*
 * The results detail page of the demo province on the dialect under test (issue #4 items 1, 3, 4, 7): the commune
 * Tân Hồng (the default unit, ~400 demo dossiers since 1 January) and its district. The figures must be the
 * aggregates' (StatsService.figures); every drill-down list must hold exactly the dossiers its figure counts, each
 * classified from its own events (Decision 766/QĐ-TTg indicator 2.1); the exports must carry the page's numbers.
 */

let t: TestApp;
let tanHong: number;
let district: { id: number; slug: string; name: string };
const stats = () => t.deps.stats.service;
const YTD: Period = { from: '2026-01-01', to: '2026-12-31' };

const get = (url: string) => t.app.inject({ method: 'GET', url });

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const textOf = (html: string) =>
  unescape(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The summary's figures by label: their text and the link to their list. */
function summaryOf(html: string): Map<string, { text: string; href: string | null }> {
  const out = new Map<string, { text: string; href: string | null }>();
  for (const [, label, dd] of html.matchAll(
    /<div class="results-figure[^"]*"><dt>([^<]*)<\/dt><dd>(.*?)<\/dd>/g,
  )) {
    const href = /href="([^"]*)"/.exec(dd!)?.[1];
    out.set(unescape(label!), { text: textOf(dd!), href: href ? unescape(href) : null });
  }
  return out;
}

/** What the summary must show for these figures. */
function expectedSummary(f: ResultFigures): Record<string, string> {
  const s = m.summary;
  return {
    [s.carriedOver]: formatNumber(f.carriedOver),
    [s.received]: formatNumber(f.received),
    [s.receivedCounter]: formatNumber(f.receivedCounter),
    [s.receivedOnline]: formatNumber(f.receivedOnline),
    [s.receivedPost]: formatNumber(f.receivedPost),
    [s.processed]: formatNumber(f.processed),
    [s.early]: formatNumber(f.early),
    [s.onTime]: formatNumber(f.onTime),
    [s.late]: formatNumber(f.late),
    [s.timely]: formatNumber(f.early + f.onTime),
    [s.onTimeRate]: formatPercent(f.onTimeRate),
    [s.lateRate]: formatPercent(f.lateRate),
    [s.resolved]: formatNumber(f.resolved),
    [s.refused]: formatNumber(f.refused),
    [s.withdrawn]: formatNumber(f.withdrawn),
    [s.stopped]: formatNumber(f.stopped),
    [s.averageDays]: f.averageDays === null ? s.averageNone : s.daysValue(formatNumber(f.averageDays, 2)),
    [s.inProgress]: formatNumber(f.inProgress),
    [s.withinTime]: formatNumber(f.inProgressWithinTime),
    [s.overdue]: formatNumber(f.inProgressOverdue),
    [s.waitingSupplement]: formatNumber(f.waitingSupplement),
  };
}

const texts = (html: string) => Object.fromEntries([...summaryOf(html)].map(([k, v]) => [k, v.text]));

/** Links to lists (of this unit or of another) whose text is a count, with that count. */
function listLinks(html: string): { href: string; count: string }[] {
  return [...html.matchAll(/<a href="([^"]*\/ket-qua-giai-quyet\/ho-so\?[^"]*)">([\d.]+)<\/a>/g)].map(
    (x) => ({
      href: unescape(x[1]!),
      count: x[2]!,
    }),
  );
}

/** "Có N hồ sơ." of a list page, as the number. */
const LIST = 'class="results-table results-dossiers"';
const listCount = (html: string) => /Có ([\d.]+) hồ sơ\./.exec(textOf(html))?.[1];

/** The rows of the first table after `marker` (a section's id="…", a class): the text of each cell. */
function tableRows(html: string, marker: string): string[][] {
  const section = html.slice(html.indexOf(marker));
  const body = /<tbody>(.*?)<\/tbody>/s.exec(section)![1]!;
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => textOf(c[1]!)),
  );
}

beforeAll(async () => {
  // Fri 20/11/2026 10:00 in Vietnam.
  t = await buildTestApp({ demo: true, demoDossiers: true, now: '2026-11-20T03:00:00.000Z' });
  tanHong = t.deps.directory.getBySlug('tan-hong')!.id;
  const parent = t.deps.directory.get(t.deps.directory.getBySlug('tan-hong')!.parentId!)!;
  district = { id: parent.id, slug: parent.slug, name: parent.name };
}, 300_000);
afterAll(async () => {
  await t.close();
});

describe('the detail page (issue #4 item 3)', () => {
  it('shows the year to date by default, as of today, with the figures of the aggregates', async () => {
    const res = await get('/ket-qua-giai-quyet');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = res.body;
    expect(textOf(html)).toContain(`${m.summary.heading}: Năm 2026`);
    expect(textOf(html)).toContain(m.period.asOfToday('20/11/2026'));
    const f = await stats().figures(tanHong, YTD);
    expect(f.processed).toBeGreaterThan(100);
    expect(texts(html)).toEqual(expectedSummary(f));
    // The charts are server-drawn SVG images with a text alternative; the definitions cite their sources.
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('<desc id="chart-timing-desc">');
    expect(textOf(html)).toContain(m.definitions.heading);
    expect(textOf(html)).toContain('Quyết định 766/QĐ-TTg ngày 23/6/2022, chỉ số 2.1');
    // The links to the indicators keep the period (a year here).
    expect(html).toMatch(/href="\/ket-qua-giai-quyet\/chi-so-766\?ky=nam&amp;nam=\d{4}"/);
    expect(html).toMatch(/href="\/ket-qua-giai-quyet\/danh-gia\?ky=nam&amp;nam=\d{4}"/);
  });

  it.each([
    ['a month', 'ky=thang&thang=3&nam=2026', { from: '2026-03-01', to: '2026-03-31' }, 'Tháng 03/2026'],
    ['a quarter', 'ky=quy&quy=2&nam=2026', { from: '2026-04-01', to: '2026-06-30' }, 'Quý II/2026'],
    ['a year', 'ky=nam&nam=2026', YTD, 'Năm 2026'],
    [
      'a range',
      'ky=khoang&tu=01/02/2026&den=15/03/2026',
      { from: '2026-02-01', to: '2026-03-15' },
      'Từ 01/02/2026 đến 15/03/2026',
    ],
  ])('shows %s in words with its figures', async (_, query, period, label) => {
    const res = await get(`/ket-qua-giai-quyet?${query}`);
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body)).toContain(`${m.summary.heading}: ${label}`);
    expect(texts(res.body)).toEqual(expectedSummary(await stats().figures(tanHong, period)));
    if (period.to < '2026-11-20') {
      expect(textOf(res.body)).toContain(
        m.period.closed(`${period.to.slice(8)}/${period.to.slice(5, 7)}/2026`),
      );
    }
  });

  it.each([
    ['a month 13', 'ky=thang&thang=13&nam=2026', 'thang', '13', m.errors.month],
    [
      'a range ending before it starts',
      'ky=khoang&tu=15/03/2026&den=01/02/2026',
      'den',
      '01/02/2026',
      m.errors.order,
    ],
    [
      'a date that does not exist',
      'ky=khoang&tu=31/02/2026&den=15/03/2026',
      'tu',
      '31/02/2026',
      m.errors.fromInvalid,
    ],
    ['a year not begun', 'ky=nam&nam=2031', 'nam', '2031', m.errors.yearRange(2026)],
    ['an unknown breakdown', 'theo=xa', 'theo', null, m.errors.by],
  ])(
    'answers %s with 400 and the message at the field, the input kept',
    async (_, query, field, kept, message) => {
      const res = await get(`/ket-qua-giai-quyet?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain(`<a href="#${field}">${message}</a>`);
      expect(res.body).toMatch(
        new RegExp(`<p id="${field}-error" class="field-error">.*?${message.replace(/[().]/g, '\\$&')}`),
      );
      if (kept !== null) {
        expect(res.body).toContain(`id="${field}" name="${field}" type="text" value="${kept}"`);
      }
      expect(summaryOf(res.body).size).toBe(0);
    },
  );
});

describe('drill-down lists (issue #4 item 3): each list holds exactly the dossiers its figure counts', () => {
  it.each([
    [
      'March 2026 (closed)',
      { ky: 'thang', thang: '03', nam: '2026' },
      { from: '2026-03-01', to: '2026-03-31' },
    ],
    ['the year to date', { ky: 'nam', nam: '2026' }, YTD],
  ])('for every group, %s', async (_, params, period) => {
    const f = await stats().figures(tanHong, period);
    for (const g of RESULT_GROUPS) {
      const res = await get(statsPaths.resultsDossiers('', { ...params, nhom: GROUP_SLUGS[g] }));
      expect(res.statusCode).toBe(200);
      expect([g, listCount(res.body)]).toEqual([g, formatNumber(figureOfGroup(f, g))]);
    }
  });

  it('for every count the page links, by channel and by field too', async () => {
    const html = (await get('/ket-qua-giai-quyet')).body;
    const links = listLinks(html);
    expect(links.length).toBeGreaterThan(30);
    expect(links.some((l) => l.href.includes('kenh=buu-chinh'))).toBe(true);
    expect(links.some((l) => l.href.includes('linh-vuc='))).toBe(true);
    for (const l of links) {
      expect([l.href, listCount((await get(l.href)).body)]).toEqual([l.href, l.count]);
    }
  });

  it('pages through the list: every dossier once, 50 a page', async () => {
    const f = await stats().figures(tanHong, YTD);
    const codes = new Set<string>();
    const pages = Math.ceil(f.processed / 50);
    for (let p = 1; p <= pages; p++) {
      const url = statsPaths.resultsDossiers('', {
        ky: 'nam',
        nam: '2026',
        nhom: 'da-xu-ly',
        trang: String(p),
      });
      const rows = tableRows((await get(url)).body, LIST);
      expect(rows.length).toBe(p < pages ? 50 : f.processed - 50 * (pages - 1));
      rows.forEach((r) => codes.add(r[0]!));
    }
    expect(codes.size).toBe(f.processed);
  });

  it('shows masked names and never contact data or staff names; codes link to the public look-up', async () => {
    const res = await get(statsPaths.resultsDossiers('', { ky: 'nam', nam: '2026', nhom: 'tiep-nhan' }));
    const [first] = tableRows(res.body, LIST);
    const d = (await t.deps.dossiers.service.byCode(first![0]!))!;
    expect(first![2]).not.toBe(d.applicantName);
    expect(first![2]!.split(' ')[0]).toBe(d.applicantName.split(' ')[0]);
    expect(res.body).toContain(`href="/tra-cuu-ho-so?ma=${d.code}"`);
    for (const secret of [
      d.applicantName,
      d.applicantIdNumber,
      d.applicantPhone,
      d.applicantEmail,
      d.applicantAddress,
    ]) {
      if (secret) {
        expect(res.body).not.toContain(secret);
      }
    }
    const staff = await t.deps.accounts.listStaff(tanHong);
    for (const s of staff) {
      expect(res.body).not.toContain(s.fullName);
    }
  });

  it('answers a bad group with 400 at the field', async () => {
    const res = await get('/ket-qua-giai-quyet/ho-so?nhom=moi-nhat');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<a href="#nhom">${m.errors.group}</a>`);
  });
});

describe('officers (staff personal data)', () => {
  it('are not offered nor shown to visitors', async () => {
    const page = await get('/ket-qua-giai-quyet');
    expect(page.body).not.toContain('value="can-bo"');
    const byOfficer = await get('/ket-qua-giai-quyet?theo=can-bo');
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.body).toContain(`<a href="#theo">${m.errors.byStaffOnly}</a>`);
    const staff = await t.deps.accounts.listStaff(tanHong);
    for (const s of staff) {
      expect(byOfficer.body).not.toContain(s.fullName);
    }
    expect((await get('/ket-qua-giai-quyet/can-bo.xlsx')).statusCode).toBe(403);
    expect((await get('/ket-qua-giai-quyet/ho-so?nhom=da-xu-ly&can-bo=1')).statusCode).toBe(403);
  });

  it('are shown to the leader, never cached, each figure linking to its list', async () => {
    const leader = new Browser(t);
    expect((await leader.signIn('', 'lanhdao', DEMO_PASSWORD)).statusCode).toBe(303);
    expect((await leader.get('/ket-qua-giai-quyet')).body).toContain('value="can-bo"');
    const res = await leader.get('/ket-qua-giai-quyet?theo=can-bo');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const rows = await stats().breakdown(tanHong, 'officerId', YTD);
    const named = (await t.deps.accounts.listStaff(tanHong)).filter((s) =>
      rows.some((r) => r.key === String(s.id)),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) {
      expect(res.body).toContain(s.fullName);
    }
    const links = listLinks(res.body).filter((l) => l.href.includes('can-bo='));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links.slice(0, 6)) {
      const list = await leader.get(l.href);
      expect(list.headers['cache-control']).toBe('private, no-store');
      expect(listCount(list.body)).toBe(l.count);
    }
    const xlsx = await leader.get('/ket-qua-giai-quyet/can-bo.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(
      readXlsxRows(xlsx.rawPayload)
        .slice(2)
        .map((r) => r[0]),
    ).toContain(named[0]!.fullName);
  });
});

describe('a parent unit (issue #4 item 4)', () => {
  it('rolls up its communes and lists them, each linking to its own page', async () => {
    const res = await get(statsPaths.results(`/${district.slug}`));
    expect(res.statusCode).toBe(200);
    expect(texts(res.body)).toEqual(expectedSummary(await stats().figures(district.id, YTD)));
    const rows = tableRows(res.body, 'id="don-vi"');
    const communes = t.deps.directory.children(district.id);
    expect(rows).toHaveLength(communes.length);
    expect(communes.length).toBe(13);
    for (const c of communes) {
      const f = await stats().figures(c.id, YTD);
      expect(rows).toContainEqual([
        c.name,
        formatNumber(f.received),
        formatNumber(f.processed),
        formatPercent(f.onTimeRate),
        formatNumber(f.late),
        formatPercent(f.lateRate),
        formatNumber(f.inProgressOverdue),
      ]);
      const base = t.deps.directory.basePathOf(c);
      expect(res.body).toContain(`<a href="${base}/ket-qua-giai-quyet?ky=nam&amp;nam=2026">${c.name}</a>`);
    }
    // By name at first, A to Z.
    expect(rows.map((r) => r[0])).toEqual(
      communes.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'vi')),
    );
    expect(res.body).toMatch(
      /<th scope="col" aria-sort="ascending"><a [^>]*>Đơn vị<span class="visually-hidden">[^<]*<\/span><\/a>/,
    );
  });

  it('sorts the communes by a column header link, without JavaScript', async () => {
    const page = (await get(statsPaths.results(`/${district.slug}`))).body;
    const href = /<a href="([^"]*sap-xep=tre-han-giam[^"]*)"/.exec(page)![1]!;
    const res = await get(unescape(href).replace(/#.*/, ''));
    expect(res.body).toMatch(
      /<th scope="col" aria-sort="descending"><a [^>]*>Trễ hạn<span class="visually-hidden">[^<]*<\/span><\/a>/,
    );
    const late = tableRows(res.body, 'id="don-vi"').map((r) => Number(r[4]!.replace(/\./g, '')));
    expect(late).toEqual([...late].sort((a, b) => b - a));
    // The export of the table follows the page's order.
    const xlsxHref = /href="([^"]*don-vi\.xlsx[^"]*)"/.exec(res.body)![1]!;
    const sheet = readXlsxRows((await get(unescape(xlsxHref))).rawPayload);
    expect(sheet.slice(2).map((r) => r[0])).toEqual(tableRows(res.body, 'id="don-vi"').map((r) => r[0]));
  });

  it('lists the dossiers of all its communes behind its own figures', async () => {
    const f = await stats().figures(district.id, YTD);
    for (const g of ['received', 'late', 'in_progress', 'overdue'] as const) {
      const url = statsPaths.resultsDossiers(`/${district.slug}`, {
        ky: 'nam',
        nam: '2026',
        nhom: GROUP_SLUGS[g],
      });
      expect([g, listCount((await get(url)).body)]).toEqual([g, formatNumber(figureOfGroup(f, g))]);
    }
  });

  it('links each commune figure to that commune list, with the same count', async () => {
    const html = (await get(statsPaths.results(`/${district.slug}`))).body;
    const links = listLinks(html).filter(
      (l) => l.href.startsWith('/') && !l.href.startsWith(`/${district.slug}/`),
    );
    expect(links.length).toBeGreaterThan(13);
    for (const l of links.slice(0, 12)) {
      expect(listCount((await get(l.href)).body)).toBe(l.count);
    }
  });
});

describe('exports (issue #4 item 7)', () => {
  it('the summary as XLSX: a title row with the period, Vietnamese headers, numbers as on the page', async () => {
    const page = texts((await get('/ket-qua-giai-quyet?ky=thang&thang=3&nam=2026')).body);
    const res = await get('/ket-qua-giai-quyet/tong-hop.xlsx?ky=thang&thang=03&nam=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      'filename="ket-qua-giai-quyet-tan-hong-tong-hop-2026-03-01-2026-03-31.xlsx"',
    );
    const rows = readXlsxRows(res.rawPayload);
    expect(rows[0]).toEqual(['Tổng hợp – Xã Tân Hồng – Tháng 03/2026']);
    expect(rows[1]).toEqual([m.summary.item, m.summary.value, m.summary.unit]);
    for (const [label, value, unit] of rows.slice(2)) {
      const shown =
        unit === m.summary.percent ? formatPercent(Number(value)) : formatNumber(Number(value), 2);
      expect([label, unit === m.summary.days ? m.summary.daysValue(shown) : shown]).toEqual([
        label,
        page[label!],
      ]);
    }
  });

  it('the summary as CSV in UTF-8 with a BOM, the same numbers', async () => {
    const res = await get('/ket-qua-giai-quyet/tong-hop.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const csv = parseCsv(res.body);
    if (!csv.ok) {
      throw new Error('bad CSV');
    }
    const f = await stats().figures(tanHong, YTD);
    const byLabel = new Map(csv.records.map((r) => [r.fields[0], r.fields[1]]));
    expect(byLabel.get(m.summary.received)).toBe(String(f.received));
    expect(byLabel.get(m.summary.onTimeRate)).toBe(String(f.onTimeRate));
    expect(byLabel.get(m.summary.overdue)).toBe(String(f.inProgressOverdue));
  });

  it('each breakdown with the rows of the page', async () => {
    for (const by of ['linh-vuc', 'thu-tuc', 'kenh'] as const) {
      const page = (await get(`/ket-qua-giai-quyet?theo=${by}`)).body;
      const shown = tableRows(page, 'id="phan-tich"');
      const csv = parseCsv((await get(`/ket-qua-giai-quyet/${by}.csv`)).body);
      if (!csv.ok) {
        throw new Error('bad CSV');
      }
      const keys = by === 'thu-tuc' ? 2 : 1;
      const [header, ...records] = csv.records.map((r) => r.fields);
      expect(header![keys + 6]).toBe('Tỉ lệ trước và đúng hạn (%)');
      expect(
        records.map((r) => [
          ...r.slice(0, keys),
          ...r
            .slice(keys)
            .map((v, i) => (i === 6 || i === 7 ? formatPercent(Number(v)) : formatNumber(Number(v)))),
        ]),
      ).toEqual(shown);
    }
  });

  it('the months of the chart, and no table of child units for a commune', async () => {
    const rows = readXlsxRows((await get('/ket-qua-giai-quyet/theo-thang.xlsx')).rawPayload);
    expect(rows.slice(2).map((r) => r[0])).toEqual(
      Array.from({ length: 11 }, (_, i) => `${String(i + 1).padStart(2, '0')}/2026`),
    );
    const march = await stats().figures(tanHong, { from: '2026-03-01', to: '2026-03-31' });
    expect(rows[4]!.slice(1, 3)).toEqual([String(march.received), String(march.processed)]);
    expect((await get('/ket-qua-giai-quyet/don-vi.csv')).statusCode).toBe(404);
  });
});
