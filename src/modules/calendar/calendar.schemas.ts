/**
 * Parsing of the calendar's queries and forms (pure). The API and the citizen's due-date page take query strings and
 * answer with a message per field; the admin forms are zod schemas whose message codes map to calendar.messages.ts.
 */
import { z } from 'zod';
import { CALENDAR_RULE_VERSIONS } from './calendar-rules.js';
import { calendarMessages as m } from './calendar.messages.js';
import { MAX_AMOUNT, TIME_LIMIT_KINDS, type TimeLimitKind } from './due-date.js';
import { HOLIDAY_IDS, type HolidayId } from './holidays.js';
import { instantAt, isLocalDate, type LocalDate, parseInstant, toLocal } from './local-time.js';
import { SUPPORTED_YEARS } from './working-calendar.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/**
 * Receipts the public tools count from: from the first rules' effective date (Decree 61/2018, 21/06/2018) to the end
 * of the year that still leaves room for the longest time limit (MAX_AMOUNT working days) inside SUPPORTED_YEARS.
 */
export const RECEIPT_RANGE = {
  from: CALENDAR_RULE_VERSIONS.reduce(
    (min, v) => (v.effectiveFrom < min ? v.effectiveFrom : min),
    CALENDAR_RULE_VERSIONS[0]?.effectiveFrom ?? '2018-06-21',
  ),
  lastYear: SUPPORTED_YEARS.max - 3,
} as const;

export function receiptInRange(at: Date): boolean {
  const { date } = toLocal(at);
  return date >= RECEIPT_RANGE.from && Number(date.slice(0, 4)) <= RECEIPT_RANGE.lastYear;
}

/** A query value given once as a string; repeated or absent → undefined. */
function one(q: Record<string, unknown>, key: string): string | undefined {
  const v = q[key];
  return typeof v === 'string' ? v.trim() : undefined;
}

const isKind = (s: string | undefined): s is TimeLimitKind =>
  (TIME_LIMIT_KINDS as readonly string[]).includes(s ?? '');

/** A whole number 0–MAX_AMOUNT written with digits only ('1.5', '-1', '1e3' are not). */
function parseAmount(s: string): number | undefined {
  return /^\d{1,6}$/.test(s) && Number(s) <= MAX_AMOUNT ? Number(s) : undefined;
}

export type DueDateQuery = {
  receivedAt: Date;
  kind: TimeLimitKind;
  amount: number;
  after15: boolean;
  unit: string | undefined;
};

/** `GET /api/v1/calendar/due-date` query: receivedAt, kind, amount (optional for same_day), after15, unit. */
export function parseDueDateQuery(q: Record<string, unknown>): Parsed<DueDateQuery> {
  const fields: Record<string, string> = {};
  const receivedText = one(q, 'receivedAt');
  const receivedAt = receivedText ? parseInstant(receivedText) : undefined;
  if (!receivedText) {
    fields.receivedAt = m.api.receivedAtRequired;
  } else if (!receivedAt) {
    fields.receivedAt = m.api.receivedAtInvalid;
  } else if (!receiptInRange(receivedAt)) {
    fields.receivedAt = m.api.receivedAtRange;
  }
  const kind = one(q, 'kind');
  if (!isKind(kind)) {
    fields.kind = m.api.kindInvalid;
  }
  const amountText = one(q, 'amount');
  const amount =
    amountText === undefined || amountText === ''
      ? kind === 'same_day'
        ? 0
        : undefined
      : parseAmount(amountText);
  if (amount === undefined) {
    fields.amount = m.api.amountInvalid;
  }
  const after15Text = one(q, 'after15');
  const after15 =
    after15Text === undefined || after15Text === '' || after15Text === 'false' || after15Text === '0'
      ? false
      : after15Text === 'true' || after15Text === '1'
        ? true
        : undefined;
  if (after15 === undefined) {
    fields.after15 = m.api.after15Invalid;
  }
  const unit = one(q, 'unit');
  if (Object.keys(fields).length > 0 || !receivedAt || !isKind(kind) || amount === undefined) {
    return { ok: false, fields };
  }
  return {
    ok: true,
    value: { receivedAt, kind, amount, after15: after15 === true, unit: unit || undefined },
  };
}

