import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { adminPaths } from '../../../http/paths.js';
import { hasRole } from '../../accounts/actor.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { actorOf, registerAdminErrorPages, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import { adminMessages } from './admin.messages.js';
import { toArticleRows } from './admin.presenter.js';
import { articleAdminRoutes } from './admin-articles.routes.js';
import { contentAdminRoutes } from './admin-content.routes.js';
import { mediaAdminRoutes } from './admin-media.routes.js';
import { DashboardPage } from './views/DashboardPage.js';

/** The unit's admin: the dashboard here, then articles, categories, pages and the image library. */
export function adminRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, portalAdmin } = deps;
  registerAdminErrorPages(app, deps);

  app.get(
    adminPaths.dashboard(''),
    { preHandler: requireRole(accounts, ADMIN_AREAS.dashboard.roles) },
    async (req, reply) => {
      const site = siteOf(req);
      const unitId = site.unit.id;
      const editor = hasRole(actorOf(req), unitId, ADMIN_AREAS.articles.roles);
      const counts = editor
        ? await Promise.all([
            portalAdmin.articles.countByStatus(unitId),
            portalAdmin.categories.count(unitId),
            portalAdmin.pages.count(unitId),
            portalAdmin.media.count(unitId),
          ]).then(([byStatus, categories, pages, media]) => ({
            published: byStatus.published,
            drafts: byStatus.draft,
            categories,
            pages,
            media,
          }))
        : null;
      const latest = editor ? toArticleRows(await portalAdmin.articles.latest(unitId, 8), site.basePath) : [];
      return renderAdmin(
        req,
        reply,
        deps,
        { title: adminMessages.dashboard.title, area: 'dashboard' },
        () => (
          <DashboardPage
            counts={counts}
            latest={latest}
            newArticleHref={editor ? adminPaths.articleNew(site.basePath) : null}
          />
        ),
      );
    },
  );

  articleAdminRoutes(app, deps);
  contentAdminRoutes(app, deps);
  mediaAdminRoutes(app, deps);
}
