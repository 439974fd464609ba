import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apologyMessages } from './calendar.messages.js';
import {
  APOLOGY_CASES,
  CASES_OFFICE_HOURS,
  DUE_DATE_CASES,
  localInstant,
  renderApologyTable,
  renderDueDateTable,
} from './due-date.cases.js';
import {
  apologyLatestAt,
  canIssueApology,
  checkNewAppointment,
  computeDueAt,
  issueApology,
  restartAfterSupplement,
} from './due-date.js';
import { formatVnIso } from './local-time.js';
import { SEED_NOTICES } from './seed-notices.js';
import { createWorkingCalendar } from './working-calendar.js';

const calendar = createWorkingCalendar({ notices: SEED_NOTICES, officeHours: CASES_OFFICE_HOURS });

describe('due dates: the published table (docs/calendar.md)', () => {
  it.each(DUE_DATE_CASES.map((c, i) => ({ ...c, n: i + 1 })))(
    '#$n $kind $amount from $received (after15 $after15) → $due [$rule]',
    (c) => {
      const limit = { kind: c.kind, amount: c.amount, after15: c.after15 };
      const result =
        c.supplementRequested === undefined
          ? computeDueAt({ ...limit, receivedAt: localInstant(c.received) }, calendar)
          : restartAfterSupplement(
              {
                limit,
                supplementRequestedAt: localInstant(c.supplementRequested),
                completedAt: localInstant(c.received),
              },
              calendar,
            );
      expect(formatVnIso(result.dueAt)).toBe(formatVnIso(localInstant(c.due)));
      expect(result.provisional).toBe(c.provisional);
      expect(result.ruleVersion).toBe('nd61-2018.1');
    },
  );

  it.each(APOLOGY_CASES.map((c, i) => ({ ...c, n: i + 1 })))(
    'apology #$n: due $dueAt, now $now → $expected',
    (c) => {
      const input = {
        dueAt: localInstant(c.dueAt),
        now: localInstant(c.now),
        apologiesIssued: c.apologiesIssued,
      };
      if (c.newDueAt === undefined) {
        const can = canIssueApology(input, calendar);
        expect(can.allowed ? 'allowed' : can.reason).toBe(c.expected);
      } else {
        const issued = issueApology({ ...input, newDueAt: localInstant(c.newDueAt) }, calendar);
        expect(issued.ok ? 'allowed' : issued.reason).toBe(c.expected);
      }
    },
  );

  it('docs/calendar.md holds exactly the tables the cases render', () => {
    const doc = readFileSync(new URL('../../../docs/calendar.md', import.meta.url), 'utf8');
    const between = (name: string) => {
      const m = new RegExp(
        `<!-- ${name}:start -->\\n<!-- prettier-ignore -->\\n([\\s\\S]*?)\\n+<!-- ${name}:end -->`,
      ).exec(doc);
      return m?.[1];
    };
    expect(between('due-date-cases')).toBe(renderDueDateTable());
    expect(between('apology-cases')).toBe(renderApologyTable());
  });
});

