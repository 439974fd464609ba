import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Deps } from '../../../deps.js';
import { portalPaths } from '../../../http/paths.js';
import { renderDocument } from '../../../http/render.js';
import { siteOf } from '../../../http/site.js';
import { NotFoundError } from '../../../platform/errors.js';
import { PageCache } from '../page-cache.js';
import { common } from '../../../web/messages.js';
import { portalOriginOf, portalShellBuilder } from './portal-shell.js';
import { withResultsWidget } from './results-slot.js';
import { portalMessages as m } from './portal.messages.js';
import { normaliseQuery, parsePageNumber, type MetaInput, type PageShell } from './portal.presenter.js';
import { ArticlePage, ArticlePrintPage } from './views/ArticlePage.js';
import { CategoryPage } from './views/CategoryPage.js';
import { HomePage } from './views/HomePage.js';
import { NotFoundPage } from './views/NotFoundPage.js';
import { SearchPage } from './views/SearchPage.js';
import { SitemapPage } from './views/SitemapPage.js';
import { StaticPage } from './views/StaticPage.js';
import { UnitsPage } from './views/UnitsPage.js';

/** Public slugs are what slugify makes (admin.schemas.ts allows 100); anything else is a 404 before any query. */
const SLUG = /^[a-z0-9-]{1,150}$/;
/** Search pages (any query a visitor types) live in a small cache of their own, so they cannot push pages out. */
const SEARCH_CACHE_ENTRIES = 300;
const SEARCH_CACHE_BYTES = 8 * 1024 * 1024;
const HTML = 'text/html; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

type Serve = {
  /** Canonical path of the page (with the unit's base path): the cache key, with the origin. */
  path: string;
  /** A search result page: kept in the small search cache. */
  search?: boolean;
  build: () => Promise<string>;
  contentType?: string;
  /** A public HTML page view (counted by the visitor counter); feeds and site maps are not. */
  countsAsView?: boolean;
};

/**
 * The public portal of the request's unit. Every page is served from the page cache (rendered at most once per
 * PAGE_CACHE_SECONDS and per content change) with an ETag, so a revalidating browser gets a 304. Each HTML page view
 * is counted in memory here, on the request path, whether the page came from the cache or not.
 */
