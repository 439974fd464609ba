import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, NotFoundError, TooManyRequestsError } from '../platform/errors.js';
import { ErrorPage } from '../web/components/ErrorPage.js';
import { common } from '../web/messages.js';
import { HttpError } from './http-error.js';
import { httpMessages } from './http.messages.js';
import { render } from './render.js';

const TITLES: Record<number, string> = {
  400: common.errors.badRequestTitle,
  403: common.errors.forbiddenTitle,
  404: common.errors.notFoundTitle,
  413: common.errors.tooLargeTitle,
  414: common.errors.badRequestTitle,
  415: common.errors.badRequestTitle,
  429: common.errors.tooManyTitle,
};

const wantsJson = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/healthz';

function homeOf(req: FastifyRequest): string {
  return req.site ? `${req.site.basePath}/` : '/';
}

/**
 * The one place where errors become responses. Domain errors carry their status; a malformed id or page number
 * (ZodError from parsing params) is a 404 or 400, never a 500; anything unknown is logged with the request id, and
 * the user sees only that id. A 403 or 404 page is drawn inside the layout of the part of the site it belongs to
 * when a module registered a renderer for it (http/error-pages.ts), else on the bare error page.
 */
export async function handleError(
  err: unknown,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  let status = 500;
  let message: string = common.errors.serverBody;
  let code = 'internal';
  if (err instanceof AppError) {
    status = err.status;
    message = err.message;
    code = err.code;
    if (err instanceof TooManyRequestsError) {
      reply.header('retry-after', String(err.retryAfterSeconds));
      message = `${err.message} ${common.errors.retryAfter(Math.ceil(err.retryAfterSeconds / 60))}`;
    }
  } else if (isMalformedMultipart(err)) {
    status = 400;
    message = httpMessages.malformedForm;
    code = 'malformed_multipart';
  } else if (err instanceof ZodError) {
    status = req.method === 'GET' ? 404 : 400;
    message = status === 404 ? common.errors.notFoundBody : common.field.invalid;
    code = 'invalid_request';
  } else if (isFastifyError(err) && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    status = err.statusCode;
    code = err.code;
    message = FRAMEWORK_MESSAGES[err.code] ?? STATUS_MESSAGES[status] ?? common.field.invalid;
    if (err.code === 'FST_INVALID_JSON_FIELD_ERROR') {
      status = 400;
    }
  }
  if (status >= 500) {
    req.log.error({ err, reqId: req.id }, 'unhandled error');
  } else {
    req.log.info({ code, reqId: req.id }, message);
  }
  reply.code(status);
  if (wantsJson(req)) {
    return reply.send({ error: code, message, ...(status >= 500 ? { reference: req.id } : {}) });
  }
  const title = status >= 500 ? common.errors.serverTitle : (TITLES[status] ?? common.errors.badRequestTitle);
  if (status === 403 || status === 404) {
    const html = await req.server.errorPages.render(req, reply, { status, title, message });
    if (html !== null) {
      return reply.type('text/html; charset=utf-8').send(html);
    }
  }
  return render(
    reply,
    <ErrorPage
      status={status}
      title={title}
      message={message}
      reference={status >= 500 ? req.id : undefined}
      homeHref={homeOf(req)}
    />,
  );
}

/** No route for the URL: the same 404 page as a NotFoundError from a route. */
export function handleNotFound(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  return handleError(new NotFoundError('not_found', common.errors.notFoundBody), req, reply);
}

/**
 * Errors Fastify raises before any route runs (frameworkErrors: a URL it cannot decode, a path parameter past
 * maxParamLength): the same Vietnamese error page as everything else, not Fastify's English JSON.
 */
export function handleFrameworkError(
  err: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const mapped =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new HttpError(414, 'url_too_long', httpMessages.urlTooLong)
      : err.code === 'FST_ERR_BAD_URL'
        ? new HttpError(400, 'bad_url', httpMessages.badUrl)
        : err;
  return handleError(mapped, req, reply);
}

/** Messages for the 4xx errors of Fastify and @fastify/multipart, by their code. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_FILES_LIMIT: httpMessages.tooManyFiles,
  FST_FIELDS_LIMIT: httpMessages.tooManyFields,
  FST_PARTS_LIMIT: httpMessages.tooManyFields,
  FST_REQ_FILE_TOO_LARGE: httpMessages.tooLarge,
  FST_PROTO_VIOLATION: httpMessages.malformedForm,
  FST_INVALID_JSON_FIELD_ERROR: httpMessages.malformedForm,
  FST_MP_PREMATURE_CLOSE: httpMessages.malformedForm,
};

const STATUS_MESSAGES: Record<number, string> = {
  413: httpMessages.tooLarge,
  415: httpMessages.unsupportedType,
};

/** busboy's parse errors are plain Errors without a status ("Multipart: Boundary not found", …). */
function isMalformedMultipart(err: unknown): boolean {
  return (
    err instanceof Error &&
    !('statusCode' in err) &&
    /^(Multipart: |Unexpected end of (multipart data|form)|Malformed part header|Part terminated early|Malformed urlencoded form)/.test(
      err.message,
    )
  );
}

function isFastifyError(err: unknown): err is FastifyError {
  return err instanceof Error && 'statusCode' in err;
}
