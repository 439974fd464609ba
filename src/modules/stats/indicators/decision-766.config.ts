import { z } from 'zod';

/*
 * The scoring table of the Decision 766/QĐ-TTg indicators (issue #4 item 5, docs/statistics-indicators.md): groups,
 * each indicator's maximum points (its weight), threshold and direction. PROVISIONAL DATA, not law: the decision's
 * annex with the official points was not available (domain.md §1.7, "Not found or not verified").
 *
 * Sources of the defaults (all unverified):
 * - group maxima 18 / 20 / 12 / 10 / 22 / 18 = 100: domain.md §1.7 (from memory and a mock dashboard) and the six
 *   groups of the national dashboard's evaluation endpoints (dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu) as a
 *   public crawler configures them;
 * - the split inside groups 1, 2, 5 (digitisation), 6 (satisfaction) and the payment group: a public reconstruction
 *   of the METRICS sheet of "Công thức 766.xlsx" (1.1 6, 1.2 4, 1.3 2, 1.4 6; 2.1 20 with 2.2 tracked at 0; 4.1 6,
 *   4.2 4, electronic certified copies 2, 4.3 2, 4.4 4, 4.5 2 + 2; 5.1 0, 5.2 6, 5.3 6, 5.4 6; 3.5 2 + 2, 3.6 6);
 * - the split of group 3 (3.1, 3.2, 3.3: 4 each) is congxa's own guess: that source puts the group's 12 points on
 *   a newer indicator (full-online dossiers of eligible procedures) that congxa cannot compute;
 * - thresholds 3.1 ≥ 80 %, 3.3 ≥ 50 %, 3.5 ≥ 80 %, 4.2 ≥ 80 %, 4.3 ≥ 80 %, 5.4 ≥ 90 % ([766doc], domain.md §1.7);
 *   the others are proportional to the rate (threshold 100 %), provisional.
 * A deployment overrides any of it with a JSON file named by STATS_766_CONFIG (decision-766.config-file.ts).
 */

export const GROUP_IDS = [
  'transparency',
  'progress',
  'online',
  'payment',
  'digitisation',
  'satisfaction',
] as const;
export type GroupId = (typeof GROUP_IDS)[number];

/** The indicators, by their code in [766doc]; `ct` is the electronic certified copy service, which has no number. */
export const INDICATOR_IDS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '3.5',
  '3.6',
  '4.1',
  '4.2',
  'ct',
  '4.3',
  '4.4',
  '4.5',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * How a rate becomes points. higher: full points at or above `threshold` (percent), else rate × max ÷ threshold.
 * lower (a time used against the time allowed): full points at or below `threshold`, else max × threshold ÷ rate.
 */
export type ScoringRule = { max: number; threshold: number; direction: 'higher' | 'lower' };

export type IndicatorConfig = ScoringRule & { group: GroupId };

export type Decision766Config = {
  /** Shown on the page and in the exports: where the table comes from. */
  source: string;
  provisional: boolean;
  indicators: Record<IndicatorId, IndicatorConfig>;
};

const rule = (group: GroupId, max: number, threshold = 100, direction: 'higher' | 'lower' = 'higher') => ({
  group,
  max,
  threshold,
  direction,
});

export const DEFAULT_766_CONFIG: Decision766Config = {
  source: 'congxa, bảng điểm tạm tính (chưa đối chiếu với phụ lục chính thức của Quyết định 766/QĐ-TTg)',
  provisional: true,
  indicators: {
    '1.1': rule('transparency', 6),
    '1.2': rule('transparency', 4),
    '1.3': rule('transparency', 2),
    '1.4': rule('transparency', 6),
    '2.1': rule('progress', 20),
    // Average resolution time: tracked, no points (0) in the reconstruction; "lower" when a deployment scores it.
    '2.2': rule('progress', 0, 100, 'lower'),
    '3.1': rule('online', 4, 80),
    '3.2': rule('online', 4),
    '3.3': rule('online', 4, 50),
    '3.5': rule('payment', 4, 80),
    '3.6': rule('payment', 6),
    '4.1': rule('digitisation', 6),
    '4.2': rule('digitisation', 4, 80),
    ct: rule('digitisation', 2),
    '4.3': rule('digitisation', 2, 80),
    '4.4': rule('digitisation', 4),
    '4.5': rule('digitisation', 4),
    '5.1': rule('satisfaction', 0),
    '5.2': rule('satisfaction', 6),
    '5.3': rule('satisfaction', 6),
    '5.4': rule('satisfaction', 6, 90),
  },
};

const Override = z.strictObject({
  source: z.string().min(1).max(500).optional(),
  provisional: z.boolean().optional(),
  indicators: z
    .partialRecord(
      z.enum(INDICATOR_IDS),
      z.strictObject({
        max: z.number().min(0).max(100).optional(),
        threshold: z.number().gt(0).max(1000).optional(),
        direction: z.enum(['higher', 'lower']).optional(),
      }),
    )
    .optional(),
});

export type Decision766Override = z.infer<typeof Override>;

/**
 * The default table with a deployment's changes laid over it (any subset of indicators and fields; groups are
 * fixed). Throws with every problem listed when the override is not valid.
 */
export function withOverride(base: Decision766Config, override: unknown): Decision766Config {
  const parsed = Override.safeParse(override);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`Invalid Decision 766 scoring table:\n${problems.join('\n')}`);
  }
  const o = parsed.data;
  const indicators = { ...base.indicators };
  for (const id of INDICATOR_IDS) {
    const change = o.indicators?.[id];
    if (change) {
      indicators[id] = {
        ...indicators[id],
        ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
      };
    }
  }
  return {
    source: o.source ?? base.source,
    provisional: o.provisional ?? base.provisional,
    indicators,
  };
}
