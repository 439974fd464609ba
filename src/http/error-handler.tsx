import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, NotFoundError, TooManyRequestsError } from '../platform/errors.js';
import { ErrorPage } from '../web/components/ErrorPage.js';
import { common } from '../web/messages.js';
import { render } from './render.js';

const TITLES: Record<number, string> = {
  400: common.errors.badRequestTitle,
  403: common.errors.forbiddenTitle,
  404: common.errors.notFoundTitle,
  413: common.errors.tooLargeTitle,
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
      message = `${err.message} Vui lòng thử lại sau ${Math.ceil(err.retryAfterSeconds / 60)} phút.`;
    }
  } else if (err instanceof ZodError) {
    status = req.method === 'GET' ? 404 : 400;
    message = status === 404 ? common.errors.notFoundBody : common.field.invalid;
    code = 'invalid_request';
  } else if (isFastifyError(err) && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    status = err.statusCode;
    code = err.code;
    message =
      status === 413
        ? 'Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.'
        : status === 415
          ? 'Định dạng dữ liệu gửi lên không được hỗ trợ.'
          : common.field.invalid;
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

function isFastifyError(err: unknown): err is FastifyError {
  return err instanceof Error && 'statusCode' in err;
}