/** A year 1976–2198 written with four digits, or undefined. */
export function parseYear(s: unknown): number | undefined {
  if (typeof s !== 'string' || !/^\d{4}$/.test(s.trim())) {
    return undefined;
  }
  const y = Number(s.trim());
  return y >= SUPPORTED_YEARS.min && y <= SUPPORTED_YEARS.max ? y : undefined;
}

/** 'YYYY-MM-DD' (a date input) or 'd/m/yyyy' (typed by hand) → LocalDate. */
export function parseDateText(s: string): LocalDate | undefined {
  const t = s.trim();
  if (isLocalDate(t)) {
    return t;
  }
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!vn) {
    return undefined;
  }
  const date = `${vn[3]}-${(vn[2] ?? '').padStart(2, '0')}-${(vn[1] ?? '').padStart(2, '0')}`;
  return isLocalDate(date) ? date : undefined;
}

/** 'HH:MM' or 'H:MM' (also 'H giờ MM' written 'Hh' or 'HhMM') → minutes since midnight, 00:00–23:59. */
export function parseTimeText(s: string): number | undefined {
  const m = /^(\d{1,2})(?::|h|g)(\d{2})?$/i.exec(s.trim());
  if (!m) {
    return undefined;
  }
  const [h, mi] = [Number(m[1]), Number(m[2] ?? '0')];
  return h <= 23 && mi <= 59 ? h * 60 + mi : undefined;
}

/** The citizen's form on /han-giai-quyet: ngay, gio, so, loai, sau15 (as typed, for re-display). */
export type DueDateFormValues = { ngay: string; gio: string; so: string; loai: string; sau15: boolean };

export function dueDateFormValues(q: Record<string, unknown>): DueDateFormValues {
  return {
    ngay: one(q, 'ngay') ?? '',
    gio: one(q, 'gio') ?? '',
    so: one(q, 'so') ?? '',
    loai: one(q, 'loai') ?? '',
    sau15: ['1', 'on', 'true'].includes(one(q, 'sau15') ?? ''),
  };
}

export function parseDueDateForm(
  v: DueDateFormValues,
): Parsed<{ receivedAt: Date; kind: TimeLimitKind; amount: number; after15: boolean }> {
  const p = m.dueDatePage;
  const fields: Record<string, string> = {};
  const date = v.ngay ? parseDateText(v.ngay) : undefined;
  const minutes = v.gio ? parseTimeText(v.gio) : undefined;
  if (!v.ngay) {
    fields.ngay = p.dateRequired;
  } else if (!date) {
    fields.ngay = p.dateInvalid;
  } else if (!receiptInRange(instantAt(date, 12 * 60))) {
    fields.ngay = p.dateRange;
  }
  if (!v.gio) {
    fields.gio = p.timeRequired;
  } else if (minutes === undefined) {
    fields.gio = p.timeInvalid;
  }
  const kind = isKind(v.loai) ? v.loai : undefined;
  if (!kind) {
    fields.loai = p.kindInvalid;
  }
  const amount = v.so === '' ? (kind === 'same_day' ? 0 : undefined) : parseAmount(v.so);
  if (amount === undefined) {
    fields.so = p.amountInvalid;
  }
  if (Object.keys(fields).length > 0 || !date || minutes === undefined || !kind || amount === undefined) {
    return { ok: false, fields };
  }
  return { ok: true, value: { receivedAt: instantAt(date, minutes), kind, amount, after15: v.sau15 } };
}

/* ---- Admin forms (zod; message codes → calendarMessages.admin / .hours via NOTICE_FORM_MESSAGES) ---- */

const optionalDate = z
  .string()
  .trim()
  .default('')
  .transform((s, ctx) => {
    if (s === '') {
      return null;
    }
    const d = parseDateText(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'date_invalid' });
      return z.NEVER;
    }
    return d;
  });

