import { z } from 'zod';
import { requiredText } from '../../platform/required-text.js';

/*
 * The forms of citizens' accounts (issue #3 item 3). Messages are codes, mapped to Vietnamese in
 * citizen-accounts.messages.ts (fieldErrors in web/components/form-errors.ts).
 */

/**
 * Shortest password of a citizen account: 10 characters (NIST SP 800-63B §5.1.1.2 asks at least 8 for a password the
 * person chooses; congxa asks 10, short enough to type on a phone). No composition rules; up to 200 characters.
 */
export const MIN_CITIZEN_PASSWORD_LENGTH = 10;

/** A citizen ID (căn cước / số định danh cá nhân): exactly 12 digits, spaces ignored. */
const IdNumber = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, 'id_number_format'));

/** A Vietnamese phone number: 10 digits starting with 0, or +84 and 9 digits; spaces, dots and dashes ignored. */
const Phone = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(0\d{9}|\+84\d{9})$/, 'mobile_format'))
  .transform((s) => (s.startsWith('+84') ? `0${s.slice(3)}` : s));

export const CitizenSignUpForm = z
  .object({
    fullName: z.string('full_name_required').pipe(requiredText(120, 'full_name_required')),
    idNumber: z.string('id_number_format').pipe(IdNumber),
    phone: z.string('mobile_format').pipe(Phone),
    email: z
      .string()
      .trim()
      .max(254, 'email_format')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'email_format')
      .default('')
      .transform((v) => (v === '' ? null : v)),
    password: z
      .string('citizen_password_short')
      .min(MIN_CITIZEN_PASSWORD_LENGTH, 'citizen_password_short')
      .max(200, 'too_long'),
    passwordConfirm: z.string().default(''),
    tiep: z.string().optional(),
  })
  .refine((f) => f.password === f.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'password_mismatch',
    // Said together with the other fields' problems, unless the password itself is the problem.
    when: (payload) => payload.issues.every((i) => i.path?.[0] !== 'password'),
  });
export type CitizenSignUpForm = z.infer<typeof CitizenSignUpForm>;

export const CitizenSignInForm = z.object({
  idNumber: z.string('id_number_required').trim().min(1, 'id_number_required').max(40, 'too_long'),
  password: z.string('password_required').min(1, 'password_required').max(200, 'too_long'),
  tiep: z.string().optional(),
});
