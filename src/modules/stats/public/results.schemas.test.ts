import { describe, expect, it } from 'vitest';
import { resultsMessages as m } from './results.messages.js';
import {
  CALENDAR_ONLY,
  DEFAULT_SORT,
  parseBreakdown,
  parseList,
  parsePage,
  parsePeriod,
  parseSort,
  periodParams,
  periodValues,
} from './results.schemas.js';

/*
 * The query of the results page (issue #4 items 1, 3): periods are local dates, both ends included (issue #4 item 1);
 * a month, a quarter, a year, or any range; bad input is answered at its field. The indicator pages (issue #4 items
 * 5, 6) read the same parameters without ranges: Decision 766/QĐ-TTg reports by month, quarter and year (domain.md
 * §1.7), Circular 01/2018 Art. 15 by quarter and year.
 */

const TODAY = '2026-11-20';
const period = (q: Record<string, unknown>) => parsePeriod(periodValues(q, TODAY), TODAY);
const calendarPeriod = (q: Record<string, unknown>) =>
  parsePeriod(periodValues(q, TODAY, CALENDAR_ONLY), TODAY, CALENDAR_ONLY);

describe('parsePeriod', () => {
  it.each([
    ['no parameters: the year to date', {}, { from: '2026-01-01', to: '2026-12-31' }, 'Năm 2026'],
    [
      'a month',
      { ky: 'thang', thang: '3', nam: '2026' },
      { from: '2026-03-01', to: '2026-03-31' },
      'Tháng 03/2026',
    ],
    [
      'February of a leap year',
      { ky: 'thang', thang: '02', nam: '2024' },
      { from: '2024-02-01', to: '2024-02-29' },
      'Tháng 02/2024',
    ],
    [
      'December',
      { ky: 'thang', thang: '12', nam: '2025' },
      { from: '2025-12-01', to: '2025-12-31' },
      'Tháng 12/2025',
    ],
    [
      'the current month runs past today',
      { ky: 'thang', thang: '11', nam: '2026' },
      { from: '2026-11-01', to: '2026-11-30' },
      'Tháng 11/2026',
    ],
    [
      'a quarter by number',
      { ky: 'quy', quy: '1', nam: '2026' },
      { from: '2026-01-01', to: '2026-03-31' },
      'Quý I/2026',
    ],
    [
      'a quarter in Roman numerals',
      { ky: 'quy', quy: 'iv', nam: '2025' },
      { from: '2025-10-01', to: '2025-12-31' },
      'Quý IV/2025',
    ],
    ['a year', { ky: 'nam', nam: '2025' }, { from: '2025-01-01', to: '2025-12-31' }, 'Năm 2025'],
    [
      'a range typed dd/mm/yyyy',
      { ky: 'khoang', tu: '01/02/2026', den: '15/03/2026' },
      { from: '2026-02-01', to: '2026-03-15' },
      'Từ 01/02/2026 đến 15/03/2026',
    ],
    [
      'a range from date inputs',
      { ky: 'khoang', tu: '2026-02-01', den: '2026-02-01' },
      { from: '2026-02-01', to: '2026-02-01' },
      'Từ 01/02/2026 đến 01/02/2026',
    ],
    [
      'a range without the kind',
      { tu: '1/2/2026', den: '15/3/2026' },
      { from: '2026-02-01', to: '2026-03-15' },
      'Từ 01/02/2026 đến 15/03/2026',
    ],
    [
      'a month without the kind',
      { thang: '3', nam: '2026' },
      { from: '2026-03-01', to: '2026-03-31' },
      'Tháng 03/2026',
    ],
    [
      'a year, the fields of the other kinds not read',
      { ky: 'nam', nam: '2026', thang: 'x', quy: 'y' },
      { from: '2026-01-01', to: '2026-12-31' },
      'Năm 2026',
    ],
    [
      'a repeated parameter (not a string) read as absent',
      { ky: ['nam', 'quy'], nam: '2026' },
      { from: '2026-01-01', to: '2026-12-31' },
      'Năm 2026',
    ],
  ])('%s', (_, q, expected, label) => {
    const r = period(q);
    expect(r).toMatchObject({ ok: true, value: { period: expected, label } });
  });

  it.each([
    ['an unknown kind', { ky: 'tuan' }, { ky: m.errors.kind }],
    ['a month 13', { ky: 'thang', thang: '13', nam: '2026' }, { thang: m.errors.month }],
    ['a month 0', { ky: 'thang', thang: '0', nam: '2026' }, { thang: m.errors.month }],
    [
      'a month not begun',
      { ky: 'thang', thang: '12', nam: '2026' },
      { thang: m.errors.monthFuture('Tháng 12/2026') },
    ],
    ['a month without its year', { ky: 'thang', thang: '3' }, { nam: m.errors.yearMissing }],
    ['a year not begun', { ky: 'nam', nam: '2027' }, { nam: m.errors.yearRange(2026) }],
    ['a year before 2000', { ky: 'nam', nam: '1999' }, { nam: m.errors.yearRange(2026) }],
    ['a year in words', { ky: 'nam', nam: 'năm nay' }, { nam: m.errors.yearRange(2026) }],
    ['a quarter 5', { ky: 'quy', quy: '5', nam: '2026' }, { quy: m.errors.quarter }],
    ['a range without its ends', { ky: 'khoang' }, { tu: m.errors.fromMissing, den: m.errors.toMissing }],
    ['30 February', { ky: 'khoang', tu: '30/02/2026', den: '15/03/2026' }, { tu: m.errors.fromInvalid }],
    [
      'an end before the start',
      { ky: 'khoang', tu: '15/03/2026', den: '01/02/2026' },
      { den: m.errors.order },
    ],
    [
      'a start after today',
      { ky: 'khoang', tu: '21/11/2026', den: '30/11/2026' },
      { tu: m.errors.fromFuture('20/11/2026') },
    ],
    [
      'a start before 2000',
      { ky: 'khoang', tu: '31/12/1999', den: '01/01/2000' },
      { tu: m.errors.fromTooEarly },
    ],
  ])('%s is answered at its field', (_, q, errors) => {
    expect(period(q)).toEqual({ ok: false, errors });
  });

  it('refuses a quarter not begun', () => {
    const today = '2026-08-15';
    expect(parsePeriod(periodValues({ ky: 'quy', quy: 'IV', nam: '2026' }, today), today)).toEqual({
      ok: false,
      errors: { quy: m.errors.quarterFuture('Quý IV/2026') },
    });
  });

  it('keeps what was typed (trimmed, at most 40 characters) to refill the form', () => {
    expect(periodValues({ ky: 'thang', thang: ' 13 ', nam: '2026', tu: 'x'.repeat(50) }, TODAY)).toEqual({
      ky: 'thang',
      thang: '13',
      quy: '',
      nam: '2026',
      tu: 'x'.repeat(40),
      den: '',
    });
  });

  it('gives the canonical parameters of the period for links', () => {
    expect(period({ ky: 'thang', thang: '3', nam: '2026' })).toMatchObject({
      value: { params: { ky: 'thang', thang: '03', nam: '2026' } },
    });
    expect(period({ tu: '1/2/2026', den: '15/3/2026' })).toMatchObject({
      value: { params: { ky: 'khoang', tu: '2026-02-01', den: '2026-03-15' } },
    });
    expect(period({ ky: 'quy', quy: 'IV', nam: '2025' })).toMatchObject({
      value: { params: { ky: 'quy', quy: '4', nam: '2025' } },
    });
  });

  it('links with the canonical parameters, or with what was typed when it is wrong', () => {
    const read = (q: Record<string, string>) => {
      const values = periodValues(q, TODAY);
      return periodParams(values, parsePeriod(values, TODAY));
    };
    expect(read({})).toEqual({ ky: 'nam', nam: '2026' });
    expect(read({ ky: 'thang', thang: '2', nam: '2024' })).toEqual({ ky: 'thang', thang: '02', nam: '2024' });
    expect(read({ thang: '13', nam: '2026' })).toEqual({ ky: 'thang', thang: '13', nam: '2026' });
  });
});

