import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { actionInput, approveDossier, demoActors, intakeInput } from '../../../../test/dossiers.js';
import { Browser } from '../../../../test/staff.js';
import { DEMO_PASSWORD } from '../../../demo/demo-data.js';
import { readXlsxRows } from '../../../platform/xlsx.js';
import type { Actor } from '../../accounts/actor.js';
import { resultsMessages } from '../public/results.messages.js';

const e = resultsMessages.errors;

/*
 * The Decision 766 indicators and the Circular 01/2018 evaluation over HTTP (issue #4 items 5, 6), on the demo
 * commune tan-hong (the default unit: no path prefix) and its district. Procedure 1.004873 (3 working days): dossiers
 * received Tue 10/02/2026 09:00 are due Fri 13/02/2026 17:00 (see stats.service.test.ts).
 * February 2026: 5 received (4 at the counter, 1 by post); processed 4 — refused Wed (early), approved Thu (early),
 * approved Fri 10:00 (on time), the post one approved Thu (early); 1 still open and overdue at the month's end.
 * Decision 766 2.1 = (3 + 1 + 0) ÷ (4 + 1) = 80 % → 16 of 20 points (proportional).
 */

let t: TestApp;
let unitId: number;
let a: Record<string, Actor>;
const svc = () => t.deps.dossiers.service;
const FEB = '?ky=thang&thang=2&nam=2026';

async function received(channel: 'counter' | 'post' = 'counter') {
  return (await svc().intake(a.motcua!, unitId, await intakeInput(t, unitId, '1.004873', { channel })))
    .dossier;
}

const approve = (d: Awaited<ReturnType<typeof received>>) => approveDossier(t, a, unitId, d);

/** The text of each cell of each row of the table in the region labelled `label`. */
function tableRows(html: string, label: string): string[][] {
  const start = html.indexOf(`aria-label="${label}"`);
  expect(start).toBeGreaterThan(-1);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      cell[1]!
        .replace(/<span class="indicators-(rule|unit)">[\s\S]*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .trim(),
    ),
  );
}

/** A number as the page writes it (93,33) from the export's (93.33). */
const vi = (n: string) => (n === '' ? '—' : n.replace('.', ','));

beforeAll(async () => {
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  unitId = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
  a = await demoActors(t, ['motcua', 'chuyenvien', 'lanhdao']);
  const early = await received();
  const onTime = await received();
  await received(); // stays open
  const refused = await received();
  const post = await received('post');
  t.clock.set('2026-02-11T03:00:00.000Z'); // Wed 10:00
  await svc().act(
    a.motcua!,
    unitId,
    refused.id,
    actionInput('refuse', refused.version, { reason: 'Không thuộc thẩm quyền' }),
  );
  t.clock.set('2026-02-12T08:00:00.000Z'); // Thu 15:00
  await approve(early);
  await approve(post);
  t.clock.set('2026-02-13T03:00:00.000Z'); // Fri 10:00
  await approve(onTime);
  t.clock.set('2026-03-02T03:00:00.000Z');
});
afterAll(async () => {
  await t.close();
});

