import { z } from 'zod';
import type { FieldErrors } from '../../web/components/form-errors.js';
import type { ProcedureDocument } from '../procedures/procedures.model.js';
import { RETURN_METHODS, type ReturnMethod } from './dossier-workflow.js';
import { dossierMessages } from './dossiers.messages.js';
import { Email, IdNumber, Phone } from './dossiers.schemas.js';
import { onlineMessages } from './online.messages.js';

/*
 * The online form's values (issue #3 item 3). A draft keeps them as typed (only their length is bounded); a
 * submission must pass OnlineSubmission and carry a file for every required document. Messages are the Vietnamese
 * text shown at the field.
 */

const m = { ...dossierMessages.field, ...onlineMessages.field };

/** The text fields of the online form, as typed. */
export type OnlineValues = {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  requestSummary: string;
  returnMethod: string;
};
export const ONLINE_TEXT_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'email',
  'address',
  'requestSummary',
  'returnMethod',
] as const satisfies readonly (keyof OnlineValues)[];

/** Longest value a draft keeps of each field (the submission's own limits are the same or tighter). */
const DRAFT_LIMITS: Readonly<Record<keyof OnlineValues, number>> = {
  name: 200,
  idNumber: 40,
  phone: 40,
  email: 254,
  address: 500,
  requestSummary: 2000,
  returnMethod: 20,
};

/** The form key generated when the form is first shown: the dossier's idempotency key. */
export const FormKey = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

/** The file field of the procedure's document at `index` (http/uploads.ts ONLINE_FILE_FIELDS). */
export const docField = (index: number): string => `doc-${index}`;

/** The text fields of a posted form (missing ones empty; arrays and files ignored). */
export function onlineValuesOf(body: unknown): OnlineValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === 'string' ? b[k] : '');
  return {
    name: text('name'),
    idNumber: text('idNumber'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    requestSummary: text('requestSummary'),
    returnMethod: text('returnMethod'),
  };
}

/** Fields too long to keep even in a draft. */
export function draftErrors(values: OnlineValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const k of ONLINE_TEXT_FIELDS) {
    if (values[k].length > DRAFT_LIMITS[k]) {
      errors[k] = k === 'address' ? m.addressLong : k === 'requestSummary' ? m.summary : m.tooLong;
    }
  }
  return errors;
}

export const OnlineSubmission = z.object({
  name: z.string().trim().min(1, m.applicantName).max(200, m.applicantNameLong),
  idNumber: z.string().trim().min(1, m.idNumberRequired).pipe(IdNumber),
  phone: z.string().trim().min(1, m.phoneRequired).pipe(Phone),
  email: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(Email.nullable()),
  address: z.string().trim().min(1, m.address).max(500, m.addressLong),
  requestSummary: z.string().trim().max(2000, m.summary),
  returnMethod: z.enum(RETURN_METHODS, m.returnMethod),
});
export type OnlineSubmission = z.infer<typeof OnlineSubmission>;

/**
 * Everything wrong with a submission at once: each field's first problem, and each required document without a file
 * named at its own file field (`present`: the indexes of the documents that have one).
 */
export function checkSubmission(
  documents: readonly ProcedureDocument[],
  values: OnlineValues,
  present: ReadonlySet<number>,
): { ok: true; data: OnlineSubmission } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = OnlineSubmission.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      errors[field] ??= issue.message;
    }
  }
  documents.forEach((d, i) => {
    if (d.required && !present.has(i)) {
      errors[docField(i)] = m.missingDocument(d.name);
    }
  });
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, data: parsed.data }
    : { ok: false, errors };
}

/** The return method a new form proposes: electronic for a fully online procedure, at the counter otherwise. */
export const defaultReturnMethod = (level: 'toan_trinh' | 'mot_phan'): ReturnMethod =>
  level === 'toan_trinh' ? 'electronic' : 'counter';
