/**
 * THE table of expected due dates and apology checks: read by the tests (due-date.test.ts) and rendered into
 * docs/calendar.md (a test checks the doc is exactly `renderDueDateTable()` + `renderApologyTable()`), so the published
 * list and the proof cannot drift. Times are Vietnam local, 'YYYY-MM-DD HH:MM'. Expected values were worked out by
 * hand from the rules and the 2026 notice, not produced by the code.
 */
import { type ApologyRefusal, type TimeLimitKind } from './due-date.js';
import { instantAt, parseClock, weekdayOf } from './local-time.js';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, SATURDAY_MORNING_RECEIVING } from './office-hours.js';

export interface DueDateCase {
  /** When the dossier was received, or (with `supplementRequested`) when the complete dossier arrived. */
  readonly received: string;
  /** Set for a restart after a request to supplement: when the request was made. */
  readonly supplementRequested?: string;
  readonly kind: TimeLimitKind;
  readonly amount: number;
  readonly after15: boolean;
  readonly due: string;
  readonly provisional: boolean;
  readonly rule: string;
}

/** The unit the cases use: default hours plus a Saturday-morning receiving-only opening. */
export const CASES_OFFICE_HOURS: OfficeHours = {
  ...DEFAULT_OFFICE_HOURS,
  receivingOnly: SATURDAY_MORNING_RECEIVING,
};

const ART147 = 'Civil Code 2015 Art. 147: the day of receipt is not counted';
const ART148 = 'Civil Code 2015 Art. 148: a deadline on a day off moves to the next working day';
const ART18 = 'Decree 61/2018 Art. 18: after 15:00 counts as received the next working day';
const SAME_DAY =
  'same_day: close of the day of receipt; after 15:00, after closing or on a day off, the next working day';
const HOURS = 'working_hours: office time only, lunch 11:30–13:30 skipped';

