import type { FastifyReply } from 'fastify';
import { ErrorPage } from '../web/components/ErrorPage.js';
import { common } from '../web/messages.js';
import { isApiPath } from './auth.js';
import { render } from './render.js';

/**
 * The 403 page for a form sent without a valid CSRF token: it explains what to do (reload, send again). On /api/
 * (a cookie-authenticated call without its token) the same refusal as JSON.
 */
export function refuseCsrf(reply: FastifyReply): FastifyReply {
  reply.code(403);
  if (isApiPath(reply.request.url)) {
    return reply.send({ error: 'csrf_invalid', message: common.errors.csrfBody });
  }
  return render(
    reply,
    <ErrorPage status={403} title={common.errors.csrfTitle} message={common.errors.csrfBody} homeHref="/" />,
  );
}