export const NoticeForm = z
  .object({
    year: z
      .string('year_invalid')
      .trim()
      .regex(/^\d{4}$/, 'year_invalid')
      .transform(Number)
      .refine((y) => y >= SUPPORTED_YEARS.min && y <= SUPPORTED_YEARS.max, 'year_invalid'),
    name: z.string('name_required').trim().min(1, 'name_required').max(200, 'too_long'),
    offFrom: optionalDate,
    offTo: optionalDate,
    makeUpWorkdays: z
      .string()
      .default('')
      .transform((s, ctx) => {
        const parts = s.split(/[,;\s]+/).filter((x) => x !== '');
        const dates = parts.map(parseDateText);
        if (dates.some((d) => d === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'make_up_invalid' });
          return z.NEVER;
        }
        return [...new Set(dates as string[])].sort(); // all defined: checked above
      }),
    confidence: z.enum(['sourced', 'unverified', 'unknown'], 'confidence_invalid'),
    note: z.string().trim().max(2000, 'too_long').default(''),
    source: z.string().trim().max(500, 'too_long').default(''),
  })
  .superRefine((v, ctx) => {
    if ((v.offFrom === null) !== (v.offTo === null)) {
      ctx.addIssue({ code: 'custom', path: [v.offFrom === null ? 'offFrom' : 'offTo'], message: 'off_both' });
    }
  });

export const NOTICE_FORM_MESSAGES: Readonly<Record<string, string>> = {
  year_invalid: m.admin.yearRequired,
  name_required: m.admin.nameRequired,
  date_invalid: m.admin.dateInvalid,
  off_both: m.admin.offBoth,
  make_up_invalid: m.admin.makeUpInvalid,
  confidence_invalid: m.admin.confidenceInvalid,
};

/** The holiday ids ticked in the form (unknown values dropped). */
export function coversOf(values: readonly string[]): HolidayId[] {
  return HOLIDAY_IDS.filter((id) => values.includes(id));
}

export const YearQuery = z.object({ nam: z.string().optional() });

export const IdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});

const clock = (required: boolean) =>
  z
    .string()
    .trim()
    .default('')
    .transform((s, ctx) => {
      if (s === '') {
        if (required) {
          ctx.addIssue({ code: 'custom', message: 'time_required' });
          return z.NEVER;
        }
        return null;
      }
      const t = parseTimeText(s);
      if (t === undefined) {
        ctx.addIssue({ code: 'custom', message: 'time_invalid' });
        return z.NEVER;
      }
      return t;
    });

/** The office-hours form: a morning session, an optional afternoon one, an optional Saturday receiving opening. */
export const OfficeHoursForm = z
  .object({
    morningStart: clock(true),
    morningEnd: clock(true),
    afternoonStart: clock(false),
    afternoonEnd: clock(false),
    saturday: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()),
    saturdayStart: clock(false),
    saturdayEnd: clock(false),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    // Both are required: the object parsed, so they are numbers.
    const [morningStart, morningEnd] = [v.morningStart ?? 0, v.morningEnd ?? 0];
    if (morningEnd <= morningStart) {
      issue('morningEnd', 'order');
    }
    if ((v.afternoonStart === null) !== (v.afternoonEnd === null)) {
      issue(v.afternoonStart === null ? 'afternoonStart' : 'afternoonEnd', 'afternoon_both');
    } else if (v.afternoonStart !== null && v.afternoonEnd !== null) {
      if (v.afternoonStart < morningEnd) {
        issue('afternoonStart', 'order');
      } else if (v.afternoonEnd <= v.afternoonStart) {
        issue('afternoonEnd', 'order');
      }
    }
    if (v.saturday) {
      if (v.saturdayStart === null) {
        issue('saturdayStart', 'time_required');
      } else if (v.saturdayEnd === null) {
        issue('saturdayEnd', 'time_required');
      } else if (v.saturdayEnd <= v.saturdayStart) {
        issue('saturdayEnd', 'order');
      }
    }
  });

export const OFFICE_HOURS_FORM_MESSAGES: Readonly<Record<string, string>> = {
  time_required: m.hours.timeRequired,
  time_invalid: m.hours.timeInvalid,
  order: m.hours.order,
  afternoon_both: m.hours.afternoonBoth,
};
