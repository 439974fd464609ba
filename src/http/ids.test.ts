import { describe, expect, it } from 'vitest';
import { IdParams, StrictId } from './ids.js';

describe('StrictId', () => {
  it.each(['1', '16', '2147483647'])('accepts %s', (s) => {
    expect(StrictId.parse(s)).toBe(Number(s));
  });

  it.each([
    '0',
    '016',
    '0x10',
    ' 16',
    '16 ',
    '1e1',
    '+16',
    '-1',
    '16.0',
    '',
    '2147483648',
    '99999999999',
    'abc',
  ])('refuses %j', (s) => {
    expect(StrictId.safeParse(s).success).toBe(false);
  });

  it('refuses a number that is not a string (params are strings)', () => {
    expect(IdParams.safeParse({ id: 16 }).success).toBe(false);
  });
});
