import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidaysCoveredBy, type NoticeEntry, noticeProblems, parseNoticeFile } from './notices.js';
import { SEED_NOTICE_FILE, SEED_NOTICES } from './seed-notices.js';
import { buildYearCalendar } from './year-calendar.js';

const offDates = (year: number, notices = SEED_NOTICES(year)) => [
  ...buildYearCalendar(year, notices).daysOff.keys(),
];

describe('buildYearCalendar: a notice replaces the derived days of the holidays it covers', () => {
  it('Tết 2026 follows the notice: off Sat 14/02–Sun 22/02/2026, not the derived 16/02–20/02', () => {
    const cal = buildYearCalendar(2026, SEED_NOTICES(2026));
    const tet = [...cal.daysOff.values()].filter((d) => d.holidays.includes('lunar_new_year'));
    expect(tet.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
    expect(tet.every((d) => d.source === 'notice' && d.confidence === 'sourced' && !d.provisional)).toBe(
      true,
    );
  });

  it('the make-up Saturday 10/01/2026 is a make-up working day (letter 12729/VPCP-KGVX)', () => {
    const cal = buildYearCalendar(2026, SEED_NOTICES(2026));
    expect(cal.makeUpWorkdays.get('2026-01-10')).toMatchObject({
      name: 'Tết Dương lịch',
      confidence: 'sourced',
    });
    expect(cal.daysOff.has('2026-01-02')).toBe(true); // the Friday swapped for it
  });

  it('Quốc khánh 2026 is unknown (off = null): the derived days stay, provisional where they are defaults', () => {
    const days = [...buildYearCalendar(2026, SEED_NOTICES(2026)).daysOff.values()].filter((d) =>
      d.holidays.includes('national_day'),
    );
    expect(days.map((d) => [d.date, d.source, d.provisional, d.confidence])).toEqual([
      ['2026-09-02', 'derived', false, 'unknown'],
      ['2026-09-03', 'derived', true, 'unknown'],
    ]);
    expect(days[0]?.note).toMatch(/official notice/);
  });

  it('one entry may cover Giỗ Tổ + 30/4 + 1/5 (2023): no derived day of those three remains', () => {
    const notices = SEED_NOTICES(2023);
    expect(holidaysCoveredBy(notices?.[2] ?? { name: '' })).toEqual([
      'hung_kings',
      'reunification',
      'labour_day',
    ]);
    expect(offDates(2023).filter((d) => d >= '2023-04-01' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });

  it('2024: the Monday swapped away (29/4) is off and Saturday 4/5 is a make-up day (letter 2450/VPCP-KGVX)', () => {
    const cal = buildYearCalendar(2024, SEED_NOTICES(2024));
    expect(cal.daysOff.get('2024-04-29')?.source).toBe('notice');
    expect([...cal.makeUpWorkdays.keys()]).toEqual(['2024-05-04']);
  });

  it('a notice range may spill into the previous year (Tết Dương lịch 2023 began on 31/12/2022)', () => {
    expect(offDates(2023)[0]).toBe('2022-12-31');
  });

  it('a year without a notice is all derived and its defaults provisional (2027)', () => {
    const cal = buildYearCalendar(2027, SEED_NOTICES(2027));
    expect(cal.notices).toBeUndefined();
    expect([...cal.daysOff.values()].every((d) => d.source === 'derived' && d.confidence === null)).toBe(
      true,
    );
    expect(cal.daysOff.get('2027-02-05')?.provisional).toBe(true);
    expect(cal.daysOff.get('2027-01-01')?.provisional).toBe(false);
  });
});

describe('notices as data', () => {
  // The shared reference data sits beside the repository on the project's machines; a bare clone has only the copy.
  const sharedFile = new URL('../../../../shared/data/vn-civil-service-holidays.json', import.meta.url);
  it.skipIf(!existsSync(sharedFile))('the seed is the shared reference file plus its origin', () => {
    const shared = JSON.parse(readFileSync(sharedFile, 'utf8')) as {
      about: string;
      years: unknown;
    };
    expect(SEED_NOTICE_FILE.years).toEqual(shared.years);
    expect(SEED_NOTICE_FILE.about).toBe(shared.about);
    expect(SEED_NOTICE_FILE.origin).toMatch(/shared\/data\/vn-civil-service-holidays\.json/);
  });

  const entry = (over: Partial<NoticeEntry>): NoticeEntry => ({
    name: 'Tết Nguyên đán',
    off: ['2027-02-05', '2027-02-11'],
    makeUpWorkdays: [],
    confidence: 'sourced',
    ...over,
  });

  it.each([
    [entry({ off: ['2027-02-11', '2027-02-05'] }), 'bad_range'],
    [entry({ off: ['2027-02-30', '2027-03-01'] }), 'invalid_date'],
    [entry({ off: ['2029-01-01', '2029-01-02'] }), 'range_outside_year'],
    [entry({ name: 'Nghỉ lễ' }), 'unknown_holiday'],
    [entry({ off: null }), 'confidence_mismatch'],
    [entry({ makeUpWorkdays: ['2027-02-16'] }), 'make_up_not_weekend'], // a Tuesday
    [entry({ makeUpWorkdays: ['2027-02-06'] }), 'make_up_inside_off'],
  ])('refuses %j with %s', (e, code) => {
    const problems = noticeProblems(2027, [e]);
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems[0]?.message).toMatch(
      /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/,
    );
  });

  it('refuses a holiday covered by two entries of one year', () => {
    expect(noticeProblems(2027, [entry({}), entry({ name: 'Tết Âm lịch' })]).map((p) => p.code)).toEqual([
      'holiday_twice',
    ]);
  });

  it('an explicit `covers` overrides the name', () => {
    expect(holidaysCoveredBy({ name: 'Nghỉ lễ', covers: ['national_day'] })).toEqual(['national_day']);
  });

  it('parseNoticeFile refuses a broken file with every problem listed', () => {
    expect(() => parseNoticeFile({ years: { '2027': [entry({ name: 'Nghỉ' })] } })).toThrow(
      /unknown_holiday/,
    );
    expect(() => parseNoticeFile({ years: { x: [] } })).toThrow(/Invalid holiday notice file/);
  });
});