// One case per line, so the list reads as a table.
// prettier-ignore
export const DUE_DATE_CASES: readonly DueDateCase[] = [
  { received: '2026-02-10 09:00', kind: 'working_days', amount: 3, after15: false, due: '2026-02-13 17:00', provisional: false, rule: `${ART147} (issue #3 example)` },
  { received: '2026-02-12 10:00', kind: 'working_days', amount: 3, after15: false, due: '2026-02-24 17:00', provisional: false, rule: 'Tết 2026 notice: off Sat 14/02–Sun 22/02/2026 (mùng 1 = 17/02)' },
  { received: '2026-02-13 16:00', kind: 'same_day', amount: 0, after15: false, due: '2026-02-23 17:00', provisional: false, rule: `${SAME_DAY}; Tết 2026 notice` },
  { received: '2026-01-09 10:00', kind: 'working_days', amount: 1, after15: false, due: '2026-01-10 17:00', provisional: false, rule: 'Make-up working Saturday 10/01/2026 (letter 12729/VPCP-KGVX), normal hours' },
  { received: '2026-01-10 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-01-12 17:00', provisional: false, rule: `A make-up Saturday is a working day of receipt; ${ART147}` },
  { received: '2025-12-31 10:00', kind: 'working_days', amount: 1, after15: false, due: '2026-01-05 17:00', provisional: false, rule: 'Tết Dương lịch 2026 notice: off Thu 01/01–Sun 04/01/2026' },
  { received: '2026-04-24 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-04-28 17:00', provisional: false, rule: 'Giỗ Tổ 2026 = Sun 26/04, compensatory Mon 27/04 (Labour Code 2019 Art. 111(3))' },
  { received: '2026-04-26 09:00', kind: 'same_day', amount: 0, after15: false, due: '2026-04-28 17:00', provisional: false, rule: `${SAME_DAY}; Giỗ Tổ 2026 on a Sunday` },
  { received: '2026-04-29 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-05-04 17:00', provisional: false, rule: '30/4–1/5 2026 notice: off Thu 30/04–Sun 03/05/2026' },
  { received: '2026-03-10 15:30', kind: 'working_days', amount: 2, after15: true, due: '2026-03-13 17:00', provisional: false, rule: `${ART18} (procedure flag on)` },
  { received: '2026-03-10 15:30', kind: 'working_days', amount: 2, after15: false, due: '2026-03-12 17:00', provisional: false, rule: 'Without the procedure flag, 15:30 is still the day of receipt' },
  { received: '2026-03-10 15:00', kind: 'working_days', amount: 2, after15: true, due: '2026-03-12 17:00', provisional: false, rule: `${ART18}: 15:00 sharp is not after 15:00` },
  { received: '2026-03-10 14:59', kind: 'same_day', amount: 0, after15: false, due: '2026-03-10 17:00', provisional: false, rule: SAME_DAY },
  { received: '2026-03-10 15:01', kind: 'same_day', amount: 0, after15: false, due: '2026-03-11 17:00', provisional: false, rule: `${SAME_DAY} (the 15:00 rule always applies)` },
  { received: '2026-03-13 16:00', kind: 'same_day', amount: 0, after15: false, due: '2026-03-16 17:00', provisional: false, rule: `${SAME_DAY}; Friday after 15:00 → Monday` },
  { received: '2026-03-14 08:00', kind: 'same_day', amount: 0, after15: false, due: '2026-03-16 17:00', provisional: false, rule: 'Saturday-morning opening is receiving only, not working time' },
  { received: '2026-03-14 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-03-17 17:00', provisional: false, rule: `Saturday-morning receipt counts from Monday; ${ART147}` },
  { received: '2026-03-10 17:30', kind: 'working_days', amount: 1, after15: false, due: '2026-03-12 17:00', provisional: false, rule: `After closing counts as received the next working day; ${ART147}` },
  { received: '2026-03-10 06:30', kind: 'working_days', amount: 1, after15: false, due: '2026-03-11 17:00', provisional: false, rule: `Before opening is still the day of receipt; ${ART147}` },
  { received: '2026-03-10 12:00', kind: 'working_days', amount: 1, after15: false, due: '2026-03-11 17:00', provisional: false, rule: `The lunch break is still the day of receipt; ${ART147}` },
  { received: '2026-03-10 10:30', kind: 'working_hours', amount: 2, after15: false, due: '2026-03-10 14:30', provisional: false, rule: `${HOURS} (1 h + 1 h)` },
  { received: '2026-03-10 12:15', kind: 'working_hours', amount: 2, after15: false, due: '2026-03-10 15:30', provisional: false, rule: `${HOURS}: received at lunch, counted from 13:30` },
  { received: '2026-03-10 07:30', kind: 'working_hours', amount: 4, after15: false, due: '2026-03-10 11:30', provisional: false, rule: `${HOURS}: ends at the morning close, not after lunch` },
  { received: '2026-03-10 16:00', kind: 'working_hours', amount: 2, after15: false, due: '2026-03-11 08:00', provisional: false, rule: `${HOURS}: overnight to the next opening` },
  { received: '2026-03-10 18:00', kind: 'working_hours', amount: 4, after15: false, due: '2026-03-11 11:00', provisional: false, rule: `${HOURS}: received after closing, counted from the next opening` },
  { received: '2026-03-13 16:30', kind: 'working_hours', amount: 8, after15: false, due: '2026-03-16 16:30', provisional: false, rule: `${HOURS}: over the weekend (0.5 h + 4.5 h + 3 h)` },
  { received: '2026-03-10 15:30', kind: 'working_hours', amount: 2, after15: true, due: '2026-03-11 09:00', provisional: false, rule: `${ART18}: counted from the next opening` },
  { received: '2026-03-10 09:00', kind: 'calendar_days', amount: 7, after15: false, due: '2026-03-17 17:00', provisional: false, rule: 'calendar_days: close of the day of receipt + N days' },
  { received: '2026-02-10 10:00', kind: 'calendar_days', amount: 5, after15: false, due: '2026-02-23 17:00', provisional: false, rule: `${ART148}: Sun 15/02 is inside Tết 2026` },
  { received: '2026-04-24 10:00', kind: 'calendar_days', amount: 6, after15: false, due: '2026-05-04 17:00', provisional: false, rule: `${ART148}: Thu 30/04/2026 is a holiday` },
  { received: '2026-03-16 16:00', supplementRequested: '2026-03-11 10:00', kind: 'working_days', amount: 5, after15: false, due: '2026-03-23 17:00', provisional: false, rule: 'Decree 61/2018 Art. 19: the full time limit restarts when the complete dossier arrives' },
  { received: '2026-03-16 15:30', supplementRequested: '2026-03-11 10:00', kind: 'working_days', amount: 5, after15: true, due: '2026-03-24 17:00', provisional: false, rule: `Decree 61/2018 Art. 19 restart; ${ART18}` },
  { received: '2026-11-23 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-11-25 17:00', provisional: false, rule: 'Ngày Văn hóa Việt Nam Tue 24/11/2026 (reported, notice entry unverified)' },
  { received: '2026-09-01 09:00', kind: 'working_days', amount: 1, after15: false, due: '2026-09-04 17:00', provisional: true, rule: 'Quốc khánh 2026 notice unknown: 2/9 (Wed) + provisional 3/9' },
  { received: '2026-12-31 10:00', kind: 'working_days', amount: 1, after15: false, due: '2027-01-04 17:00', provisional: false, rule: 'No 2027 notice: derived Tết Dương lịch Fri 01/01/2027 (Labour Code 2019 Art. 112)' },
  { received: '2027-02-04 09:00', kind: 'working_days', amount: 2, after15: false, due: '2027-02-15 17:00', provisional: true, rule: 'No 2027 notice: provisional Tết Fri 05/02–Tue 09/02 (mùng 1 = Sat 06/02) + compensatory Wed 10/02, Thu 11/02' },
  { received: '2027-09-01 09:00', kind: 'working_days', amount: 1, after15: false, due: '2027-09-06 17:00', provisional: true, rule: 'No 2027 notice: 2/9/2027 is a Thursday → 2/9 + provisional 3/9' },
  { received: '2022-12-30 09:00', kind: 'working_days', amount: 1, after15: false, due: '2023-01-03 17:00', provisional: false, rule: 'Tết Dương lịch 2023 notice: off Sat 31/12/2022–Mon 02/01/2023' },
];