describe('the public page of the Decision 766 indicators and the unit evaluation', () => {
  it('shows the indicators by group, with "Chưa có dữ liệu" rows left out of the totals', async () => {
    const res = await t.app.inject(`/ket-qua-giai-quyet/chi-so-766${FEB}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tháng 02/2026');
    const rows = tableRows(res.body, 'Bảng chỉ số Quyết định 766');
    const byCode = new Map(rows.filter((r) => r.length === 8).map((r) => [r[0], r]));
    // code, name, numerator, denominator, ratio, score, max, status
    expect(byCode.get('2.1')?.slice(2)).toEqual(['4', '5', '80', '16', '20', 'Có dữ liệu']);
    // The sample catalogue: 14 procedures imported (a row without a code is refused), all offered online.
    expect(byCode.get('3.1')?.slice(2)).toEqual(['14', '14', '100', '4', '4', 'Có dữ liệu']);
    expect(byCode.get('3.3')?.slice(2)).toEqual(['0', '5', '0', '0', '4', 'Có dữ liệu']);
    expect(byCode.get('5.4')?.slice(2)).toEqual(['—', '—', '—', '—', '6', 'Chưa có dữ liệu']);
    const noData = rows.filter((r) => r[7] === 'Chưa có dữ liệu');
    expect(noData.map((r) => r[0])).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '3.5',
      '—',
      '4.3',
      '4.4',
      '4.5',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
    ]);
    // Group totals count only the rows with data: satisfaction has none.
    const subtotal = (name: string) => rows.find((r) => r[0] === `Cộng nhóm: ${name}`);
    expect(subtotal('Mức độ hài lòng')?.slice(1, 3)).toEqual(['0', '0']);
    expect(subtotal('Tiến độ, kết quả giải quyết')?.slice(1, 3)).toEqual(['16', '20']);
    const total = rows.at(-1)!;
    const counted = rows.filter((r) => r.length === 8 && r[7] === 'Có dữ liệu');
    const sum = counted.reduce((s, r) => s + Number(r[5]!.replace(',', '.')), 0);
    expect(Number(total[1]!.replace(',', '.'))).toBeCloseTo(sum, 2);
    expect(total[2]).toBe(String(counted.reduce((s, r) => s + Number(r[6]), 0)));
    expect(res.body).toContain('tạm tính');
  });

  it('evaluates the unit on the nine indices with its band, saying how many were counted', async () => {
    const res = await t.app.inject(`/ket-qua-giai-quyet/chi-so-766${FEB}`);
    const rows = tableRows(res.body, 'Bảng đánh giá đơn vị theo Thông tư 01/2018');
    const value = (i: number) => rows.find((r) => r[0] === String(i))?.[2];
    // 1: (2·3 + 1) ÷ 4 = 1.75; 3: no supplement: 2; 4: (2·1 + 3) ÷ 4 = 1.25; 5: 2; 6: 1; 9: no online dossier: 0.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(value)).toEqual([
      '1,75',
      '1,75',
      '2',
      '1,25',
      '2',
      '1',
      '—',
      '—',
      '0',
    ]);
    expect(rows.find((r) => r[0] === 'Tổng điểm')?.[1]).toBe('9,8');
    expect(rows.find((r) => r[0] === 'Xếp loại')?.[1]).toBe('Khá');
    expect(res.body).toContain('kỳ này tính được 7/9 chỉ số');
    expect(res.body).not.toContain('Cán bộ chuyenvien'); // no officer on the public page
  });

  it('exports the 766 table as XLSX and CSV with the page’s numbers', async () => {
    const page = tableRows(
      (await t.app.inject(`/ket-qua-giai-quyet/chi-so-766${FEB}`)).body,
      'Bảng chỉ số Quyết định 766',
    );
    const pageRows = new Map(page.filter((r) => r.length === 8).map((r) => [`${r[0]} ${r[1]}`, r]));
    const xlsx = await t.app.inject(`/ket-qua-giai-quyet/chi-so-766.xlsx${FEB}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = readXlsxRows(xlsx.rawPayload);
    const header = sheet.findIndex((r) => r[0] === 'Nhóm');
    expect(sheet[header]).toEqual([
      'Nhóm',
      'Mã',
      'Chỉ số',
      'Tử số',
      'Mẫu số',
      'Đơn vị',
      'Tỷ lệ (%)',
      'Điểm',
      'Điểm tối đa',
      'Tình trạng',
      'Cách tính',
    ]);
    const data = sheet.slice(header + 1).filter((r) => r[1] && r[1] !== '');
    expect(data).toHaveLength(21);
    for (const r of data) {
      const p = pageRows.get(`${r[1]} ${r[2]}`);
      expect(p, r[2]).toBeDefined();
      expect([r[3] ?? '', r[4] ?? '', r[6] ?? '', r[7] ?? '', r[8] ?? ''].map(vi)).toEqual([
        p![2],
        p![3],
        p![4],
        p![5],
        p![6],
      ]);
    }
    const csv = await t.app.inject(`/ket-qua-giai-quyet/chi-so-766.csv${FEB}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFFNhóm,Mã,Chỉ số,')).toBe(true);
    expect(csv.body).toContain(
      '\r\n"Tiến độ, kết quả giải quyết",2.1,"Hồ sơ xử lý trước hạn, đúng hạn",4,5,hồ sơ,80,16,20,Có dữ liệu,',
    );
  });

  it('exports the unit evaluation as XLSX and CSV', async () => {
    const xlsx = await t.app.inject(`/ket-qua-giai-quyet/danh-gia.xlsx${FEB}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = readXlsxRows(xlsx.rawPayload);
    expect(sheet.find((r) => r[0] === '1')?.[2]).toBe('1.75');
    expect(sheet.find((r) => r[1] === 'Tổng điểm')?.[2]).toBe('9.8');
    expect(sheet.find((r) => r[1] === 'Xếp loại')?.[3]).toBe('Khá');
    const csv = await t.app.inject(`/ket-qua-giai-quyet/danh-gia.csv${FEB}`);
    expect(csv.body).toContain('\r\n9,Tiến độ cung cấp dịch vụ công trực tuyến,0,Có dữ liệu,');
  });

  it('rolls a district up over its communes', async () => {
    const res = await t.app.inject(`/binh-giang/ket-qua-giai-quyet/chi-so-766${FEB}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('cộng dồn từ 13 đơn vị trực thuộc');
    const rows = tableRows(res.body, 'Bảng chỉ số Quyết định 766');
    expect(rows.find((r) => r[0] === '2.1')?.slice(2, 4)).toEqual(['4', '5']);
  });

  // The results page's parser and form (public/results.schemas.ts), without its ranges of dates.
  it.each([
    ['ky=nam&nam=abcd', 'nam', e.yearRange(2026), 'abcd'],
    ['ky=nam&nam=2027', 'nam', e.yearRange(2026), '2027'],
    ['ky=thang&thang=13&nam=2026', 'thang', e.month, '13'],
    ['ky=tuan&nam=2026', 'ky', e.kindNoRange, '2026'],
    ['ky=khoang&tu=01/02/2026&den=15/02/2026&nam=2026', 'ky', e.noRange, '2026'],
  ])(
    'refuses %s with 400 and the message at the field, the input kept',
    async (query, field, message, kept) => {
      for (const path of ['/ket-qua-giai-quyet/chi-so-766', '/ket-qua-giai-quyet/chi-so-766.xlsx']) {
        const res = await t.app.inject(`${path}?${query}`);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain(`<p id="${field}-error" class="field-error">`);
        expect(res.body).toContain(message);
        expect(res.body).toContain(`href="#${field}"`);
        expect(res.body).toContain(`value="${kept}"`);
        expect(res.body).not.toContain('Bảng chỉ số Quyết định 766');
      }
    },
  );

  it('offers months, quarters and years, not a range of dates', async () => {
    const res = await t.app.inject(`/ket-qua-giai-quyet/chi-so-766${FEB}`);
    const kinds = /<select id="ky"[^>]*>([\s\S]*?)<\/select>/.exec(res.body)![1]!;
    expect([...kinds.matchAll(/value="([^"]*)"/g)].map((o) => o[1])).toEqual(['thang', 'quy', 'nam']);
    expect(res.body).not.toContain('name="tu"');
    expect(res.body).not.toContain('Khoảng ngày');
  });

  it('keeps a refused range in the link to the results page, which shows it', async () => {
    const res = await t.app.inject('/ket-qua-giai-quyet/chi-so-766?ky=khoang&tu=01/02/2026&den=15/02/2026');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(
      'href="/ket-qua-giai-quyet?ky=khoang&amp;tu=01%2F02%2F2026&amp;den=15%2F02%2F2026"',
    );
  });

  it('keeps the period in the links to the results page and the exports', async () => {
    const res = await t.app.inject('/ket-qua-giai-quyet/chi-so-766?ky=quy&quy=i&nam=2026');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Kỳ: Quý I/2026');
    expect(res.body).toContain('href="/ket-qua-giai-quyet?ky=quy&amp;quy=1&amp;nam=2026"');
    expect(res.body).toContain('href="/ket-qua-giai-quyet/chi-so-766.xlsx?ky=quy&amp;quy=1&amp;nam=2026"');
    const xlsx = await t.app.inject('/ket-qua-giai-quyet/chi-so-766.xlsx?ky=quy&quy=i&nam=2026');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('Quý I-2026'));
  });

  it('defaults to the current year to date', async () => {
    const res = await t.app.inject('/ket-qua-giai-quyet/chi-so-766');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Năm 2026 (số liệu đến hết ngày 02/03/2026)');
  });
});

describe('the officers’ evaluation (staff only)', () => {
  it('sends a visitor to the sign-in page and refuses a specialist', async () => {
    const anonymous = await t.app.inject(`/ket-qua-giai-quyet/danh-gia${FEB}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/quan-tri/dang-nhap?tiep=');
    const csv = await t.app.inject(`/ket-qua-giai-quyet/danh-gia${FEB}&dinh-dang=csv`);
    expect(csv.statusCode).toBe(303);
    const specialist = new Browser(t);
    await specialist.signIn('', 'chuyenvien', DEMO_PASSWORD);
    expect((await specialist.get(`/ket-qua-giai-quyet/danh-gia${FEB}`)).statusCode).toBe(403);
  });

  it('shows the leader each officer on indices 1, 2, 3, 4 and 7, with the export', async () => {
    const leader = new Browser(t);
    expect((await leader.signIn('', 'lanhdao', DEMO_PASSWORD)).statusCode).toBe(303);
    const res = await leader.get(`/ket-qua-giai-quyet/danh-gia${FEB}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('mỗi cán bộ được tính trên 4/5 chỉ số');
    const rows = tableRows(res.body, 'Bảng đánh giá cán bộ, công chức');
    expect(rows[0]).toEqual([
      'Cán bộ, công chức',
      'Hồ sơ đã xử lý',
      'Chỉ số 1',
      'Chỉ số 2',
      'Chỉ số 3',
      'Chỉ số 4',
      'Chỉ số 7',
      'Tổng điểm',
      'Số chỉ số có dữ liệu',
      'Xếp loại',
    ]);
    // The specialist: early, early (post), on time → 1: (2 + 2 + 1) ÷ 3 = 1.67; 3: 2; 4: (2 + 1 + 1) ÷ 3 = 1.33.
    const specialist = rows.find((r) => r[0] === a.chuyenvien!.name)!;
    expect(specialist.slice(1)).toEqual([
      '3',
      '1,67',
      '1,67',
      '2',
      '1,33',
      '—',
      '6,7',
      '4/5',
      'Hoàn thành 100 % nhiệm vụ',
    ]);
    // The one-stop officer received the refused dossier: early, at the counter.
    const officer = rows.find((r) => r[0] === a.motcua!.name)!;
    expect(officer.slice(1)).toEqual(['1', '2', '2', '2', '1', '—', '7', '4/5', 'Hoàn thành 100 % nhiệm vụ']);
    const xlsx = await leader.get(`/ket-qua-giai-quyet/danh-gia${FEB}&dinh-dang=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = readXlsxRows(xlsx.rawPayload);
    // Index 7 has no data: an empty cell.
    expect(sheet.find((r) => r[0] === a.chuyenvien!.name)).toEqual([
      a.chuyenvien!.name,
      '3',
      '1.67',
      '1.67',
      '2',
      '1.33',
      '',
      '6.7',
      '4/5',
      'Hoàn thành 100 % nhiệm vụ',
    ]);
  });

  it('refuses a bad period with 400 at the field', async () => {
    const leader = new Browser(t);
    await leader.signIn('', 'lanhdao', DEMO_PASSWORD);
    const res = await leader.get('/ket-qua-giai-quyet/danh-gia?ky=quy&quy=IV&nam=2026');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<p id="quy-error" class="field-error">');
    expect(res.body).toContain(e.quarterFuture('Quý IV/2026'));
    expect(res.body).toContain('value="2026"');
    expect(res.body).toMatch(/<option value="4" selected[^>]*>IV<\/option>/);
  });
});
