import type { ZodError } from 'zod';
import { common } from '../messages.js';

/** Messages to show at form fields, keyed by field name (the field's id, so the error summary can link to it). */
export type FieldErrors = Record<string, string>;
/** What the user typed, to put back into the form. */
export type FormValues = Record<string, string>;

/**
 * Field messages from a failed zod parse. Schemas use message codes ('required', 'slug_format'); the catalogue maps
 * `field.code` or `code` to Vietnamese text. A missing field (zod's own English message) reads as "required".
 */
export function fieldErrors(error: ZodError, messages: Readonly<Record<string, string>>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field] !== undefined) {
      continue;
    }
    const known =
      messages[`${field}.${issue.message}`] ?? messages[issue.message] ?? fieldMessage(issue.message);
    out[field] = known ?? (issue.code === 'invalid_type' ? common.field.required : common.field.invalid);
  }
  return out;
}

function fieldMessage(code: string): string | undefined {
  return (common.field as Record<string, string>)[code];
}

/** The text fields of a parsed form body (urlencoded or multipart), for re-display. Files and arrays are left out. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' && k !== '_csrf') {
        out[k] = v;
      }
    }
  }
  return out;
}

/** A field that may be sent several times (checkboxes with one name), as a list of strings. */
export function formList(body: unknown, key: string): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof v === 'string') {
    return [v];
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
