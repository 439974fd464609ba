import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Deps } from '../deps.js';
import { adminPaths, portalPaths } from '../http/paths.js';
import { render, renderDocument } from '../http/render.js';
import { siteOf } from '../http/site.js';
import { NotFoundError } from '../platform/errors.js';
import { adminNav, otherUnitLinks, type AdminArea } from './admin-nav.js';
import { AdminLayout, type AdminShell } from './AdminLayout.js';
import { common } from './messages.js';

export { siteOf };

/** The signed-in actor; only call after a requireRole guard. */
export function actorOf(req: FastifyRequest) {
  if (!req.actor) {
    throw new NotFoundError('no_actor', common.errors.notSignedIn);
  }
  return req.actor;
}

/** The layout data for a signed-in admin page of the request's unit. */
export function adminShell(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<Deps, 'csrf' | 'directory'>,
  area: AdminArea | null,
): AdminShell {
  const site = siteOf(req);
  const actor = actorOf(req);
  const base = site.basePath;
  return {
    unitName: site.unit.name,
    actorName: actor.name,
    accountHref: adminPaths.account(base),
    nav: adminNav(actor, site.unit.id, base, area),
    otherUnits: otherUnitLinks(
      actor,
      site.unit.id,
      deps.directory.all().map((u) => ({ id: u.id, name: u.name, basePath: deps.directory.basePathOf(u) })),
    ),
    signOutHref: adminPaths.signOut(base),
    publicHref: portalPaths.home(base),
    csrfToken: deps.csrf.tokenFor(req, reply),
    cspNonce: req.cspNonce,
  };
}

/**
 * 403 and 404 pages of the admin for a signed-in actor, inside the admin layout (the menu shows what they may open,
 * and the admin of their other units); without an actor the bare error page is used.
 */
export function registerAdminErrorPages(app: FastifyInstance, deps: Pick<Deps, 'csrf' | 'directory'>): void {
  app.errorPages.register(async (req, reply, { title, message }) => {
    if (!req.site || !req.actor || !isAdminUrl(req.url)) {
      return null;
    }
    const shell = adminShell(req, reply, deps, null);
    const back = shell.nav.length > 0 ? adminPaths.dashboard(req.site.basePath) : shell.publicHref;
    return renderDocument(
      <AdminLayout
        title={title}
        shell={shell}
        unitName={shell.unitName}
        publicHref={shell.publicHref}
        cspNonce={shell.cspNonce}
      >
        <div class="narrow">
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <a href={back}>{shell.nav.length > 0 ? common.errors.backToAdmin : common.errors.backHome}</a>
          </p>
        </div>
      </AdminLayout>,
    );
  });
}

const isAdminUrl = (url: string) => /^\/quan-tri(\/|\?|$)/.test(url);

/** Renders a signed-in admin page inside the admin layout. */
export function renderAdmin(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<Deps, 'csrf' | 'directory'>,
  page: { title: string; area: AdminArea | null; editor?: boolean; status?: number },
  children: (shell: AdminShell) => ComponentChildren,
): FastifyReply {
  const shell = adminShell(req, reply, deps, page.area);
  if (page.status) {
    reply.code(page.status);
  }
  return render(
    reply,
    <AdminLayout
      title={page.title}
      shell={shell}
      unitName={shell.unitName}
      publicHref={shell.publicHref}
      cspNonce={shell.cspNonce}
      editor={page.editor}
    >
      {children(shell)}
    </AdminLayout>,
  );
}
