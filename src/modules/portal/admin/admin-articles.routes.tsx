import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { adminPaths, portalPaths, withCsrfToken } from '../../../http/paths.js';
import { NotFoundError } from '../../../platform/errors.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { common } from '../../../web/messages.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import { adminMessages } from './admin.messages.js';
import {
  articleFormValues,
  newArticleValues,
  pagination,
  toArticleRows,
  toMediaViews,
} from './admin.presenter.js';
import { ArticleForm, ArticleListQuery, IdParams } from './admin.schemas.js';
import { ArticleFormPage } from './views/ArticleFormPage.js';
import { ArticleListPage } from './views/ArticleListPage.js';
import type { CoverUpload } from './articles.service.js';
import { checkImageUpload } from './image-upload.js';
import { recordDeleteRoutes, saveOrShowErrors, type RecordPaths } from './record-routes.js';

const PAGE_SIZE = 20;
const m = adminMessages.articles;
const f = adminMessages.fields;

const articlePaths: RecordPaths = {
  list: adminPaths.articles,
  create: adminPaths.articleNew,
  edit: adminPaths.articleEdit,
  remove: adminPaths.articleDelete,
};

/** Articles of the request's unit: list, write, edit, delete. */
export function articleAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const { portalAdmin } = deps;
  const guard = { preHandler: requireRole(deps.accounts, ADMIN_AREAS.articles.roles) };
  const formPage = articleFormPage(deps);
  const save = saveArticle(deps, formPage);

  app.get(adminPaths.articles(''), guard, listArticles(deps));

  app.get(adminPaths.articleNew(''), guard, async (req, reply) => {
    const categories = await portalAdmin.categories.list(siteOf(req).unit.id);
    return formPage(req, reply, null, newArticleValues(categories[0]?.id), {}, null);
  });

  app.post(adminPaths.articleNew(''), guard, async (req, reply) => save(req, reply, null));

  app.get('/quan-tri/bai-viet/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const article = await portalAdmin.articles.get(siteOf(req).unit.id, id);
    const publicSlug = article.status === 'published' ? article.slug : null;
    return formPage(req, reply, id, articleFormValues(article), {}, publicSlug);
  });

  app.post('/quan-tri/bai-viet/:id', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    await portalAdmin.articles.get(siteOf(req).unit.id, id); // 404 before reading the form
    return save(req, reply, id);
  });

  recordDeleteRoutes(app, deps, guard, {
    area: 'articles',
    route: '/quan-tri/bai-viet/:id/xoa',
    paths: articlePaths,
    messages: m,
    titleOf: async (unitId, id) => (await portalAdmin.articles.get(unitId, id)).title,
    remove: (actor, unitId, id, ip) => portalAdmin.articles.remove(actor, unitId, id, ip),
  });
}

/** GET /quan-tri/bai-viet: a page of the unit's articles, optionally of one status; a page past the end is a 404. */
function listArticles(deps: Deps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const site = siteOf(req);
    const query = ArticleListQuery.parse(req.query);
    const status = query['trang-thai'];
    const { rows, total } = await deps.portalAdmin.articles.list(
      site.unit.id,
      status,
      query.trang,
      PAGE_SIZE,
    );
    if (rows.length === 0 && query.trang > 1) {
      throw new NotFoundError('page_out_of_range', common.errors.pageOutOfRange);
    }
    return renderAdmin(req, reply, deps, { title: m.title, area: 'articles' }, () => (
      <ArticleListPage
        rows={toArticleRows(rows, site.basePath)}
        pagination={pagination(total, query.trang, PAGE_SIZE, (p) =>
          adminPaths.articlesIn(site.basePath, status, p),
        )}
        status={status ?? ''}
        filterAction={adminPaths.articles(site.basePath)}
        newHref={adminPaths.articleNew(site.basePath)}
      />
    ));
  };
}

type ArticleFormPageRenderer = (
  req: FastifyRequest,
  reply: FastifyReply,
  id: number | null,
  values: FormValues,
  errors: FieldErrors,
  publicSlug: string | null,
  status?: number,
) => Promise<FastifyReply>;

/** The new/edit form with the unit's categories and image library (the cover chosen in `values` previewed). */
function articleFormPage(deps: Deps): ArticleFormPageRenderer {
  return async (req, reply, id, values, errors, publicSlug, status) => {
    const site = siteOf(req);
    const base = site.basePath;
    const [categories, media] = await Promise.all([
      deps.portalAdmin.categories.list(site.unit.id),
      deps.portalAdmin.media.choices(site.unit.id),
    ]);
    const mediaViews = toMediaViews(media);
    const cover = mediaViews.find((x) => String(x.id) === values.coverMediaId) ?? null;
    const heading = id === null ? m.newTitle : m.editTitle;
    const page = { title: heading, area: 'articles' as const, editor: true, status };
    return renderAdmin(req, reply, deps, page, (shell) => (
      <ArticleFormPage
        heading={heading}
        action={withCsrfToken(
          id === null ? adminPaths.articleNew(base) : adminPaths.articleEdit(base, id),
          shell.csrfToken,
        )}
        csrfToken={shell.csrfToken}
        uploadUrl={adminPaths.mediaUpload(base)}
        values={values}
        errors={errors}
        categories={categories.map((c) => ({ value: String(c.id), label: c.name }))}
        media={mediaViews}
        cover={cover}
        deleteHref={id === null ? null : adminPaths.articleDelete(base, id)}
        publicHref={publicSlug ? portalPaths.article(base, publicSlug) : null}
        backHref={adminPaths.articles(base)}
        newCategoryHref={adminPaths.categoryNew(base)}
      />
    ));
  };
}

/** Parses the form and its cover upload, saves, and answers 303, or 422 with the messages at their fields. */
function saveArticle(deps: Deps, formPage: ArticleFormPageRenderer) {
  return async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = ArticleForm.safeParse(values);
    const errors: FieldErrors = form.success ? {} : fieldErrors(form.error, f);
    const upload = checkImageUpload(
      (req.body as Record<string, unknown> | undefined)?.coverFile,
      deps.config.uploads.maxBytes,
    );
    if (upload.kind === 'invalid') {
      errors.coverFile = f[upload.code];
    } else if (upload.kind === 'image' && !values.coverAlt?.trim()) {
      errors.coverAlt = f.alt_required;
    }
    if (!form.success || Object.keys(errors).length > 0) {
      return formPage(req, reply, id, values, errors, null, 422);
    }
    const cover: CoverUpload | null =
      upload.kind === 'image'
        ? { image: upload.image, alt: form.data.coverAlt, caption: form.data.coverCaption }
        : null;
    return saveOrShowErrors(
      reply,
      () => deps.portalAdmin.articles.save(actorOf(req), site.unit.id, id, form.data, cover, req.ip),
      (serviceErrors) => formPage(req, reply, id, values, serviceErrors, null, 422),
      adminPaths.articles(site.basePath),
    );
  };
}
