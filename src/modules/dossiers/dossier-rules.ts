/*
 * The one-stop rules that are numbers, as data versioned by effective date (domain.md says: where unsure, make the
 * rule configurable data with a sane default). Every value cites its source or says it is congxa's choice.
 */
export type DossierRules = Readonly<{
  id: string;
  /** First local day (YYYY-MM-DD) the rules apply to a dossier received that day. */
  effectiveFrom: string;
  /**
   * A supplement request after receipt must come within this many working days of the day of receipt
   * (Decree 61/2018 Art. 19: "trong thời hạn 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ").
   */
  supplementWindowWorkingDays: number;
  /** The work queue "due soon" holds dossiers due within this many hours (congxa's choice: two days). */
  dueSoonHours: number;
  /**
   * The specialist's share of the time limit when the procedure's steps do not say (congxa's choice, in percent):
   * the step deadline shown to the assignee.
   */
  specialistSharePercent: number;
}>;

export const DOSSIER_RULES: readonly DossierRules[] = [
  {
    id: 'nd61-2018',
    effectiveFrom: '2018-06-21',
    supplementWindowWorkingDays: 3,
    dueSoonHours: 48,
    specialistSharePercent: 60,
  },
];

/** The rules in force on a local day (the last whose effectiveFrom is on or before it; the first one before that). */
export function dossierRulesAt(
  localDay: string,
  rules: readonly DossierRules[] = DOSSIER_RULES,
): DossierRules {
  const sorted = [...rules].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const first = sorted[0];
  if (first === undefined) {
    throw new Error('No dossier rules configured');
  }
  return sorted.filter((r) => r.effectiveFrom <= localDay).at(-1) ?? first;
}
