import { z } from 'zod';
import { RESERVED_SLUGS } from './unit-directory.js';

const optionalText = (max: number) => z.string().trim().max(max, 'too_long');

/** A unit slug: lower-case letters, digits and hyphens, not one of the reserved first path segments. */
export const UnitSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug_format')
  .max(60, 'too_long')
  .refine((s) => !RESERVED_SLUGS.has(s), 'slug_reserved');

/** The agency's electronic identifier code (Circular 10/2016/TT-BTTTT), e.g. 000.00.13.H12. */
export const AgencyCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/, 'agency_code_format');

export const UnitInput = z.object({
  slug: UnitSlug,
  name: z.string().trim().min(1, 'required').max(200, 'too_long'),
  fullName: z.string().trim().min(1, 'required').max(300, 'too_long'),
  kind: z.enum(['province', 'district', 'commune'], 'kind_invalid'),
  parentId: z.number().int().positive().nullable(),
  adminCode: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/, 'admin_code_format')
    .nullable(),
  agencyCode: AgencyCode.nullable(),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+$/, 'host_format')
    .nullable(),
  isDefault: z.boolean(),
  isDemo: z.boolean(),
});
export type UnitInput = z.infer<typeof UnitInput>;

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** The portal settings form (name, footer contacts, editor-in-chief, host). */
export const PortalSettingsForm = z.object({
  fullName: z.string().trim().min(1, 'required').max(300, 'too_long'),
  address: optionalText(300),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{0,20}$/, 'phone_format'),
  // A refine rather than a union, so the message code reaches the field (a union reports only "invalid input").
  email: z
    .string()
    .trim()
    .max(200, 'too_long')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'email_format'),
  editorName: optionalText(120),
  editorTitle: optionalText(120),
  agencyCode: z.preprocess(emptyToNull, AgencyCode.nullable()),
  adminCode: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .regex(/^\d{2,5}$/, 'admin_code_format')
      .nullable(),
  ),
  host: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]+$/, 'host_format')
      .nullable(),
  ),
});
export type PortalSettingsForm = z.infer<typeof PortalSettingsForm>;
