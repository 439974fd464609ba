import { isLocalDate, type LocalDate } from '../../calendar/local-time.js';
import { FORM_PURPOSES, type FormPurpose, type FormTemplate } from './form-template.js';
import { TT01_2018_TEMPLATES } from './templates/tt01-2018.js';

/*
 * The one-stop form sets, as data chosen by effective date (issue #3 items 3, 4 and 8; domain.md §1.2).
 *
 * A form is printed from the set in force on the day it is issued (Vietnam date). Adding a set — e.g. Circular
 * 03/2025/TT-VPCP, said to have 7 forms (unsure, see docs/forms.md) — is one more entry in FORM_SETS with its templates;
 * the entry functions pick it from its effective date on, and forms issued before keep the old set.
 */

export type FormSet = {
  id: string;
  /** The legal text that issues the forms. */
  circular: string;
  issuedOn: LocalDate;
  /** First day in force. */
  effectiveFrom: LocalDate;
  /** Where the forms' wording comes from, and how sure it is. */
  source: string;
  templates: Readonly<Record<FormPurpose, FormTemplate>>;
};

export const DEFAULT_FORM_SET_ID = 'tt01-2018';

export const FORM_SETS: readonly FormSet[] = [
  {
    id: DEFAULT_FORM_SET_ID,
    circular: 'Thông tư số 01/2018/TT-VPCP',
    issuedOn: '2018-11-23',
    effectiveFrom: '2019-01-06',
    source:
      'Circular 01/2018/TT-VPCP Art. 9–10 (legal codification); field lists from public implementations and ' +
      'memory of the Appendix (domain.md §1.2), not the official Appendix sample',
    templates: TT01_2018_TEMPLATES,
  },
];

/**
 * The set in force on `date` (a Vietnam 'YYYY-MM-DD'): the one with the latest `effectiveFrom` on or before it.
 * Returns null before the first set (forms before 2019-01-06 are not printed by congxa); throws RangeError for a
 * string that is not a calendar date.
 */
export function formSetAt(date: LocalDate, sets: readonly FormSet[] = FORM_SETS): FormSet | null {
  if (!isLocalDate(date)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  let best: FormSet | null = null;
  for (const set of sets) {
    if (set.effectiveFrom <= date && (best === null || set.effectiveFrom > best.effectiveFrom)) {
      best = set;
    }
  }
  return best;
}

/** What is wrong with a list of sets (duplicate ids or dates, bad dates, a template under the wrong purpose). */
export function formSetProblems(sets: readonly FormSet[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const dates = new Set<string>();
  for (const s of sets) {
    if (ids.has(s.id)) {
      problems.push(`${s.id}: duplicate id`);
    }
    ids.add(s.id);
    if (!isLocalDate(s.effectiveFrom) || !isLocalDate(s.issuedOn)) {
      problems.push(`${s.id}: issuedOn and effectiveFrom must be YYYY-MM-DD dates`);
    }
    if (dates.has(s.effectiveFrom)) {
      problems.push(`${s.id}: another set takes effect on ${s.effectiveFrom}`);
    }
    dates.add(s.effectiveFrom);
    for (const purpose of FORM_PURPOSES) {
      if (s.templates[purpose].purpose !== purpose) {
        problems.push(`${s.id}: the template under ${purpose} is for ${s.templates[purpose].purpose}`);
      }
    }
  }
  return problems;
}
