import { z } from 'zod';
import { dossierMessages as m } from './dossiers.messages.js';
import { ACTIONS, RETURN_METHODS } from './dossier-workflow.js';

/* What forms and the API may send about dossiers. Messages are the Vietnamese text shown at the field. */

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyToNull, schema.nullable().default(null));

/** A citizen ID (căn cước / số định danh cá nhân): exactly 12 digits. */
export const IdNumber = z
  .string()
  .trim()
  .regex(/^\d{12}$/, m.field.idNumber);
/** A Vietnamese phone number as people write it: 10 digits starting with 0, or +84 and 9 digits; spaces and dots ignored. */
export const Phone = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(0\d{9}|\+84\d{9})$/, m.field.phone))
  .transform((s) => (s.startsWith('+84') ? `0${s.slice(3)}` : s));
export const Email = z.string().trim().max(254, m.field.email).pipe(z.email(m.field.email));

export const ApplicantInput = z
  .object({
    name: z.string().trim().min(1, m.field.applicantName).max(200, m.field.applicantNameLong),
    idNumber: optional(IdNumber),
    phone: optional(Phone),
    email: optional(Email),
    address: z.string().trim().max(500, m.field.address).default(''),
  })
  .refine((a) => a.phone !== null || a.email !== null, { message: m.field.contactRequired, path: ['phone'] });
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const IntakeInput = z.object({
  procedureCode: z.string().trim().min(1, m.field.procedure).max(40, m.field.procedure),
  channel: z.enum(['counter', 'post'], m.field.channel).default('counter'),
  applicant: ApplicantInput,
  requestSummary: z.string().trim().max(2000, m.field.summary).default(''),
  /** Names of the procedure's documents the officer ticked as provided. */
  provided: z.array(z.string().max(500)).max(100).default([]),
  sets: z.coerce
    .number({ error: m.field.sets })
    .int(m.field.sets)
    .min(1, m.field.sets)
    .max(20, m.field.sets)
    .default(1),
  returnMethod: z.enum(RETURN_METHODS, m.field.returnMethod).default('counter'),
  idempotencyKey: optional(z.string().trim().max(100)),
});
export type IntakeInput = z.infer<typeof IntakeInput>;

const Reason = z.string().trim().max(2000, m.field.reason);

export const ActionInput = z.object({
  action: z.enum(ACTIONS),
  version: z.coerce.number({ error: m.field.version }).int(m.field.version).min(1, m.field.version),
  reason: optional(Reason),
  assigneeId: optional(
    z.coerce.number({ error: m.field.assignee }).int(m.field.assignee).positive(m.field.assignee),
  ),
  /** Supplement: the documents the citizen must add. */
  documents: z.array(z.string().trim().max(500)).max(50).default([]),
  /** Apology: the new appointment, local 'YYYY-MM-DDTHH:mm' (a datetime-local input) or ISO 8601 with offset. */
  newDueAt: optional(z.string().trim().max(40)),
  returnedVia: optional(z.enum(RETURN_METHODS, m.field.returnMethod)),
  feeVnd: optional(
    z.coerce
      .number({ error: m.field.fee })
      .int(m.field.fee)
      .min(0, m.field.fee)
      .max(1_000_000_000, m.field.fee),
  ),
  feeMethod: optional(z.enum(['cash', 'transfer', 'online'], m.field.feeMethod)),
});
export type ActionInput = z.infer<typeof ActionInput>;
