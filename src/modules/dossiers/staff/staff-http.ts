/* What the staff route files share: the roles, the intake's file fields, query and form helpers. */
import type { ZodError } from 'zod';
import { common } from '../../../web/messages.js';
import type { FieldErrors } from '../../../web/components/form-errors.js';
import type { Role } from '../../accounts/roles.js';

/** Who works on dossiers: the one-stop officer, specialists, leaders, and those who inspect (read only). */
export const DOSSIER_ROLES: readonly Role[] = [
  'one_stop_officer',
  'specialist',
  'leader',
  'cchc_focal_point',
  'inspector',
];
/** The file fields of the intake form: one scan per document, for up to this many documents. */
export const INTAKE_FILE_FIELDS = Array.from({ length: 8 }, (_, i) => `file${i}`);

export const one = (query: unknown, key: string): string => {
  const v = (query as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : '';
};
export const pick = <T extends string>(list: readonly T[], v: string): T | undefined =>
  (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The form field a service FieldError or a zod path belongs to. */
export const INTAKE_FIELD: Record<string, string> = {
  'applicant.name': 'applicantName',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address': 'address',
};
export function zodErrors(error: ZodError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const field = prefix + (INTAKE_FIELD[path] ?? String(issue.path[0] ?? '_form'));
    // zod's own (English) message means the field was missing or of the wrong type.
    out[field] ??= issue.message.startsWith('Invalid input') ? common.field.required : issue.message;
  }
  return out;
}
