import type { FastifyReply } from 'fastify';
import { ErrorPage } from '../web/components/ErrorPage.js';
import { common } from '../web/messages.js';
import { render } from './render.js';

/** The 403 page for a form sent without a valid CSRF token: it explains what to do (reload, send again). */
export function refuseCsrf(reply: FastifyReply): FastifyReply {
  reply.code(403);
  return render(
    reply,
    <ErrorPage status={403} title={common.errors.csrfTitle} message={common.errors.csrfBody} homeHref="/" />,
  );
}
