import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { adminPaths } from '../../../http/paths.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { renderAdmin, siteOf } from '../../../web/admin-shell.js';
import { adminMessages } from './admin.messages.js';
import { categoryFormValues, pageFormValues } from './admin.presenter.js';
import { CategoryForm, PageForm } from './admin.schemas.js';
import { recordDeleteRoutes, recordFormRoutes, type RecordPaths } from './record-routes.js';
import { CategoryFormPage, CategoryListPage } from './views/CategoryPages.js';
import { PageFormPage, PageListPage } from './views/StaticPagePages.js';

/** Categories and static pages of the request's unit. */
export function contentAdminRoutes(app: FastifyInstance, deps: Deps): void {
  categoryRoutes(app, deps);
  pageRoutes(app, deps);
}

const categoryPaths: RecordPaths = {
  list: adminPaths.categories,
  create: adminPaths.categoryNew,
  edit: adminPaths.categoryEdit,
  remove: adminPaths.categoryDelete,
};

function categoryRoutes(app: FastifyInstance, deps: Deps): void {
  const { categories } = deps.portalAdmin;
  const m = adminMessages.categories;
  const guard = { preHandler: requireRole(deps.accounts, ADMIN_AREAS.categories.roles) };

  app.get(adminPaths.categories(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const rows = await categories.list(site.unit.id);
    return renderAdmin(req, reply, deps, { title: m.title, area: 'categories' }, () => (
      <CategoryListPage
        newHref={adminPaths.categoryNew(site.basePath)}
        rows={rows.map((c) => ({
          id: c.id,
          name: c.name,
          slug: c.slug,
          position: c.position,
          showOnHome: c.showOnHome === 1,
          showInMenu: c.showInMenu === 1,
          href: adminPaths.categoryEdit(site.basePath, c.id),
        }))}
      />
    ));
  });

  recordFormRoutes(app, deps, guard, {
    area: 'categories',
    editRoute: '/quan-tri/chuyen-muc/:id',
    paths: categoryPaths,
    messages: m,
    schema: CategoryForm,
    blank: { position: '0', showInMenu: '1', showOnHome: '1' },
    load: async (unitId, id) => categoryFormValues(await categories.get(unitId, id)),
    save: (actor, unitId, id, data, ip) => categories.save(actor, unitId, id, data, ip),
    Form: CategoryFormPage,
  });

  recordDeleteRoutes(app, deps, guard, {
    area: 'categories',
    route: '/quan-tri/chuyen-muc/:id/xoa',
    paths: categoryPaths,
    messages: m,
    titleOf: async (unitId, id) => (await categories.get(unitId, id)).name,
    remove: (actor, unitId, id, ip) => categories.remove(actor, unitId, id, ip),
  });
}

const pagePaths: RecordPaths = {
  list: adminPaths.pages,
  create: adminPaths.pageNew,
  edit: adminPaths.pageEdit,
  remove: adminPaths.pageDelete,
};

function pageRoutes(app: FastifyInstance, deps: Deps): void {
  const { pages } = deps.portalAdmin;
  const m = adminMessages.pages;
  const guard = { preHandler: requireRole(deps.accounts, ADMIN_AREAS.pages.roles) };

  app.get(adminPaths.pages(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const rows = await pages.list(site.unit.id);
    return renderAdmin(req, reply, deps, { title: m.title, area: 'pages' }, () => (
      <PageListPage
        newHref={adminPaths.pageNew(site.basePath)}
        rows={rows.map((p) => ({
          id: p.id,
          title: p.title,
          slug: p.slug,
          position: p.position,
          showInMenu: p.showInMenu === 1,
          href: adminPaths.pageEdit(site.basePath, p.id),
        }))}
      />
    ));
  });

  recordFormRoutes(app, deps, guard, {
    area: 'pages',
    editRoute: '/quan-tri/trang/:id',
    paths: pagePaths,
    messages: m,
    editor: true,
    schema: PageForm,
    blank: { position: '0', showInMenu: '1' },
    load: async (unitId, id) => pageFormValues(await pages.get(unitId, id)),
    save: (actor, unitId, id, data, ip) => pages.save(actor, unitId, id, data, ip),
    Form: PageFormPage,
  });

  recordDeleteRoutes(app, deps, guard, {
    area: 'pages',
    route: '/quan-tri/trang/:id/xoa',
    paths: pagePaths,
    messages: m,
    titleOf: async (unitId, id) => (await pages.get(unitId, id)).title,
    remove: (actor, unitId, id, ip) => pages.remove(actor, unitId, id, ip),
  });
}
