/*
 * The measures of the results aggregates (migration 20261127010000): flows counted on the day they happen and
 * day-deltas of stocks, whose running sum is the stock at the end of a day. Pure.
 */

export const FLOW_MEASURES = [
  'received',
  'receivedOnline',
  'receivedPost',
  'processed',
  'early',
  'onTime',
  'late',
  'resolved',
  'refused',
  'withdrawn',
  'stopped',
  'suppZero',
  'suppOne',
  'processedRemote',
  'elapsedMinutes',
  'allowedMinutes',
  'feeDue',
  'paidOnline',
  'eResult',
  'digitised',
] as const;

export const STOCK_MEASURES = ['openDelta', 'overdueDelta', 'supplementDelta'] as const;

export const MEASURES = [...FLOW_MEASURES, ...STOCK_MEASURES] as const;

export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

/** The measures the portal widget shows; a change to one of them moves the widget's "Cập nhật lúc". */
export const WIDGET_MEASURES: readonly Measure[] = ['processed', 'early', 'onTime', 'late'];

export function zeroMeasures(): Measures {
  return Object.fromEntries(MEASURES.map((m) => [m, 0])) as Measures;
}

/** a + sign × b, measure by measure (a new object). */
export function addMeasures(a: Measures, b: Partial<Measures>, sign = 1): Measures {
  const out = { ...a };
  for (const m of MEASURES) {
    out[m] += sign * (b[m] ?? 0);
  }
  return out;
}

export function isZero(m: Partial<Measures>): boolean {
  return MEASURES.every((k) => (m[k] ?? 0) === 0);
}