describe('computeDueAt', () => {
  const tue9 = localInstant('2026-02-10 09:00');

  it('returns the instant, the counted day and the rule version, shown at +07:00 (issue #3 example)', () => {
    const r = computeDueAt({ receivedAt: tue9, kind: 'working_days', amount: 3, after15: false }, calendar);
    expect(formatVnIso(r.dueAt)).toBe('2026-02-13T17:00:00+07:00');
    expect(r.dueAt.toISOString()).toBe('2026-02-13T10:00:00.000Z');
    expect(r).toMatchObject({ countedFromDate: '2026-02-10', ruleVersion: 'nd61-2018.1', countedFrom: tue9 });
  });

  it('a receipt outside working time is counted from the next opening', () => {
    const r = computeDueAt(
      { receivedAt: localInstant('2026-03-14 09:00'), kind: 'working_days', amount: 1, after15: false },
      calendar,
    );
    expect(r.countedFromDate).toBe('2026-03-16');
    expect(formatVnIso(r.countedFrom)).toBe('2026-03-16T07:00:00+07:00');
  });

  it('same_day ignores the amount and always applies the 15:00 rule', () => {
    const r = computeDueAt(
      { receivedAt: localInstant('2026-03-10 15:30'), kind: 'same_day', amount: 9, after15: false },
      calendar,
    );
    expect(r).toMatchObject({ amount: 0, after15: true, countedFromDate: '2026-03-11' });
  });

  it.each([-1, 1.5, Number.NaN, 521])('refuses the amount %d', (amount) => {
    expect(() =>
      computeDueAt({ receivedAt: tue9, kind: 'working_days', amount, after15: false }, calendar),
    ).toThrow(RangeError);
  });

  it('refuses an invalid instant', () => {
    expect(() =>
      computeDueAt(
        { receivedAt: new Date(Number.NaN), kind: 'working_days', amount: 1, after15: false },
        calendar,
      ),
    ).toThrow(RangeError);
  });

  it('a unit with other office hours gets deadlines at its own close', () => {
    const unit = createWorkingCalendar({
      notices: SEED_NOTICES,
      officeHours: {
        working: [
          { start: 450, end: 690 },
          { start: 780, end: 990 },
        ],
        receivingOnly: {},
      },
    });
    const r = computeDueAt({ receivedAt: tue9, kind: 'working_days', amount: 3, after15: false }, unit);
    expect(formatVnIso(r.dueAt)).toBe('2026-02-13T16:30:00+07:00');
  });
});

describe('supplement restart (Decree 61/2018 Art. 19)', () => {
  it('refuses a completion before the request', () => {
    expect(() =>
      restartAfterSupplement(
        {
          limit: { kind: 'working_days', amount: 5, after15: false },
          supplementRequestedAt: localInstant('2026-03-11 10:00'),
          completedAt: localInstant('2026-03-10 10:00'),
        },
        calendar,
      ),
    ).toThrow(RangeError);
  });
});

describe('apology with a new appointment (Mẫu 04, Decree 61/2018 Art. 19)', () => {
  it('the latest moment is the close of the working day before the due day', () => {
    expect(formatVnIso(apologyLatestAt(localInstant('2026-03-16 17:00'), calendar))).toBe(
      '2026-03-13T17:00:00+07:00',
    );
    expect(formatVnIso(apologyLatestAt(localInstant('2026-03-12 10:00'), calendar))).toBe(
      '2026-03-11T17:00:00+07:00',
    );
  });

  it('once issued, the new appointment is the due date in force and a second one is refused', () => {
    const dueAt = localInstant('2026-03-13 17:00');
    const first = issueApology(
      {
        dueAt,
        now: localInstant('2026-03-11 10:00'),
        apologiesIssued: 0,
        newDueAt: localInstant('2026-03-20 17:00'),
      },
      calendar,
    );
    expect(first).toEqual({ ok: true, dueAt: localInstant('2026-03-20 17:00'), apologiesIssued: 1 });
    if (!first.ok) {
      return;
    }
    const second = issueApology(
      {
        dueAt: first.dueAt,
        now: localInstant('2026-03-16 10:00'),
        apologiesIssued: first.apologiesIssued,
        newDueAt: localInstant('2026-03-27 17:00'),
      },
      calendar,
    );
    expect(second).toEqual({ ok: false, reason: 'chi_duoc_hen_lai_mot_lan' });
    expect(apologyMessages[second.ok ? 'qua_thoi_han_xin_loi' : second.reason]).toMatch(/một lần/);
  });

  it('accepts 17:00 sharp on a working day as the new appointment', () => {
    expect(
      checkNewAppointment(
        { currentDueAt: localInstant('2026-03-13 17:00'), newDueAt: localInstant('2026-03-17 17:00') },
        calendar,
      ),
    ).toBeNull();
  });
});
