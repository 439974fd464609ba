/** Domain errors carry a stable snake_case code; the HTTP edge maps them to a status once (http/error-handler). */
export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
export class NotFoundError extends AppError {
  readonly status = 404;
}
export class ForbiddenError extends AppError {
  readonly status = 403;
}
/** The request is valid but the record is in the wrong state for it. */
export class ConflictError extends AppError {
  readonly status = 409;
}
/** Too many attempts; `retryAfterSeconds` goes into the Retry-After header. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
/**
 * A form value a service refused after the form itself parsed (e.g. a slug already used in the unit). Routes catch
 * it and show `message` at the field `field` with status 422; uncaught it still renders as a 422 page.
 */
export class FieldError extends AppError {
  readonly status = 422;
  constructor(
    readonly field: string,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}
