import { describe, expect, it } from 'vitest';
import { parsePeriod, periodQuery } from './indicator-period.js';

/*
 * Periods of the indicator pages: month, quarter or year (Decision 766/QĐ-TTg reports by month, quarter and year,
 * domain.md §1.7; Circular 01/2018 Art. 15 aggregates quarterly and yearly), local dates with both ends included.
 * The parameters are the results page's (ky, nam, thang, quy), so links between the pages keep the period.
 */

const TODAY = '2026-11-20';

describe('the period form (ky, nam, thang, quy)', () => {
  it('defaults to the current year (cut at today by the statistics)', () => {
    const p = parsePeriod({}, TODAY);
    expect(p).toMatchObject({ ok: true, kind: 'nam', period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(periodQuery(p)).toEqual({ ky: 'nam', nam: '2026' });
  });

  it.each([
    [{ ky: 'nam', nam: '2025' }, '2025-01-01', '2025-12-31', { ky: 'nam', nam: '2025' }],
    [{ ky: 'quy', quy: '1', nam: '2026' }, '2026-01-01', '2026-03-31', { ky: 'quy', quy: '1', nam: '2026' }],
    [{ ky: 'quy', quy: 'IV', nam: '2025' }, '2025-10-01', '2025-12-31', { ky: 'quy', quy: '4', nam: '2025' }],
    [
      { ky: 'thang', thang: '2', nam: '2024' },
      '2024-02-01',
      '2024-02-29',
      { ky: 'thang', thang: '02', nam: '2024' },
    ],
    [
      { ky: 'thang', thang: '11', nam: '2026' },
      '2026-11-01',
      '2026-11-30',
      { ky: 'thang', thang: '11', nam: '2026' },
    ],
    // A hand-made link without the kind: the fields given say which it is.
    [{ thang: '3', nam: '2026' }, '2026-03-01', '2026-03-31', { ky: 'thang', thang: '03', nam: '2026' }],
    // The quarter's field is ignored for a month, and the reverse.
    [
      { ky: 'nam', nam: '2026', thang: 'x', quy: 'y' },
      '2026-01-01',
      '2026-12-31',
      { ky: 'nam', nam: '2026' },
    ],
  ])('%o → %s to %s', (query, from, to, canonical) => {
    const p = parsePeriod(query, TODAY);
    expect(p).toMatchObject({ ok: true, period: { from, to } });
    expect(periodQuery(p)).toEqual(canonical);
  });

  it.each([
    ['an unknown kind', { ky: 'tuan', nam: '2026' }, 'ky', 'kind'],
    ['no year', { ky: 'quy', quy: '1', nam: ' ' }, 'nam', 'year_missing'],
    ['a year in letters', { ky: 'nam', nam: 'abcd' }, 'nam', 'year_format'],
    ['a year before 2000', { ky: 'nam', nam: '1999' }, 'nam', 'too_early'],
    ['a year not begun', { ky: 'nam', nam: '2027' }, 'nam', 'year_future'],
    ['quarter 5', { ky: 'quy', quy: '5', nam: '2026' }, 'quy', 'quarter'],
    ['month 13', { ky: 'thang', thang: '13', nam: '2026' }, 'thang', 'month'],
    ['month 0', { ky: 'thang', thang: '0', nam: '2026' }, 'thang', 'month'],
    ['a month not begun', { ky: 'thang', thang: '12', nam: '2026' }, 'thang', 'future'],
    ['the fourth quarter on 30/09', { ky: 'quy', quy: 'IV', nam: '2026' }, 'quy', 'future'],
  ])('refuses %s at its field, keeping the input', (_name, query, field, problem) => {
    const p = parsePeriod(query, problem === 'future' && field === 'quy' ? '2026-09-30' : TODAY);
    expect(p.ok).toBe(false);
    expect(p.ok ? null : p.errors).toEqual({ [field]: problem });
    expect(p.values.nam).toBe(query.nam.trim());
  });

  it('keeps at most 20 characters of what was typed', () => {
    const p = parsePeriod({ ky: 'nam', nam: 'x'.repeat(500) }, TODAY);
    expect(p.values.nam).toHaveLength(20);
  });

  it('reads a repeated parameter (not a string) as absent', () => {
    expect(parsePeriod({ ky: ['nam', 'quy'], nam: '2026' }, TODAY)).toMatchObject({ ok: true, kind: 'nam' });
  });
});
