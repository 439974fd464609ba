import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayNumberOf,
  formatClock,
  formatVnIso,
  instantAt,
  isLocalDate,
  parseClock,
  parseInstant,
  toLocal,
  weekdayOf,
} from './local-time.js';

// Vietnam is UTC+7 all year with no DST; the suite runs with TZ=America/New_York to catch any use of server time.
describe('local time (UTC+7, no DST)', () => {
  it.each([
    ['2026-02-13T10:00:00.000Z', '2026-02-13', 17 * 60],
    ['2026-02-12T17:00:00.000Z', '2026-02-13', 0], // local midnight
    ['2026-02-12T16:59:59.000Z', '2026-02-12', 23 * 60 + 59 + 59 / 60],
    ['2026-07-01T00:00:00.000Z', '2026-07-01', 7 * 60], // New York is in DST here; Vietnam is not
  ])('%s is %s at minute %d', (iso, date, minutes) => {
    expect(toLocal(iso)).toEqual({ date, minutes });
    expect(instantAt(date, minutes).toISOString()).toBe(iso);
  });

  it('formats an instant as ISO 8601 with +07:00', () => {
    expect(formatVnIso(new Date('2026-02-13T10:00:00Z'))).toBe('2026-02-13T17:00:00+07:00');
    expect(formatVnIso('2026-02-12T17:00:00.250Z')).toBe('2026-02-13T00:00:00.250+07:00');
  });

  it.each([
    ['2026-02-10T09:00:00+07:00', '2026-02-10T02:00:00.000Z'],
    ['2026-02-10T09:00', '2026-02-10T02:00:00.000Z'], // no offset → Vietnam local, never the server's TZ
    ['2026-02-10 09:00:30', '2026-02-10T02:00:30.000Z'],
    ['2026-02-10T02:00:00Z', '2026-02-10T02:00:00.000Z'],
    ['2026-02-10T09:00:00 07:00', '2026-02-10T02:00:00.000Z'], // '+' decoded as a space in a query string
    ['2026-02-09T21:00:00-05:00', '2026-02-10T02:00:00.000Z'],
    ['2026-02-10T09:00:00.5+07:00', '2026-02-10T02:00:00.500Z'],
  ])('parses %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    '2026-02-30T09:00',
    '2026-02-10T24:00',
    '2026-02-10T09:60',
    '10/02/2026 09:00',
    '2026-02-10T09:00+25:00',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('does date arithmetic on day numbers, including leap years and years before 1970', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dateOfDayNumber(dayNumberOf('1969-12-31'))).toBe('1969-12-31');
    expect(weekdayOf('2026-02-10')).toBe(2); // Tuesday
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(() => dayNumberOf('2026-13-01')).toThrow(RangeError);
  });

  it('reads and writes clock times', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('24:00')).toBe(1440);
    expect(formatClock(810)).toBe('13:30');
    expect(() => parseClock('7:30')).toThrow(RangeError);
    expect(() => parseClock('24:30')).toThrow(RangeError);
  });
});
