import { z } from 'zod';
import { ROLES } from './roles.js';

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
  fullName: z.string().trim().min(1, 'full_name_required').max(120, 'too_long'),
  email: z
    .string()
    .trim()
    .max(200, 'too_long')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'email_format'),
  password: z.string().min(10, 'password_short').max(200, 'too_long'),
  roles: roleList,
});
export type NewStaffForm = z.infer<typeof NewStaffForm>;

export const StaffRolesForm = z.object({ roles: roleList });

export const StaffStatusForm = z.object({ disabled: z.enum(['0', '1']) });

export const AccountIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
