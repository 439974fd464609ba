import { z } from 'zod';
import { StrictId } from '../../http/ids.js';
import { requiredText } from '../../platform/required-text.js';
import { ROLES } from './roles.js';

/**
 * Shortest password a staff account may be given: 12 characters, the minimum of OWASP ASVS 4.0.3 V2.1.1 (NIST
 * SP 800-63B §5.1.1.2 asks 8); no composition rules, and up to 200 characters so passphrases fit.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** The sign-in form. Message codes map to Vietnamese in accounts.messages.ts. */
export const SignInForm = z.object({
  username: z.string().trim().min(1, 'username_required').max(100, 'too_long'),
  password: z.string().min(1, 'password_required').max(200, 'too_long'),
  tiep: z.string().optional(),
});
export type SignInForm = z.infer<typeof SignInForm>;

const roleList = z
  .array(z.enum(ROLES, 'role_invalid'))
  .min(1, 'roles_required')
  .transform((roles) => [...new Set(roles)]);

/** The form that creates a staff account in the request's unit. */
export const NewStaffForm = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'username_format'),
  fullName: requiredText(120, 'full_name_required'),
  email: z
    .string()
    .trim()
    .max(200, 'too_long')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'email_format'),
  password: z.string().min(MIN_PASSWORD_LENGTH, 'password_short').max(200, 'too_long'),
  roles: roleList,
});
export type NewStaffForm = z.infer<typeof NewStaffForm>;

export const StaffRolesForm = z.object({ roles: roleList });

export const StaffStatusForm = z.object({ disabled: z.enum(['0', '1']) });

export const AccountIdParams = z.object({ id: StrictId });

/** Longest life of an API token, in days (ten years); without `days` a token does not expire. */
export const MAX_API_TOKEN_DAYS = 3650;

/** A new API token: its label and, optionally, how many days it lasts (the form and `congxa token create`). */
export const NewApiTokenForm = z.object({
  name: z.string('token_name_required').pipe(requiredText(100, 'token_name_required')),
  days: z
    .string()
    .trim()
    .default('')
    .transform((s, ctx) => {
      const days = /^\d{1,4}$/.test(s) ? Number(s) : s === '' ? null : NaN;
      if (days !== null && !(days >= 1 && days <= MAX_API_TOKEN_DAYS)) {
        ctx.addIssue({ code: 'custom', message: 'token_days_invalid' });
        return z.NEVER;
      }
      return days;
    }),
});
export type NewApiTokenForm = z.infer<typeof NewApiTokenForm>;
