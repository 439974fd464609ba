import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles.js';
import { formatDossierCode, normaliseDossierCode } from './dossier-code.js';
import { dossierRulesAt } from './dossier-rules.js';
import {
  availableActions,
  checkAction,
  endsProcessing,
  NATIONAL_STATUS,
  type DossierAction,
  type DossierStatus,
} from './dossier-workflow.js';

const officer = { id: 1, roles: ['one_stop_officer'] as Role[] };
const specialist = { id: 2, roles: ['specialist'] as Role[] };
const otherSpecialist = { id: 3, roles: ['specialist'] as Role[] };
const leader = { id: 4, roles: ['leader'] as Role[] };
const editor = { id: 5, roles: ['editor'] as Role[] };

type Case = [string, DossierStatus, DossierAction, typeof officer, string | null, string];

// Decree 61/2018 Arts. 17–20 (receive, process, approve, return, supplement, refuse, apology) and the national status
// codes of domain.md §1.4. The last column: the status reached, or the refusal.
const CASES: Case[] = [
  ['Art. 17: the officer receives an online submission', 'submitted', 'receive', officer, null, 'received'],
  ['Art. 19: the head assigns a specialist', 'received', 'assign', leader, null, 'processing'],
  ['the officer forwards to a specialist', 'received', 'assign', officer, null, 'processing'],
  ['a specialist cannot forward', 'received', 'assign', specialist, null, 'role_required'],
  [
    'Art. 19: the assignee submits for approval',
    'processing',
    'submit_for_approval',
    specialist,
    null,
    'awaiting_approval',
  ],
  [
    'another specialist may not submit it',
    'processing',
    'submit_for_approval',
    otherSpecialist,
    null,
    'not_assignee',
  ],
  ['the leader approves', 'awaiting_approval', 'approve', leader, null, 'done'],
  ['a specialist cannot approve', 'awaiting_approval', 'approve', specialist, null, 'role_required'],
  [
    'the leader sends it back with a reason',
    'awaiting_approval',
    'send_back',
    leader,
    'Bổ sung xác minh',
    'processing',
  ],
  ['sending back needs a reason', 'awaiting_approval', 'send_back', leader, '  ', 'reason_required'],
  ['Art. 20: the officer returns the result', 'done', 'return_result', officer, null, 'returned'],
  ['no return before the result', 'processing', 'return_result', officer, null, 'not_in_status'],
  [
    'Art. 19: supplement request with a reason',
    'processing',
    'request_supplement',
    specialist,
    'Thiếu giấy tờ',
    'supplement_requested',
  ],
  [
    'supplement completed: back to the assignee',
    'supplement_requested',
    'complete_supplement',
    officer,
    null,
    'processing',
  ],
  ['Arts. 17, 19: refusal needs a reason', 'received', 'refuse', officer, null, 'reason_required'],
  ['Arts. 17, 19: refusal with a reason', 'received', 'refuse', officer, 'Không thuộc thẩm quyền', 'refused'],
  ['no refusal after the result', 'done', 'refuse', leader, 'x', 'not_in_status'],
  ['Art. 19: apology keeps the status', 'processing', 'apologise', leader, 'Cần xác minh', 'processing'],
  [
    'the citizen withdraws (recorded by the officer)',
    'supplement_requested',
    'withdraw',
    officer,
    'Công dân đề nghị',
    'withdrawn',
  ],
  ['the leader stops processing', 'processing', 'stop', leader, 'Theo quyết định', 'stopped'],
  ['nothing after the return', 'returned', 'withdraw', officer, 'x', 'not_in_status'],
  ['an editor has no one-stop role', 'received', 'refuse', editor, 'x', 'role_required'],
  [
    'an admin of the unit may do everything',
    'awaiting_approval',
    'approve',
    { id: 9, roles: ['admin'] },
    null,
    'done',
  ],
];

describe('the dossier workflow (Decree 61/2018)', () => {
  it.each(CASES)('%s', (_name, status, action, actor, reason, expected) => {
    const r = checkAction({ status, assigneeId: 2 }, action, actor, reason);
    expect(r.ok ? r.to : r.refusal).toBe(expected);
  });

  it('completing a supplement of an unassigned dossier returns it to the one-stop desk', () => {
    expect(
      checkAction({ status: 'supplement_requested', assigneeId: null }, 'complete_supplement', officer, null),
    ).toEqual({
      ok: true,
      to: 'received',
    });
  });

  it('offers the officer the actions of a received dossier', () => {
    expect(availableActions({ status: 'received', assigneeId: null }, officer)).toEqual([
      'assign',
      'request_supplement',
      'refuse',
      'apologise',
      'withdraw',
      'record_fee',
    ]);
  });

  it('maps every status to a national sync code 1–10 (domain.md §1.4)', () => {
    expect(Object.values(NATIONAL_STATUS).every((c) => c >= 1 && c <= 10)).toBe(true);
    expect(NATIONAL_STATUS.returned).toBe(10);
    expect(NATIONAL_STATUS.supplement_requested).toBe(5);
  });

  it('ends processing at the first ending status (Decision 766 end time)', () => {
    expect(endsProcessing('awaiting_approval', 'done')).toBe(true);
    expect(endsProcessing('done', 'returned')).toBe(false);
    expect(endsProcessing('received', 'refused')).toBe(true);
  });
});

describe('the dossier code (Circular 01/2018/TT-VPCP Art. 19)', () => {
  it.each([
    ['000.00.13.H12', '2026-02-10', 1, '000.00.13.H12-260210-0001'],
    ['000.00.13.H12', '2026-12-31', 9999, '000.00.13.H12-261231-9999'],
    ['000.00.13.H12', '2027-01-01', 10000, '000.00.13.H12-270101-10000'],
  ])('%s on %s #%i → %s', (agency, day, seq, code) => {
    expect(formatDossierCode(agency, day, seq)).toBe(code);
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatDossierCode('000.00.13.H12', '2026-02-10', 0)).toThrow(RangeError);
  });

  it('reads what a citizen types', () => {
    expect(normaliseDossierCode(' 000.00.13.h12-260210-0001 ')).toBe('000.00.13.H12-260210-0001');
    expect(normaliseDossierCode('000.00.13.H12-260210')).toBeNull();
    expect(normaliseDossierCode("' or 1=1 --")).toBeNull();
  });
});

describe('dossier rules by effective date', () => {
  it('takes the Decree 61 window of 3 working days', () => {
    expect(dossierRulesAt('2026-02-10').supplementWindowWorkingDays).toBe(3);
  });

  it('picks a later rule set from its effective date', () => {
    const base = dossierRulesAt('2026-01-01');
    const rules = [
      base,
      { ...base, id: 'later', effectiveFrom: '2027-01-01', supplementWindowWorkingDays: 2 },
    ];
    expect(dossierRulesAt('2026-12-31', rules).id).toBe(base.id);
    expect(dossierRulesAt('2027-01-01', rules).id).toBe('later');
  });
});