export interface ApologyCase {
  readonly dueAt: string;
  readonly now: string;
  readonly apologiesIssued: number;
  /** The new appointment proposed; without it only `canIssueApology` is checked. */
  readonly newDueAt?: string;
  readonly expected: 'allowed' | ApologyRefusal;
  readonly rule: string;
}

const ONCE = 'Decree 61/2018 Art. 19: a new appointment only once';
const LEAD = 'Decree 61/2018 Art. 19: by the close of the working day before the due day';

// prettier-ignore
export const APOLOGY_CASES: readonly ApologyCase[] = [
  { dueAt: '2026-03-13 17:00', now: '2026-03-12 16:00', apologiesIssued: 0, newDueAt: '2026-03-20 17:00', expected: 'allowed', rule: LEAD },
  { dueAt: '2026-03-13 17:00', now: '2026-03-12 17:00', apologiesIssued: 0, expected: 'allowed', rule: `${LEAD} (17:00 sharp is in time)` },
  { dueAt: '2026-03-13 17:00', now: '2026-03-12 17:30', apologiesIssued: 0, expected: 'qua_thoi_han_xin_loi', rule: LEAD },
  { dueAt: '2026-03-13 17:00', now: '2026-03-13 08:00', apologiesIssued: 0, expected: 'qua_thoi_han_xin_loi', rule: `${LEAD} (the due day itself is too late)` },
  { dueAt: '2026-03-13 17:00', now: '2026-03-10 09:00', apologiesIssued: 1, expected: 'chi_duoc_hen_lai_mot_lan', rule: ONCE },
  { dueAt: '2026-03-16 17:00', now: '2026-03-13 16:59', apologiesIssued: 0, expected: 'allowed', rule: `${LEAD}: due Monday → by Friday 17:00` },
  { dueAt: '2026-03-16 17:00', now: '2026-03-14 09:00', apologiesIssued: 0, expected: 'qua_thoi_han_xin_loi', rule: `${LEAD}: due Monday, Saturday is too late` },
  { dueAt: '2026-02-23 17:00', now: '2026-02-16 09:00', apologiesIssued: 0, expected: 'qua_thoi_han_xin_loi', rule: `${LEAD}: due right after Tết 2026 → by Fri 13/02/2026 17:00` },
  { dueAt: '2026-03-13 17:00', now: '2026-03-11 10:00', apologiesIssued: 0, newDueAt: '2026-03-13 17:00', expected: 'hen_moi_khong_sau_han_cu', rule: 'The new appointment must be after the due date in force' },
  { dueAt: '2026-03-13 17:00', now: '2026-03-11 10:00', apologiesIssued: 0, newDueAt: '2026-03-21 10:00', expected: 'hen_moi_ngoai_gio_lam_viec', rule: 'The new appointment must be a working instant (Sat 21/03 is not)' },
  { dueAt: '2026-03-13 17:00', now: '2026-03-11 10:00', apologiesIssued: 0, newDueAt: '2026-03-16 12:00', expected: 'hen_moi_ngoai_gio_lam_viec', rule: 'The new appointment must be a working instant (lunch break is not)' },
];

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** '2026-02-10 09:00' → 'Tue 10/02/2026 09:00'. */
export function showLocal(local: string): string {
  const [date = '', time = ''] = local.split(' ');
  return `${WEEKDAYS[weekdayOf(date)]} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${time}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The markdown table of DUE_DATE_CASES published in docs/calendar.md. */
export function renderDueDateTable(cases: readonly DueDateCase[] = DUE_DATE_CASES): string {
  return table(
    [
      '#',
      'Received (local)',
      'Kind',
      'Amount',
      'After 15:00 flag',
      'Due (local, +07:00)',
      'Provisional',
      'Rule',
    ],
    cases.map((c, i) => [
      String(i + 1),
      c.supplementRequested === undefined
        ? showLocal(c.received)
        : `${showLocal(c.received)}, complete after supplement`,
      c.kind,
      String(c.amount),
      c.after15 ? 'yes' : 'no',
      showLocal(c.due),
      c.provisional ? 'yes' : 'no',
      c.rule,
    ]),
  );
}

/** The markdown table of APOLOGY_CASES published in docs/calendar.md. */
export function renderApologyTable(cases: readonly ApologyCase[] = APOLOGY_CASES): string {
  return table(
    ['#', 'Due date in force', 'Now', 'Apologies issued', 'New appointment', 'Expected', 'Rule'],
    cases.map((c, i) => [
      String(i + 1),
      showLocal(c.dueAt),
      showLocal(c.now),
      String(c.apologiesIssued),
      c.newDueAt === undefined ? '—' : showLocal(c.newDueAt),
      c.expected,
      c.rule,
    ]),
  );
}

/** '2026-02-10 09:00' (Vietnam local) → the instant. */
export function localInstant(local: string): Date {
  const [date = '', time = ''] = local.split(' ');
  return instantAt(date, parseClock(time));
}
