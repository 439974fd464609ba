import { describe, expect, it } from 'vitest';
import { CALENDAR_RULES_2018, type CalendarRules, rulesInForce } from './calendar-rules.js';
import { instantAt } from './local-time.js';
import {
  DEFAULT_OFFICE_HOURS,
  defineOfficeHours,
  range,
  SATURDAY_MORNING_RECEIVING,
} from './office-hours.js';
import { SEED_NOTICES } from './seed-notices.js';
import { createWorkingCalendar, DayCalendar, WorkingCalendar } from './working-calendar.js';

const calendar = createWorkingCalendar({
  notices: SEED_NOTICES,
  officeHours: { ...DEFAULT_OFFICE_HOURS, receivingOnly: SATURDAY_MORNING_RECEIVING },
});
const at = (date: string, hm: string) => instantAt(date, Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3)));

describe('WorkingCalendar: working days', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết 2026'],
    ['2026-02-16', false, 'Tết 2026 notice, official day'],
    ['2026-02-22', false, 'Tết 2026 notice, Sunday inside the range'],
    ['2026-02-23', true, 'first working day after Tết 2026'],
    ['2026-01-10', true, 'make-up Saturday (letter 12729/VPCP-KGVX)'],
    ['2026-01-17', false, 'an ordinary Saturday (Decision 188/1999/QĐ-TTg, 40-hour week)'],
    ['2026-01-02', false, 'Friday swapped for the make-up Saturday'],
    ['2026-04-27', false, 'compensatory day for Giỗ Tổ on Sunday 26/04 (Art. 111(3))'],
    ['2026-09-03', false, 'provisional Quốc khánh adjacent day (notice unknown)'],
    ['2022-12-31', false, 'Tết Dương lịch 2023 notice spilling into 2022'],
    ['2027-02-10', false, 'compensatory day for provisional Tết 2027'],
  ])('%s working = %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('moves between working days across Tết and the year end', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-10', 3)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-10', 0)).toBe('2026-02-10');
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  it('describes a day for the listing page, with its source', () => {
    expect(calendar.days.dayInfo('2026-01-10')).toMatchObject({
      weekday: 6,
      working: true,
      makeUp: { name: 'Tết Dương lịch' },
    });
    expect(calendar.days.dayInfo('2026-02-17')).toMatchObject({
      working: false,
      dayOff: { name: 'Tết Nguyên đán', source: 'notice', confidence: 'sourced' },
    });
  });

  it('refuses years it cannot answer for', () => {
    expect(() => calendar.isWorkingDay('2199-06-01')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('1975-06-01')).toThrow(RangeError);
  });
});

describe('WorkingCalendar: office hours', () => {
  it.each([
    ['2026-03-10', '07:00', true, true],
    ['2026-03-10', '11:30', false, false], // lunch break
    ['2026-03-10', '13:29', false, false],
    ['2026-03-10', '16:59', true, true],
    ['2026-03-10', '17:00', false, false],
    ['2026-03-14', '08:00', false, true], // Saturday morning: receiving only, not working time
    ['2026-03-14', '14:00', false, false],
    ['2026-01-10', '14:00', true, true], // make-up Saturday: normal working hours
    ['2026-02-14', '08:00', false, false], // a Saturday inside Tết: no receiving either
  ])('%s %s: working %s, receiving %s', (date, hm, working, receiving) => {
    expect(calendar.isWorkingTime(at(date, hm))).toBe(working);
    expect(calendar.isReceivingTime(at(date, hm))).toBe(receiving);
  });

  it('the close of office hours is where day deadlines fall; 17:00 counts as working time only when asked', () => {
    expect(calendar.closeOf('2026-03-10').toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(calendar.openingOf('2026-03-10').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(calendar.isWorkingTime(at('2026-03-10', '17:00'), true)).toBe(true);
    expect(() => calendar.closeOf('2026-03-14')).toThrow(RangeError);
  });

  it('office hours are data per unit, validated', () => {
    const unit = new WorkingCalendar({
      days: new DayCalendar({ notices: SEED_NOTICES }),
      rules: CALENDAR_RULES_2018,
      officeHours: { working: [range('07:30', '11:30'), range('13:00', '16:30')], receivingOnly: {} },
    });
    expect(unit.closeOf('2026-03-10').toISOString()).toBe('2026-03-10T09:30:00.000Z');
    expect(() => defineOfficeHours({ working: [], receivingOnly: {} })).toThrow(/at least one session/);
    expect(() =>
      defineOfficeHours({ working: [range('13:30', '17:00'), range('07:00', '11:30')], receivingOnly: {} }),
    ).toThrow(/overlaps or precedes/);
    expect(() => defineOfficeHours({ working: [range('07:00', '11:30')], receivingOnly: { 3: [] } })).toThrow(
      /rest day/,
    );
  });
});

describe('rules versioned by effective date', () => {
  const later: CalendarRules = { ...CALENDAR_RULES_2018, version: 'test-2027', effectiveFrom: '2027-01-01' };
  const versions = [CALENDAR_RULES_2018, later];

  it.each([
    ['2026-12-31T16:59:59Z', 'nd61-2018.1'], // 23:59:59 local
    ['2026-12-31T17:00:00Z', 'test-2027'], // 00:00 local on 01/01/2027
    ['2018-06-21', 'nd61-2018.1'],
  ])('at %s the version in force is %s', (when, version) => {
    const arg = when.length === 10 ? when : new Date(when);
    expect(rulesInForce(versions, arg).version).toBe(version);
  });

  it('there is no version before Decree 61/2018 took effect', () => {
    expect(() => rulesInForce(versions, '2018-06-20')).toThrow(RangeError);
  });
});
