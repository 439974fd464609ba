import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, toLocalInputValue } from './local-datetime.js';

describe('parseLocalDateTime (Vietnam time → UTC)', () => {
  it.each([
    ['20/11/2026 08:30', '2026-11-20T01:30:00.000Z'],
    ['1/2/2026 0:05', '2026-01-31T17:05:00.000Z'],
    ['2026-11-20T08:30', '2026-11-20T01:30:00.000Z'],
    ['2026-11-20T08:30:15', '2026-11-20T01:30:15.000Z'],
    ['  ', null],
  ])('%s → %s', (input, expected) => {
    expect(parseLocalDateTime(input)).toBe(expected);
  });

  it.each(['31/02/2026 10:00', '20/11/2026 24:00', '20/11/2026', 'hôm nay', '2026-13-01T00:00'])(
    'refuses %s',
    (input) => {
      expect(parseLocalDateTime(input)).toBeUndefined();
    },
  );

  it('gives the datetime-local value in Vietnam time whatever the server zone', () => {
    expect(toLocalInputValue('2026-11-19T20:00:00.000Z')).toBe('2026-11-20T03:00');
  });
});