describe('the period of the indicator pages (no range of dates)', () => {
  it.each([
    ['no parameters: the year to date', {}, { ky: 'nam', nam: '2026' }],
    ['a month', { ky: 'thang', thang: '2', nam: '2024' }, { ky: 'thang', thang: '02', nam: '2024' }],
    [
      'a quarter in Roman numerals',
      { ky: 'quy', quy: 'IV', nam: '2025' },
      { ky: 'quy', quy: '4', nam: '2025' },
    ],
    ['a year', { ky: 'nam', nam: '2025' }, { ky: 'nam', nam: '2025' }],
    // A range's fields without the kind are not a period here: the year to date, as without any parameter.
    [
      'the ends of a range without the kind',
      { tu: '1/2/2026', den: '15/3/2026' },
      { ky: 'nam', nam: '2026' },
    ],
  ])('reads %s', (_, q, params) => {
    expect(calendarPeriod(q)).toMatchObject({ ok: true, value: { params } });
  });

  it('refuses a range at the kind, and an unknown kind without offering a range', () => {
    expect(calendarPeriod({ ky: 'khoang', tu: '01/02/2026', den: '15/03/2026' })).toEqual({
      ok: false,
      errors: { ky: m.errors.noRange },
    });
    expect(calendarPeriod({ ky: 'tuan', nam: '2026' })).toEqual({
      ok: false,
      errors: { ky: m.errors.kindNoRange },
    });
  });

  it('answers the other errors as the results page does', () => {
    expect(calendarPeriod({ ky: 'nam', nam: 'abcd' })).toEqual({
      ok: false,
      errors: { nam: m.errors.yearRange(2026) },
    });
    expect(calendarPeriod({ ky: 'thang', thang: '12', nam: '2026' })).toEqual({
      ok: false,
      errors: { thang: m.errors.monthFuture('Tháng 12/2026') },
    });
  });
});

