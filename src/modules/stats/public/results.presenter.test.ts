import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../procedures/csv.js';
import type { DossierBuckets } from '../dossier-buckets.js';
import { figuresOf } from '../stats-figures.js';
import { zeroMeasures } from '../stat-measures.js';
import { childrenTable, summaryTable, toCsv } from './results-export.js';
import {
  candidateBounds,
  figureOfGroup,
  GROUP_SLUGS,
  groupOfSlug,
  inGroup,
  RESULT_GROUPS,
} from './results-groups.js';
import {
  niceMax,
  stateLabel,
  toChildrenView,
  toListRow,
  toMonthsChart,
  toPeriodForm,
  toSummary,
  toTimingChart,
} from './results.presenter.js';
import { resultsMessages as m } from './results.messages.js';
import { CALENDAR_ONLY } from './results.schemas.js';
import type { ListDossier, Unit } from './results.service.js';

/*
 * The results page's pure parts (issue #4 items 1, 3, 4, 7): which dossiers a figure lists, the sortable child
 * units, the charts' geometry, the public rows of a list and the CSV.
 */

const figures = (m: Partial<ReturnType<typeof zeroMeasures>>, before = {}, end = {}) =>
  figuresOf(
    { from: '2026-03-01', to: '2026-03-31' },
    { ...zeroMeasures(), ...m },
    { ...zeroMeasures(), ...before },
    { ...zeroMeasures(), ...end },
  );

const buckets = (b: Partial<DossierBuckets>): DossierBuckets => ({
  received: false,
  carriedOver: false,
  processed: null,
  inProgress: null,
  officerId: 7,
  ...b,
});

describe('drill-down groups (Decision 766/QĐ-TTg indicator 2.1, domain.md §1.5)', () => {
  const lateRefused = buckets({ received: true, processed: { timing: 'late', status: 'refused' } });
  const earlyDone = buckets({ carriedOver: true, processed: { timing: 'early', status: 'returned' } });
  const overdue = buckets({ received: true, inProgress: { overdue: true, waitingSupplement: false } });
  const waiting = buckets({ carriedOver: true, inProgress: { overdue: false, waitingSupplement: true } });

  it.each([
    [
      'received in the period, refused after its due instant',
      lateRefused,
      ['received', 'processed', 'late', 'refused'],
    ],
    [
      'carried over, result returned before the due day',
      earlyDone,
      ['carried_over', 'processed', 'early', 'timely', 'resolved'],
    ],
    ['received, open and past its due date at the end', overdue, ['received', 'in_progress', 'overdue']],
    [
      'carried over, waiting for a supplement at the end (within time)',
      waiting,
      ['carried_over', 'in_progress', 'within_time', 'waiting_supplement'],
    ],
  ])('%s', (_, b, groups) => {
    expect(RESULT_GROUPS.filter((g) => inGroup(b, g))).toEqual(groups);
  });

  it('each group has its own slug, read back', () => {
    expect(new Set(Object.values(GROUP_SLUGS)).size).toBe(RESULT_GROUPS.length);
    for (const g of RESULT_GROUPS) {
      expect(groupOfSlug(GROUP_SLUGS[g])).toBe(g);
    }
  });

  it('names the figure each group counts', () => {
    const f = figures(
      { received: 5, processed: 4, early: 1, onTime: 2, late: 1 },
      {},
      { openDelta: 3, overdueDelta: 1 },
    );
    expect(figureOfGroup(f, 'timely')).toBe(3);
    expect(figureOfGroup(f, 'within_time')).toBe(2);
    expect(figureOfGroup(f, 'overdue')).toBe(1);
  });

  it('bounds the candidates by receipt and end instants, local days inclusive (UTC+7)', () => {
    const p = { from: '2026-03-01', to: '2026-03-31' };
    expect(candidateBounds('received', p)).toEqual({
      receivedFrom: '2026-02-28T17:00:00.000Z',
      receivedBefore: '2026-03-31T17:00:00.000Z',
    });
    expect(candidateBounds('carried_over', p)).toEqual({
      receivedBefore: '2026-02-28T17:00:00.000Z',
      notEndedBefore: '2026-02-28T17:00:00.000Z',
    });
    expect(candidateBounds('late', p)).toEqual({
      endedFrom: '2026-02-28T17:00:00.000Z',
      endedBefore: '2026-03-31T17:00:00.000Z',
    });
    expect(candidateBounds('overdue', p)).toEqual({
      receivedBefore: '2026-03-31T17:00:00.000Z',
      notEndedBefore: '2026-03-31T17:00:00.000Z',
    });
  });
});

