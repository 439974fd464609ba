import { describe, expect, it } from 'vitest';
import { feeText, formatVnd, timeLimitText } from './procedures.presenter.js';

describe('procedure texts', () => {
  it.each([
    ['working_days', 3, false, '03 ngày làm việc'],
    ['working_days', 15, false, '15 ngày làm việc'],
    ['calendar_days', 30, false, '30 ngày'],
    ['working_hours', 2, false, '02 giờ làm việc'],
    ['same_day', 0, true, 'Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)'],
    ['same_day', 0, false, 'Trong ngày'],
  ] as const)('time limit %s %i (after 15:00 %s) → %s', (kind, amount, after15, text) => {
    expect(timeLimitText(kind, amount, after15)).toBe(text);
  });

  it.each([
    [{ kind: 'exempt', vnd: null, perPageVnd: null, capVnd: null, note: null }, 'Miễn phí'],
    [{ kind: 'fixed', vnd: 50000, perPageVnd: null, capVnd: null, note: null }, '50.000 đồng'],
    [{ kind: 'fixed', vnd: null, perPageVnd: null, capVnd: null, note: 'x' }, 'Theo quy định'],
    [
      { kind: 'per_page', vnd: null, perPageVnd: 2000, capVnd: 200000, note: null },
      '2.000 đồng/trang, tối đa 200.000 đồng',
    ],
    [{ kind: 'per_page', vnd: null, perPageVnd: 1000, capVnd: null, note: null }, '1.000 đồng/trang'],
  ] as const)('fee %j → %s', (fee, text) => {
    expect(feeText(fee).main).toBe(text);
  });

  it('groups thousands with dots', () => {
    expect([0, 999, 1000, 1234567].map(formatVnd)).toEqual(['0', '999', '1.000', '1.234.567']);
  });
});
