import { describe, expect, it } from 'vitest';
import { formatPercent, inPeriod, percent, timingOf } from './dossier-outcome.js';

// Due Fri 13/02/2026 17:00 in Vietnam (10:00 UTC).
const DUE = '2026-02-13T10:00:00.000Z';

describe('timing of an ended dossier (Decision 766/QĐ-TTg indicator 2.1; issue #4 item 1)', () => {
  it.each([
    ['ended the working day before the due day → early', '2026-02-12T09:59:00.000Z', 0, 'early'],
    [
      'ended early on the due day → on time (same day is not early)',
      '2026-02-13T01:00:00.000Z',
      0,
      'on_time',
    ],
    ['ended at the due instant → on time', DUE, 0, 'on_time'],
    ['ended one minute after the due instant → late', '2026-02-13T10:01:00.000Z', 0, 'late'],
    [
      'ended at 23:30 Vietnam time the day before (16:30 UTC) → early, by the local day',
      '2026-02-12T16:30:00.000Z',
      0,
      'early',
    ],
    [
      'ended at 00:30 Vietnam time on the due day (17:30 UTC the day before) → on time',
      '2026-02-12T17:30:00.000Z',
      0,
      'on_time',
    ],
    ['one supplement request, ended early → early', '2026-02-11T03:00:00.000Z', 1, 'early'],
    ['more than one supplement request → late, even when early', '2026-02-11T03:00:00.000Z', 2, 'late'],
  ])('%s', (_name, endedAt, supplementCount, expected) => {
    expect(timingOf({ dueAt: DUE, endedAt, supplementCount })).toBe(expected);
  });

  it.each([
    [
      'withdrawn weeks after the due date while waiting for a supplement asked before it → early',
      '2026-02-11T03:00:00.000Z',
      'early',
    ],
    [
      'stopped while waiting for a supplement asked after the due instant → late',
      '2026-02-13T11:00:00.000Z',
      'late',
    ],
  ])(
    'Decision 766 [766doc]: a pending supplement request is the end for the timing — %s',
    (_name, pausedAt, expected) => {
      expect(
        timingOf({ dueAt: DUE, endedAt: '2026-03-20T02:00:00.000Z', supplementCount: 1, pausedAt }),
      ).toBe(expected);
    },
  );

  it('has no timing while the dossier is not ended, and is on time without a due date', () => {
    expect(timingOf({ dueAt: DUE, endedAt: null, supplementCount: 0 })).toBeNull();
    expect(timingOf({ dueAt: null, endedAt: DUE, supplementCount: 0 })).toBe('on_time');
  });
});

describe('periods of local dates, both ends included', () => {
  const p = { from: '2026-02-01', to: '2026-02-28' };
  it.each([
    ['00:00 Vietnam time on the first day (17:00 UTC the day before)', '2026-01-31T17:00:00.000Z', true],
    ['23:59 Vietnam time on 31/01', '2026-01-31T16:59:00.000Z', false],
    ['23:59 Vietnam time on the last day', '2026-02-28T16:59:00.000Z', true],
    ['00:00 Vietnam time after the last day', '2026-02-28T17:00:00.000Z', false],
  ])('%s → %s', (_name, instant, expected) => {
    expect(inPeriod(instant, p)).toBe(expected);
  });
  it('never holds a missing instant', () => {
    expect(inPeriod(null, p)).toBe(false);
  });
});

describe('rates (percent of processed, 2 decimals) written the Vietnamese way', () => {
  it.each([
    [840, 840, 100, '100 %'],
    [0, 840, 0, '0 %'],
    [1, 200, 0.5, '0,5 %'],
    [1, 3, 33.33, '33,33 %'],
    [2, 3, 66.67, '66,67 %'],
    [0, 0, 0, '0 %'],
  ])('%i of %i → %f → %s', (part, whole, value, text) => {
    expect(percent(part, whole)).toBe(value);
    expect(formatPercent(percent(part, whole))).toBe(text);
  });
});
