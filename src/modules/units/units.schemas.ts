import { z } from 'zod';
import { requiredText } from '../../platform/required-text.js';
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

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})+$`);

/**
 * A unit's own host name (`congxa unit set-host`): a fully qualified DNS name in lower-case ASCII (an IDN in its
 * xn-- form), with at least two labels. Refused: localhost and *.localhost, and IP literals (an all-digit last
 * label, as in 127.0.0.1; IPv6 never matches the pattern), since those reach the deployment itself. The host of
 * PUBLIC_URL and hosts of other units are refused by the service, which knows them.
 */
export const UnitHost = z
  .string()
  .trim()
  .toLowerCase()
  .transform((h) => h.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .refine((h) => h !== 'localhost' && !h.endsWith('.localhost'), 'host_local')
      .refine((h) => !/^\d+$/.test(h.slice(h.lastIndexOf('.') + 1)) && !h.includes(':'), 'host_ip')
      .max(253, 'host_format')
      .regex(HOST_NAME, 'host_format'),
  );

export const UnitInput = z.object({
  slug: UnitSlug,
  name: requiredText(200, 'required'),
  fullName: requiredText(300, 'required'),
  kind: z.enum(['province', 'district', 'commune'], 'kind_invalid'),
  parentId: z.number().int().positive().nullable(),
  adminCode: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/, 'admin_code_format')
    .nullable(),
  agencyCode: AgencyCode.nullable(),
  host: UnitHost.nullable(),
  isDefault: z.boolean(),
  isDemo: z.boolean(),
});
export type UnitInput = z.infer<typeof UnitInput>;

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/**
 * The portal settings form (name, footer contacts, editor-in-chief, codes). The host name is not here: it decides
 * which unit a request reaches, so only the deployment's operator sets it (`congxa unit set-host`).
 */
export const PortalSettingsForm = z.object({
  fullName: requiredText(300, 'required'),
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
});
export type PortalSettingsForm = z.infer<typeof PortalSettingsForm>;
