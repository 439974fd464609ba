import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { adminPaths } from '../../../http/paths.js';
import { ConflictError, FieldError } from '../../../platform/errors.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import { adminMessages } from './admin.messages.js';
import { categoryFormValues, pageFormValues } from './admin.presenter.js';
import { CategoryForm, IdParams, PageForm } from './admin.schemas.js';
import { CategoryFormPage, CategoryListPage } from './views/CategoryPages.js';
import { ConfirmDeletePage } from './views/ConfirmDeletePage.js';
import { PageFormPage, PageListPage } from './views/StaticPagePages.js';

const f = adminMessages.fields;

/** Categories and static pages of the request's unit. */
export function contentAdminRoutes(app: FastifyInstance, deps: Deps): void {
  categoryRoutes(app, deps);
  pageRoutes(app, deps);
}

function categoryRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, portalAdmin } = deps;
  const m = adminMessages.categories;
  const guard = { preHandler: requireRole(accounts, ADMIN_AREAS.categories.roles) };

  app.get(adminPaths.categories(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const rows = await portalAdmin.categories.list(site.unit.id);
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

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    const heading = id === null ? m.newTitle : m.editTitle;
    return renderAdmin(req, reply, deps, { title: heading, area: 'categories', status }, (shell) => (
      <CategoryFormPage
        heading={heading}
        action={id === null ? adminPaths.categoryNew(base) : adminPaths.categoryEdit(base, id)}
        csrfToken={shell.csrfToken}
        values={values}
        errors={errors}
        backHref={adminPaths.categories(base)}
        deleteHref={id === null ? null : adminPaths.categoryDelete(base, id)}
      />
    ));
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = CategoryForm.safeParse(values);
    if (!form.success) {
      return formPage(req, reply, id, values, fieldErrors(form.error, f), 422);
    }
    try {
      await portalAdmin.categories.save(actorOf(req), site.unit.id, id, form.data, req.ip);
    } catch (err) {
      if (err instanceof FieldError) {
        return formPage(req, reply, id, values, { [err.field]: err.message }, 422);
      }
      throw err;
    }
    return reply.redirect(adminPaths.categories(site.basePath), 303);
  };

  app.get(adminPaths.categoryNew(''), guard, async (req, reply) =>
    formPage(req, reply, null, { position: '0', showInMenu: '1', showOnHome: '1' }, {}),
  );
  app.post(adminPaths.categoryNew(''), guard, async (req, reply) => save(req, reply, null));

  app.get('/quan-tri/chuyen-muc/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const category = await portalAdmin.categories.get(siteOf(req).unit.id, id);
    return formPage(req, reply, id, categoryFormValues(category), {});
  });
  app.post('/quan-tri/chuyen-muc/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    await portalAdmin.categories.get(siteOf(req).unit.id, id);
    return save(req, reply, id);
  });

  const confirmPage = async (req: FastifyRequest, reply: FastifyReply, refusal?: string) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    const category = await portalAdmin.categories.get(site.unit.id, id);
    return renderAdmin(
      req,
      reply,
      deps,
      { title: m.deleteTitle, area: 'categories', status: refusal ? 409 : undefined },
      (shell) => (
        <ConfirmDeletePage
          heading={m.deleteTitle}
          itemTitle={category.name}
          question={m.deleteConfirm}
          yes={m.deleteYes}
          action={adminPaths.categoryDelete(site.basePath, id)}
          backHref={adminPaths.categoryEdit(site.basePath, id)}
          csrfToken={shell.csrfToken}
          refusal={refusal}
        />
      ),
    );
  };

  app.get('/quan-tri/chuyen-muc/:id/xoa', guard, async (req, reply) => confirmPage(req, reply));
  app.post('/quan-tri/chuyen-muc/:id/xoa', guard, async (req, reply) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    try {
      await portalAdmin.categories.remove(actorOf(req), site.unit.id, id, req.ip);
    } catch (err) {
      if (err instanceof ConflictError) {
        return confirmPage(req, reply, err.message);
      }
      throw err;
    }
    return reply.redirect(adminPaths.categories(site.basePath), 303);
  });
}

function pageRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, portalAdmin } = deps;
  const m = adminMessages.pages;
  const guard = { preHandler: requireRole(accounts, ADMIN_AREAS.pages.roles) };

  app.get(adminPaths.pages(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const rows = await portalAdmin.pages.list(site.unit.id);
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

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    const heading = id === null ? m.newTitle : m.editTitle;
    return renderAdmin(req, reply, deps, { title: heading, area: 'pages', editor: true, status }, (shell) => (
      <PageFormPage
        heading={heading}
        action={id === null ? adminPaths.pageNew(base) : adminPaths.pageEdit(base, id)}
        csrfToken={shell.csrfToken}
        uploadUrl={adminPaths.mediaUpload(base)}
        values={values}
        errors={errors}
        backHref={adminPaths.pages(base)}
        deleteHref={id === null ? null : adminPaths.pageDelete(base, id)}
      />
    ));
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = PageForm.safeParse(values);
    if (!form.success) {
      return formPage(req, reply, id, values, fieldErrors(form.error, f), 422);
    }
    try {
      await portalAdmin.pages.save(actorOf(req), site.unit.id, id, form.data, req.ip);
    } catch (err) {
      if (err instanceof FieldError) {
        return formPage(req, reply, id, values, { [err.field]: err.message }, 422);
      }
      throw err;
    }
    return reply.redirect(adminPaths.pages(site.basePath), 303);
  };

  app.get(adminPaths.pageNew(''), guard, async (req, reply) =>
    formPage(req, reply, null, { position: '0', showInMenu: '1' }, {}),
  );
  app.post(adminPaths.pageNew(''), guard, async (req, reply) => save(req, reply, null));

  app.get('/quan-tri/trang/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const page = await portalAdmin.pages.get(siteOf(req).unit.id, id);
    return formPage(req, reply, id, pageFormValues(page), {});
  });
  app.post('/quan-tri/trang/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    await portalAdmin.pages.get(siteOf(req).unit.id, id);
    return save(req, reply, id);
  });

  app.get('/quan-tri/trang/:id/xoa', guard, async (req, reply) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    const page = await portalAdmin.pages.get(site.unit.id, id);
    return renderAdmin(req, reply, deps, { title: m.deleteTitle, area: 'pages' }, (shell) => (
      <ConfirmDeletePage
        heading={m.deleteTitle}
        itemTitle={page.title}
        question={m.deleteConfirm}
        yes={m.deleteYes}
        action={adminPaths.pageDelete(site.basePath, id)}
        backHref={adminPaths.pageEdit(site.basePath, id)}
        csrfToken={shell.csrfToken}
      />
    ));
  });
  app.post('/quan-tri/trang/:id/xoa', guard, async (req, reply) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    await portalAdmin.pages.remove(actorOf(req), site.unit.id, id, req.ip);
    return reply.redirect(adminPaths.pages(site.basePath), 303);
  });
}