describe('the period form', () => {
  const typed = { ky: 'quy', thang: '', quy: 'iv', nam: '2026', tu: '', den: '' };

  it('offers every kind with the range fields on the results page', () => {
    const form = toPeriodForm('/ket-qua-giai-quyet', typed, {});
    expect(form.kindOptions.map((o) => o.value)).toEqual(['thang', 'quy', 'nam', 'khoang']);
    expect(form).toMatchObject({ ranges: true, kindHint: m.period.kindHint, extra: null, hidden: [] });
  });

  it('offers no range on the indicator pages', () => {
    const form = toPeriodForm('/ket-qua-giai-quyet/chi-so-766', typed, {}, { choice: CALENDAR_ONLY });
    expect(form.kindOptions.map((o) => o.label)).toEqual(['Tháng', 'Quý', 'Năm']);
    expect(form).toMatchObject({ ranges: false, kindHint: m.period.kindHintNoRange });
  });

  it('selects the quarter a typed Roman numeral stands for, and keeps anything else as typed', () => {
    expect(toPeriodForm('/', typed, {}).values.quy).toBe('4');
    expect(toPeriodForm('/', { ...typed, quy: 'V' }, {}).values.quy).toBe('V');
  });
});

describe('the summary', () => {
  it('links every count to its list, and none where there is nothing to list', () => {
    const f = figures({ received: 2, receivedPost: 1, processed: 1, onTime: 1, resolved: 1 });
    const sections = toSummary(
      f,
      (g, filters) => `/ds?nhom=${GROUP_SLUGS[g]}${filters?.channel ? `&kenh=${filters.channel}` : ''}`,
    );
    const items = Object.fromEntries(sections.flatMap((s) => s.items.map((i) => [i.label, i.cell])));
    expect(items['Tiếp nhận trong kỳ']).toEqual({ text: '2', href: '/ds?nhom=tiep-nhan' });
    expect(items['Tiếp nhận qua bưu chính']).toEqual({ text: '1', href: '/ds?nhom=tiep-nhan&kenh=post' });
    expect(items['Tiếp nhận trực tiếp']).toEqual({ text: '1', href: '/ds?nhom=tiep-nhan&kenh=counter' });
    expect(items['Trễ hạn']).toEqual({ text: '0', href: null });
    expect(items['Tỉ lệ trước và đúng hạn']).toEqual({ text: '100 %', href: '/ds?nhom=truoc-va-dung-han' });
  });
});

describe('child units', () => {
  const unit = (id: number, name: string) => ({ id, name }) as Unit;
  const rows = [
    { unit: unit(1, 'Xã Cổ Bì'), figures: figures({ received: 10, processed: 8, late: 2, early: 6 }) },
    {
      unit: unit(2, 'Xã Bình Xuyên'),
      figures: figures({ received: 30, processed: 20, late: 1, onTime: 19 }),
    },
    { unit: unit(3, 'Xã Tân Hồng'), figures: figures({ received: 10, processed: 10, late: 5, onTime: 5 }) },
  ];
  const hrefs = {
    sort: (s: string) => `?sap-xep=${s}`,
    unit: (u: Unit) => `/u${u.id}`,
    unitList: (u: Unit) => () => `/u${u.id}/ds`,
  };

  it('sorts by a column, ties by name, and marks the current column with aria-sort', () => {
    const v = toChildrenView(
      { rows, own: null },
      'Huyện Bình Giang',
      { column: 'tiep-nhan', descending: true },
      hrefs,
    );
    expect(v.rows.map((r) => r.name)).toEqual(['Xã Bình Xuyên', 'Xã Cổ Bì', 'Xã Tân Hồng']);
    const received = v.headers[1]!;
    expect(received).toMatchObject({ ariaSort: 'descending', href: '?sap-xep=tiep-nhan-tang' });
    // Another figure column sorts largest first on the first click; the name column A to Z.
    expect(v.headers[4]).toMatchObject({ ariaSort: null, href: '?sap-xep=tre-han-giam' });
    expect(v.headers[0]).toMatchObject({ ariaSort: null, href: '?sap-xep=ten-tang' });
    expect(v.rows[0]!.href).toBe('/u2');
    expect(v.rows[0]!.cells.slice(0, 3)).toEqual([
      { text: '30', href: '/u2/ds' },
      { text: '20', href: '/u2/ds' },
      { text: '95 %', href: null },
    ]);
  });

  it('sorts by name the Vietnamese way, and by rate', () => {
    const byName = toChildrenView({ rows, own: null }, '', { column: 'ten', descending: false }, hrefs);
    expect(byName.rows.map((r) => r.name)).toEqual(['Xã Bình Xuyên', 'Xã Cổ Bì', 'Xã Tân Hồng']);
    const byLate = toChildrenView(
      { rows, own: null },
      '',
      { column: 'ty-le-tre-han', descending: true },
      hrefs,
    );
    expect(byLate.rows.map((r) => r.name)).toEqual(['Xã Tân Hồng', 'Xã Cổ Bì', 'Xã Bình Xuyên']);
  });

  it('exports the rows in the same order, rates as numbers', () => {
    const t = childrenTable({ rows, own: null }, '', { column: 'tiep-nhan', descending: true });
    expect(t.rows[0]).toEqual(['Xã Bình Xuyên', 30, 20, 95, 1, 5, 0]);
    expect(t.columns[3]!.header).toBe('Tỉ lệ trước và đúng hạn (%)');
  });
});

