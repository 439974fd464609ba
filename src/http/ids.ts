import { z } from 'zod';

/** The largest id a PostgreSQL `integer` (serial) column holds. */
const MAX_ID = 2_147_483_647;

/**
 * A record id in a URL: plain decimal digits without sign, spaces, leading zeros, exponent or hex (so `/16` is the
 * only spelling of 16; `z.coerce.number` also took `0x10`, ` 16` and `1e1`), within the integer column's range.
 * A parse failure is a ZodError, which the error handler answers with 404 (GET) or 400.
 */
export const StrictId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(MAX_ID));

/** Route params with one `:id`. */
export const IdParams = z.object({ id: StrictId });
