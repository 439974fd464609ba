import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, localDate } from './time.js';

// The suite runs with TZ=America/New_York: these must still show Vietnam time (UTC+7).
describe('Vietnamese date and time formats in Asia/Ho_Chi_Minh', () => {
  it.each([
    ['2023-09-21T21:20:45Z', '22/09/2023 04:20:45'],
    ['2023-03-11T05:00:00Z', '11/03/2023 12:00:00'],
    ['2026-12-31T17:00:00Z', '01/01/2027 00:00:00'],
  ])('%s → %s', (instant, expected) => {
    expect(formatDateTime(instant)).toBe(expected);
  });

  it('gives the local calendar date, not the UTC one', () => {
    expect(localDate('2026-11-25T18:30:00Z')).toBe('2026-11-26');
    expect(formatDate('2026-11-25T18:30:00Z')).toBe('26/11/2026');
  });

  it('formats numbers the Vietnamese way', () => {
    expect(formatNumber(5307886)).toBe('5.307.886');
    expect(formatNumber(87.032, 3)).toBe('87,032');
  });
});
