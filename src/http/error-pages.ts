import type { FastifyReply, FastifyRequest } from 'fastify';

/** What an error page says; the status is already set on the reply. */
export type ErrorPageContent = { status: number; title: string; message: string };

/**
 * Renders an error page inside the layout of the part of the site the request was for (a unit's portal, the admin),
 * or answers null when it does not know that part, so the next renderer (in the end the bare error page) is used.
 */
export type ErrorPageRenderer = (
  req: FastifyRequest,
  reply: FastifyReply,
  page: ErrorPageContent,
) => Promise<string | null>;

/**
 * The renderers modules register for their error pages (`app.errorPages.register(...)` from their routes). The
 * edge (http/error-handler.tsx) asks them in order; a renderer that fails is logged and skipped, so an error page
 * never turns into a 500.
 */
export class ErrorPages {
  private readonly renderers: ErrorPageRenderer[] = [];

  register(renderer: ErrorPageRenderer): void {
    this.renderers.push(renderer);
  }

  async render(req: FastifyRequest, reply: FastifyReply, page: ErrorPageContent): Promise<string | null> {
    for (const renderer of this.renderers) {
      try {
        const html = await renderer(req, reply, page);
        if (html !== null) {
          return html;
        }
      } catch (err) {
        req.log.error({ err, reqId: req.id }, 'error page renderer failed');
      }
    }
    return null;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    errorPages: ErrorPages;
  }
}
