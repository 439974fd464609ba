import { describe, expect, it } from 'vitest';
import { dateInWords, instantInWords, shortDate, shortDateTime } from './form-text.js';

// TZ=America/New_York in the suite: the words must be Vietnam time (UTC+7) all the same.
describe('dates and times as the forms write them', () => {
  it.each([
    ['2025-02-03T07:05:00Z', '14 giờ 05 phút, ngày 03 tháng 02 năm 2025'],
    ['2025-02-03T07:05:59.999Z', '14 giờ 05 phút, ngày 03 tháng 02 năm 2025'],
    ['2024-12-31T17:00:00Z', '00 giờ 00 phút, ngày 01 tháng 01 năm 2025'],
    ['2025-03-09T06:59:00Z', '13 giờ 59 phút, ngày 09 tháng 03 năm 2025'], // the day New York changes its clocks
  ])('%s → %s', (instant, words) => {
    expect(instantInWords(new Date(instant))).toBe(words);
  });

  it('a missing instant prints the blank of the paper form', () => {
    expect(instantInWords(null)).toBe('…… giờ …… phút, ngày …… tháng …… năm ……');
  });

  it('short forms for table cells and the date line', () => {
    expect(dateInWords('2019-01-06')).toBe('ngày 06 tháng 01 năm 2019');
    expect(shortDate('2019-01-06')).toBe('06/01/2019');
    expect(shortDateTime(new Date('2025-02-03T16:59:00Z'))).toBe('03/02/2025 23:59');
    expect(shortDateTime(null)).toBeNull();
  });
});
