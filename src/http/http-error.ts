import { AppError } from '../platform/errors.js';

/** An error the HTTP edge itself raises (bad URL, NUL byte, multipart where none is taken), with its status. */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}
