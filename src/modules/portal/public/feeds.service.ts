import { portalPaths, procedurePaths } from '../../../http/paths.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { Site } from '../../units/unit-directory.js';
import { renderRss, renderSitemap, type SitemapUrl } from './portal-feeds.js';
import type { PortalQueryRepository } from './portal-query.repository.js';
import { portalMessages as m } from './portal.messages.js';
import type { Link, MetaInput } from './portal.presenter.js';
import type { PortalService } from './portal.service.js';

export const FEED_SIZE = 20;
const SITEMAP_CAP = 45_000;

/** A published procedure of the unit's catalogue (the procedures module's service gives them to the route). */
export type SitemapProcedure = { code: string; name: string; updatedAt: string };

export type SitemapView = {
  meta: MetaInput;
  categories: (Link & { rssHref: string })[];
  pages: Link[];
  /** The catalogue's list page, then each published procedure; null when the unit has none. */
  procedures: { list: Link; items: Link[] } | null;
  tools: Link[];
  rssHref: string;
  xmlHref: string;
};

type Deps = { db: Db; clock: Clock; queries: PortalQueryRepository; site: PortalService };

/** RSS feeds and site maps (XML for search engines, HTML for people) of a unit's portal. */
export class PortalFeedsService {
  constructor(private readonly deps: Deps) {}

  /** RSS 2.0 of the unit's latest articles, or of one category's. */
  async rss(site: Site, origin: string, categorySlug?: string): Promise<string> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const chrome = await this.deps.site.chrome(site);
    let categoryId: number | undefined;
    let title = chrome.siteName;
    let link = `${origin}${portalPaths.home(basePath)}`;
    let selfUrl = `${origin}${portalPaths.rss(basePath)}`;
    if (categorySlug !== undefined) {
      const category = await queries.findCategoryBySlug(db, unit.id, categorySlug);
      if (!category) {
        throw new NotFoundError('category_not_found', m.notFound.category);
      }
      categoryId = category.id;
      title = m.feeds.categoryTitle(category.name, chrome.siteName);
      link = `${origin}${portalPaths.category(basePath, category.slug)}`;
      selfUrl = `${origin}${portalPaths.categoryRss(basePath, category.slug)}`;
    }
    const now = this.deps.clock.now().toISOString();
    const items = await queries.findFeedItems(db, unit.id, now, FEED_SIZE, categoryId);
    return renderRss({
      title,
      link,
      selfUrl,
      description: m.feeds.channelDescription(chrome.siteName),
      lastBuildDate: items[0]?.publishedAt ?? now,
      items: items.map((i) => ({
        title: i.title,
        link: `${origin}${portalPaths.article(basePath, i.slug)}`,
        description: i.summary,
        pubDate: i.publishedAt ?? now,
        category: i.categoryName,
      })),
    });
  }

  async sitemapXml(
    site: Site,
    origin: string,
    procedures: readonly SitemapProcedure[] = [],
  ): Promise<string> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const now = this.deps.clock.now().toISOString();
    const { categories, pages } = await this.deps.site.menuSource(unit.id);
    const articles = await queries.findSitemapArticles(db, unit.id, now, SITEMAP_CAP);
    const urls: SitemapUrl[] = [
      { loc: `${origin}${portalPaths.home(basePath)}`, lastmod: articles[0]?.publishedAt ?? null },
      ...categories.map((c) => ({
        loc: `${origin}${portalPaths.category(basePath, c.slug)}`,
        lastmod: c.updatedAt,
      })),
      ...pages.map((p) => ({ loc: `${origin}${portalPaths.page(basePath, p.slug)}`, lastmod: p.updatedAt })),
      ...(procedures.length === 0
        ? []
        : [
            {
              loc: `${origin}${procedurePaths.list(basePath)}`,
              lastmod: procedures.reduce(
                (a, p) => maxInstant(a, p.updatedAt),
                procedures[0]?.updatedAt ?? '',
              ),
            },
          ]),
      ...procedures.map((p) => ({
        loc: `${origin}${procedurePaths.detail(basePath, p.code)}`,
        lastmod: p.updatedAt,
      })),
      ...articles.map((a) => ({
        loc: `${origin}${portalPaths.article(basePath, a.slug)}`,
        lastmod: maxInstant(a.updatedAt, a.publishedAt),
      })),
    ];
    return renderSitemap(urls);
  }

  async sitemapHtml(site: Site, procedures: readonly SitemapProcedure[] = []): Promise<SitemapView> {
    const { unit, basePath } = site;
    const { categories, pages } = await this.deps.site.menuSource(unit.id);
    return {
      meta: { title: m.sitemapPage.heading, path: portalPaths.sitemapHtml(basePath) },
      categories: categories.map((c) => ({
        label: c.name,
        href: portalPaths.category(basePath, c.slug),
        rssHref: portalPaths.categoryRss(basePath, c.slug),
      })),
      pages: pages.map((p) => ({ label: p.title, href: portalPaths.page(basePath, p.slug) })),
      procedures:
        procedures.length === 0
          ? null
          : {
              list: { label: m.sitemapPage.procedureList, href: procedurePaths.list(basePath) },
              items: [...procedures]
                .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
                .map((p) => ({ label: p.name, href: procedurePaths.detail(basePath, p.code) })),
            },
      tools: [
        { label: m.search.heading, href: portalPaths.search(basePath) },
        { label: m.units, href: portalPaths.units(basePath) },
      ],
      rssHref: portalPaths.rss(basePath),
      xmlHref: portalPaths.sitemapXml(basePath),
    };
  }
}

function maxInstant(a: string, b: string | null): string {
  return b && new Date(b).getTime() > new Date(a).getTime() ? b : a;
}