describe('the other parameters', () => {
  it('reads the breakdown, by field when absent', () => {
    expect(parseBreakdown({})).toEqual({ ok: true, value: 'linh-vuc' });
    expect(parseBreakdown({ theo: 'can-bo' })).toEqual({ ok: true, value: 'can-bo' });
    expect(parseBreakdown({ theo: 'nam' })).toEqual({ ok: false, errors: { theo: m.errors.by } });
  });

  it('reads a list: its group and the breakdown key it drills into', () => {
    expect(
      parseList({ nhom: 'tre-han', 'linh-vuc': 'Hộ tịch', kenh: 'buu-chinh', 'thu-tuc': '1.004873' }),
    ).toEqual({
      ok: true,
      value: {
        group: 'late',
        filters: { procedureField: 'Hộ tịch', channel: 'post', procedureCode: '1.004873' },
      },
    });
    expect(parseList({ nhom: 'qua-han', 'can-bo': '12' })).toEqual({
      ok: true,
      value: { group: 'overdue', filters: { officerId: 12 } },
    });
    expect(parseList({ nhom: 'late', kenh: 'fax', 'thu-tuc': 'abc', 'can-bo': 'x' })).toEqual({
      ok: false,
      errors: {
        nhom: m.errors.group,
        kenh: m.errors.channel,
        'thu-tuc': m.errors.procedure,
        'can-bo': m.errors.officer,
      },
    });
  });

  it('sorts by name unless a known column and direction are given; page 1 unless a page number is', () => {
    expect(parseSort({ 'sap-xep': 'tre-han-giam' })).toEqual({ column: 'tre-han', descending: true });
    expect(parseSort({ 'sap-xep': 'ty-le-dung-han-tang' })).toEqual({
      column: 'ty-le-dung-han',
      descending: false,
    });
    expect(parseSort({ 'sap-xep': 'bogus-giam' })).toBe(DEFAULT_SORT);
    expect(parsePage({ trang: '3' })).toBe(3);
    expect(parsePage({ trang: '0' })).toBe(1);
    expect(parsePage({ trang: '-2' })).toBe(1);
  });
});
