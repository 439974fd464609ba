import { describe, expect, it } from 'vitest';
import { deriveHolidays, LABOUR_CODE_HOLIDAY_RULES, nationalDayDays } from './holidays.js';
import { hungKingsDay, lunarNewYear } from './lunar.js';

describe('lunar holidays (Vietnamese calendar at UTC+7)', () => {
  // domain.md §6 and the notices; 1985 and 2007 are the years the Vietnamese calendar differs from the Chinese one.
  it.each([
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i: mùng 1 is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương %i (10/3 lunar) is %s', (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
  });

  it('refuses years outside the lunar table', () => {
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
  });
});

describe('deriveHolidays (Labour Code 2019 Arts. 111(3), 112)', () => {
  const summary = (year: number) =>
    deriveHolidays(year).map((d) => `${d.date} ${d.kind}${d.provisional ? ' provisional' : ''} ${d.holiday}`);

  it('2027, a year without a notice: provisional Tết (day before mùng 1 and mùng 1–4), compensation, 2/9 + 3/9', () => {
    expect(summary(2027)).toEqual([
      '2027-01-01 holiday new_year',
      // mùng 1 = Sat 06/02/2027: 05/02–09/02, and Sat 6 + Sun 7 compensated on Wed 10 and Thu 11 (Art. 111(3))
      '2027-02-05 holiday provisional lunar_new_year',
      '2027-02-06 holiday provisional lunar_new_year',
      '2027-02-07 holiday provisional lunar_new_year',
      '2027-02-08 holiday provisional lunar_new_year',
      '2027-02-09 holiday provisional lunar_new_year',
      '2027-02-10 compensatory provisional lunar_new_year',
      '2027-02-11 compensatory provisional lunar_new_year',
      '2027-04-16 holiday hung_kings',
      '2027-04-30 holiday reunification',
      '2027-05-01 holiday labour_day', // Saturday → compensated Monday 3/5
      '2027-05-03 compensatory labour_day',
      '2027-09-02 holiday national_day', // Thursday → the day after
      '2027-09-03 holiday provisional national_day',
      '2027-11-24 holiday provisional culture_day', // reported new day, unverified
    ]);
  });

  it('2026 by rule alone: Giỗ Tổ on Sunday 26/04 is compensated on Monday 27/04 (Art. 111(3))', () => {
    const days = deriveHolidays(2026).filter((d) => d.holiday === 'hung_kings');
    expect(days.map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ]);
  });

  it('2023 by rule alone matches the notice: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → 2/5 and 3/5 compensatory', () => {
    const days = deriveHolidays(2023).filter((d) =>
      ['hung_kings', 'reunification', 'labour_day'].includes(d.holiday),
    );
    expect(days.map((d) => d.date)).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });

  it('Ngày Văn hóa Việt Nam applies only from 01/07/2026 (reported rule with an effective date)', () => {
    expect(deriveHolidays(2025).some((d) => d.holiday === 'culture_day')).toBe(false);
    expect(deriveHolidays(2026).find((d) => d.holiday === 'culture_day')).toMatchObject({
      date: '2026-11-24',
      provisional: true,
    });
  });

  // The provisional Quốc khánh default (issue #3): the day after, or the day before on a Tuesday or a Saturday.
  it.each([
    [2025, 'Tue', ['2025-09-02', '2025-09-01']],
    [2023, 'Sat', ['2023-09-02', '2023-09-01']],
    [2026, 'Wed', ['2026-09-02', '2026-09-03']],
    [2029, 'Sun', ['2029-09-02', '2029-09-03']],
  ])('Quốc khánh %i (2/9 a %s) → %j', (year, _weekday, dates) => {
    expect(nationalDayDays(year).map((d) => d.date)).toEqual(dates);
  });

  it('2/9 on a Saturday: 1/9 and 2/9 off, 2/9 compensated on Monday 4/9 (2023, as the notice)', () => {
    const days = deriveHolidays(2023).filter((d) => d.holiday === 'national_day');
    expect(days.map((d) => d.date)).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
  });

  it('every rule cites its legal source', () => {
    for (const rule of LABOUR_CODE_HOLIDAY_RULES) {
      expect(rule.source).toMatch(/Bộ luật Lao động 2019|Nghị quyết/);
    }
  });
});