export function publicRoutes(app: FastifyInstance, deps: Deps): void {
  const { portal, config, directory } = deps;
  const { site: pages, search, feeds, visitors, pageCache } = portal;
  const inFlight = new Map<string, Promise<string>>();
  const searchCache = new PageCache(
    config.portal.pageCacheSeconds * 1000,
    () => Date.now(),
    SEARCH_CACHE_ENTRIES,
    SEARCH_CACHE_BYTES,
  );

  const originOf = (req: FastifyRequest): string => portalOriginOf(req, deps).origin;

  const slugOf = (req: FastifyRequest): string => {
    const slug = (req.params as { slug?: unknown }).slug;
    if (typeof slug !== 'string' || !SLUG.test(slug)) {
      throw new NotFoundError('not_found', common.errors.notFoundBody);
    }
    return slug;
  };

  const shell = portalShellBuilder(app, deps);

  async function page<V extends { meta: MetaInput }>(
    req: FastifyRequest,
    view: V,
    currentHref: string,
    Page: (p: { shell: PageShell; view: V }) => VNode,
  ): Promise<string> {
    const s = await shell(req, siteOf(req), view.meta, currentHref);
    return renderDocument(<Page shell={s} view={view} />);
  }

  async function serve(req: FastifyRequest, reply: FastifyReply, o: Serve): Promise<FastifyReply> {
    const site = siteOf(req);
    const unitId = site.unit.id;
    const origin = portalOriginOf(req, deps);
    const contentType = o.contentType ?? HTML;
    if (!origin.cacheable) {
      // An unknown Host header: answer, but keep nothing of it.
      countView(req, o, unitId);
      const page = await withResultsWidget(portal.deps, site, Buffer.from(await o.build()));
      return reply.type(contentType).header('cache-control', 'no-store').send(page.body);
    }
    // Search pages go to their own small cache, keyed on the unit's generation so that content changes reach it.
    const cache = o.search ? searchCache : pageCache;
    const key = `${o.search ? `${pageCache.generationOf(unitId)}|` : ''}${origin.origin}${o.path}`;
    let cached = cache.get(unitId, key);
    if (!cached) {
      // One render per key at a time: concurrent misses wait for the same render.
      const flightKey = `${unitId}|${pageCache.generationOf(unitId)}|${key}`;
      let rendering = inFlight.get(flightKey);
      if (!rendering) {
        rendering = o.build().finally(() => inFlight.delete(flightKey));
        inFlight.set(flightKey, rendering);
      }
      const generation = pageCache.generationOf(unitId);
      const html = await rendering;
      if (pageCache.generationOf(unitId) !== generation) {
        // The content changed while this page was rendered: send it, but do not keep it.
        countView(req, o, unitId);
        const page = await withResultsWidget(portal.deps, site, Buffer.from(html));
        return reply.type(contentType).header('cache-control', 'no-cache').send(page.body);
      }
      cached = cache.set(unitId, key, html, contentType);
    }
    countView(req, o, unitId);
    const page = await withResultsWidget(portal.deps, site, cached.body, cached.etag);
    reply.header('etag', page.etag).header('cache-control', 'no-cache');
    if (etagMatches(req.headers['if-none-match'], page.etag)) {
      return reply.code(304).send();
    }
    return reply.type(cached.contentType).send(page.body);
  }

  function countView(req: FastifyRequest, o: Serve, unitId: number): void {
    if (o.countsAsView !== false && req.method === 'GET') {
      visitors.record(unitId, req.ip, req.headers['user-agent']);
    }
  }

  // A 404 inside a unit's portal keeps the unit's header, menu and footer and offers a search; never cached.
  app.errorPages.register(async (req, reply, { status, title, message }) => {
    const site = req.site;
    if (status !== 404 || !site || !isPortalUrl(req.url)) {
      return null;
    }
    const path = `${site.basePath}${req.url.split('?')[0] ?? ''}`;
    const s = await shell(req, site, { title, path, noIndex: true }, '');
    reply.header('cache-control', 'no-store');
    return renderDocument(<NotFoundPage shell={s} view={{ title, message }} />);
  });

  const pageNumber = (req: FastifyRequest): number => {
    const n = parsePageNumber((req.query as Record<string, unknown>).trang);
    if (n === null) {
      throw new NotFoundError('page_number_invalid', m.notFound.pageNumber);
    }
    return n;
  };

  app.get('/', async (req, reply) => {
    const site = siteOf(req);
    const path = portalPaths.home(site.basePath);
    return serve(req, reply, {
      path,
      build: async () => page(req, await pages.home(site), path, HomePage),
    });
  });

  app.get('/chuyen-muc/:slug', async (req, reply) => {
    const site = siteOf(req);
    const slug = slugOf(req);
    const n = pageNumber(req);
    return serve(req, reply, {
      path: portalPaths.category(site.basePath, slug, n),
      build: async () =>
        page(
          req,
          await pages.category(site, slug, n),
          portalPaths.category(site.basePath, slug),
          CategoryPage,
        ),
    });
  });

  app.get('/bai-viet/:slug', async (req, reply) => {
    const site = siteOf(req);
    const slug = slugOf(req);
    return serve(req, reply, {
      path: portalPaths.article(site.basePath, slug),
      build: async () => {
        const view = await pages.article(site, slug);
        return page(req, view, view.category.href, ArticlePage);
      },
    });
  });

  app.get('/bai-viet/:slug/ban-in', async (req, reply) => {
    const site = siteOf(req);
    const slug = slugOf(req);
    return serve(req, reply, {
      path: portalPaths.articlePrint(site.basePath, slug),
      build: async () => {
        const view = await pages.article(site, slug);
        return page(req, view, view.href, ArticlePrintPage);
      },
    });
  });

  app.get('/trang/:slug', async (req, reply) => {
    const site = siteOf(req);
    const slug = slugOf(req);
    const path = portalPaths.page(site.basePath, slug);
    return serve(req, reply, {
      path,
      build: async () => page(req, await pages.page(site, slug), path, StaticPage),
    });
  });

  app.get('/tim-kiem', async (req, reply) => {
    const site = siteOf(req);
    const query = normaliseQuery((req.query as Record<string, unknown>).q);
    const n = pageNumber(req);
    return serve(req, reply, {
      search: true,
      path: portalPaths.search(site.basePath, query || undefined, n),
      build: async () =>
        page(req, await search.search(site, query, n), portalPaths.search(site.basePath), SearchPage),
    });
  });

  app.get('/so-do-trang', async (req, reply) => {
    const site = siteOf(req);
    const path = portalPaths.sitemapHtml(site.basePath);
    return serve(req, reply, {
      path,
      build: async () =>
        page(
          req,
          await feeds.sitemapHtml(site, await deps.procedures.service.published(site.unit.id)),
          path,
          SitemapPage,
        ),
    });
  });

  app.get('/don-vi', async (req, reply) => {
    const site = siteOf(req);
    const path = portalPaths.units(site.basePath);
    return serve(req, reply, { path, build: async () => page(req, pages.units(site), path, UnitsPage) });
  });

  app.get('/rss.xml', async (req, reply) => {
    const site = siteOf(req);
    return serve(req, reply, {
      path: portalPaths.rss(site.basePath),
      contentType: RSS,
      countsAsView: false,
      build: () => feeds.rss(site, originOf(req)),
    });
  });

  app.get('/rss/:slug.xml', async (req, reply) => {
    const site = siteOf(req);
    const slug = slugOf(req);
    return serve(req, reply, {
      path: portalPaths.categoryRss(site.basePath, slug),
      contentType: RSS,
      countsAsView: false,
      build: () => feeds.rss(site, originOf(req), slug),
    });
  });

  app.get('/sitemap.xml', async (req, reply) => {
    const site = siteOf(req);
    return serve(req, reply, {
      path: portalPaths.sitemapXml(site.basePath),
      contentType: XML,
      countsAsView: false,
      build: async () =>
        feeds.sitemapXml(site, originOf(req), await deps.procedures.service.published(site.unit.id)),
    });
  });

  // At the site root only: the admin area is not for crawlers; every unit served on this host lists its sitemap.
  app.get('/robots.txt', async (req, reply) => {
    const site = req.site;
    const origin = originOf(req);
    const bases =
      site?.unit.host && site.basePath === ''
        ? ['']
        : directory
            .all()
            .filter((u) => !u.host)
            .map((u) => directory.basePathOf(u));
    const lines = [
      'User-agent: *',
      ...bases.map((b) => `Disallow: ${b}/quan-tri`),
      ...bases.map((b) => `Sitemap: ${origin}${portalPaths.sitemapXml(b)}`),
    ];
    return reply.type('text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}

/** Pages of the public portal, as opposed to the admin, APIs, files and health. */
function isPortalUrl(url: string): boolean {
  return !/^\/(quan-tri|api|static|media|healthz)(\/|\?|$)/.test(url);
}

/** If-None-Match may list several tags, weak ones included, or be "*". */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