describe('charts', () => {
  it('rounds the scale up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 48, 120, 501].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200, 1000]);
  });

  it('splits the processed bar in proportion and says it in words', () => {
    const c = toTimingChart(figures({ processed: 4, early: 1, onTime: 2, late: 1 }), 'Tháng 03/2026');
    expect(c.segments.map((s) => [s.cls, s.x, s.width])).toEqual([
      ['chart-early', 0, 150],
      ['chart-on-time', 150, 300],
      ['chart-late', 450, 150],
    ]);
    expect(c.desc).toBe(
      'Trong tháng 03/2026, 4 hồ sơ đã xử lý: trước hạn 1 (25 %); đúng hạn 2 (50 %); trễ hạn 1 (25 %).',
    );
    expect(toTimingChart(figures({}), 'Năm 2026').segments).toEqual([]);
  });

  it('stacks late over early and on time, month by month, leaving months not begun empty', () => {
    const c = toMonthsChart({
      year: '2026',
      rows: [
        { month: 1, figures: figures({ processed: 10, early: 4, onTime: 4, late: 2 }) },
        { month: 2, figures: null },
      ],
    });
    expect(c.max).toBe(10);
    const [jan, feb] = c.bars;
    expect(jan!.timely).toEqual({ y: 54, height: 136, value: 8 });
    expect(jan!.late).toEqual({ y: 20, height: 34, value: 2 });
    expect(feb).toMatchObject({ notYet: true, valueText: '' });
    expect(c.desc).toContain('tháng 01: 10 (8; 2)');
  });
});

describe('a public row of a list', () => {
  const d: ListDossier = {
    code: '000.01.31.H90-260310-0002',
    procedureCode: '1.000656',
    procedureName: 'Đăng ký khai tử',
    applicantName: 'Trần Ngọc Hà',
    receivedAt: '2026-03-10T07:11:00.000Z',
    dueAt: '2026-03-10T10:00:00.000Z',
    endedAt: '2026-03-11T06:47:00.000Z',
    buckets: buckets({ received: true, processed: { timing: 'late', status: 'withdrawn' } }),
  };

  it('masks the name, shows local times to the minute and the classification, links the code to the look-up', () => {
    expect(toListRow(d, (code) => `/tra-cuu-ho-so?ma=${code}`)).toEqual({
      code: '000.01.31.H90-260310-0002',
      href: '/tra-cuu-ho-so?ma=000.01.31.H90-260310-0002',
      procedure: '1.000656 – Đăng ký khai tử',
      applicant: 'Trần N*** H*',
      receivedAt: '10/03/2026 14:11',
      dueAt: '10/03/2026 17:00',
      endedAt: '11/03/2026 13:47',
      state: 'Đã xử lý trễ hạn (công dân rút)',
    });
  });

  it('says where an open dossier stood at the end', () => {
    const open = (overdue: boolean, waitingSupplement: boolean) =>
      stateLabel({ ...d, buckets: buckets({ inProgress: { overdue, waitingSupplement } }) });
    expect([open(true, false), open(false, false), open(false, true)]).toEqual([
      'Đang xử lý, quá hạn',
      'Đang xử lý, trong hạn',
      'Đang chờ bổ sung',
    ]);
  });
});

describe('CSV', () => {
  it('writes a BOM, CRLF, quotes and numbers as numbers, and defuses formulas', () => {
    const csv = toCsv({
      columns: [{ header: 'Tên, đơn vị' }, { header: 'Số' }],
      rows: [
        ['=HYPERLINK("x")', 97.25],
        ['Xã "Tân" Hồng', null],
      ],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF"Tên, đơn vị",Số\r\n"\'=HYPERLINK(""x"")",97.25\r\n"Xã ""Tân"" Hồng",\r\n');
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual([
      ['Tên, đơn vị', 'Số'],
      ['\'=HYPERLINK("x")', '97.25'],
      ['Xã "Tân" Hồng', ''],
    ]);
  });

  it('the summary has one row per figure, with its unit', () => {
    const t = summaryTable(figures({ received: 3, processed: 2, onTime: 2, elapsedMinutes: 2880 }));
    expect(t.rows).toContainEqual(['Tiếp nhận trong kỳ', 3, 'hồ sơ']);
    expect(t.rows).toContainEqual(['Tỉ lệ trước và đúng hạn', 100, '%']);
    expect(t.rows).toContainEqual(['Thời gian giải quyết trung bình', 1, 'ngày']);
  });
});
