import { assetPaths, portalPaths } from '../../http/paths.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { NotFoundError } from '../../platform/errors.js';
import { formatDate } from '../../platform/time.js';
import type { Site, UnitDirectory } from '../units/unit-directory.js';
import type { PageCache } from './page-cache.js';
import { renderRss, renderSitemap, type SitemapUrl } from './portal-feeds.js';
import type {
  CategoryRow,
  PageListRow,
  PortalQueryRepository,
  ArticleCardRow,
} from './portal-query.repository.js';
import { portalMessages as m } from './portal.messages.js';
import {
  pageCount,
  publishedLabel,
  searchPhrase,
  searchTokens,
  titleMatches,
  toArticleCard,
  toChrome,
  toPagination,
  type ArticleCard,
  type ChromeView,
  type Link,
  type MetaInput,
  type PaginationView,
} from './portal.presenter.js';

export const HOME_FEATURED = 5;
export const HOME_LATEST = 8;
export const HOME_PER_CATEGORY = 4;
export const CATEGORY_PAGE_SIZE = 10;
export const SEARCH_PAGE_SIZE = 10;
export const RELATED_COUNT = 5;
export const FEED_SIZE = 20;
const SEARCH_CAP = 1000;
const SITEMAP_CAP = 45_000;

export type HomeView = {
  meta: MetaInput;
  featured: ArticleCard[];
  latest: ArticleCard[];
  blocks: { name: string; href: string; moreLabel: string; articles: ArticleCard[] }[];
};

export type CategoryView = {
  meta: MetaInput;
  name: string;
  description: string;
  rssHref: string;
  rssLabel: string;
  articles: ArticleCard[];
  pagination: PaginationView | null;
};

export type ArticleView = {
  meta: MetaInput;
  title: string;
  summary: string;
  /** Sanitised on save by the admin side; the only HTML rendered as is. */
  bodyHtml: string;
  category: Link;
  publishedLabel: string;
  publishedAt: string;
  authorName: string;
  cover: { src: string; alt: string; caption: string; width: number | null; height: number | null } | null;
  related: ArticleCard[];
  printHref: string;
  href: string;
};

export type StaticPageView = { meta: MetaInput; title: string; bodyHtml: string };

export type SearchResult = {
  kind: 'article' | 'page';
  title: string;
  href: string;
  dateLabel: string;
  summary: string;
};

export type SearchView = {
  meta: MetaInput;
  query: string;
  total: number;
  results: SearchResult[];
  pagination: PaginationView | null;
};

export type SitemapView = {
  meta: MetaInput;
  categories: (Link & { rssHref: string })[];
  pages: Link[];
  tools: Link[];
  rssHref: string;
  xmlHref: string;
};

export type UnitsView = {
  meta: MetaInput;
  units: { name: string; href: string; depth: number; current: boolean }[];
};

type Deps = {
  db: Db;
  clock: Clock;
  queries: PortalQueryRepository;
  directory: UnitDirectory;
  pageCache: PageCache;
  ttlMs: number;
};

type MenuSource = { generation: number; expiresAt: number; categories: CategoryRow[]; pages: PageListRow[] };

/**
 * The public portal of a unit: the layout's chrome and every public page as a view model. Pages are cached by the
 * routes; this service only reads.
 */
export class PortalService {
  private readonly menus = new Map<number, MenuSource>();

  constructor(private readonly deps: Deps) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Categories and pages of a unit, cached like its pages (same lifetime, dropped when they are invalidated). */
  private async menuSource(unitId: number): Promise<MenuSource> {
    const { db, queries, pageCache, ttlMs } = this.deps;
    const generation = pageCache.generationOf(unitId);
    const nowMs = Date.now();
    const hit = this.menus.get(unitId);
    if (hit && hit.generation === generation && hit.expiresAt > nowMs) {
      return hit;
    }
    const [categories, pages] = await Promise.all([
      queries.findCategories(db, unitId),
      queries.findPages(db, unitId),
    ]);
    const fresh = { generation, expiresAt: nowMs + ttlMs, categories, pages };
    this.menus.set(unitId, fresh);
    return fresh;
  }

  async chrome(site: Site): Promise<ChromeView> {
    const { unit, basePath } = site;
    const { categories, pages } = await this.menuSource(unit.id);
    const parent = unit.parentId ? this.deps.directory.get(unit.parentId) : undefined;
    return toChrome({ unit, parentName: parent?.name ?? null, base: basePath, categories, pages });
  }

  async home(site: Site): Promise<HomeView> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const now = this.now();
    const { categories } = await this.menuSource(unit.id);
    const featured = await queries.findPublishedCards(db, unit.id, now, {
      featured: true,
      limit: HOME_FEATURED,
    });
    const latest = await queries.findPublishedCards(db, unit.id, now, {
      excludeIds: featured.map((a) => a.id),
      limit: HOME_LATEST,
    });
    const blocks: HomeView['blocks'] = [];
    for (const c of categories.filter((c) => c.showOnHome === 1)) {
      const rows = await queries.findPublishedCards(db, unit.id, now, {
        categoryId: c.id,
        limit: HOME_PER_CATEGORY,
      });
      if (rows.length > 0) {
        blocks.push({
          name: c.name,
          href: portalPaths.category(basePath, c.slug),
          moreLabel: m.home.more(c.name),
          articles: rows.map((r) => toArticleCard(r, basePath)),
        });
      }
    }
    return {
      meta: { path: portalPaths.home(basePath), description: unit.fullName },
      featured: featured.map((r) => toArticleCard(r, basePath)),
      latest: latest.map((r) => toArticleCard(r, basePath)),
      blocks,
    };
  }

  async category(site: Site, slug: string, page: number): Promise<CategoryView> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const category = await queries.findCategoryBySlug(db, unit.id, slug);
    if (!category) {
      throw new NotFoundError('category_not_found', m.notFound.category);
    }
    const now = this.now();
    const total = await queries.countPublished(db, unit.id, now, category.id);
    const pages = pageCount(total, CATEGORY_PAGE_SIZE);
    if (page > pages) {
      throw new NotFoundError('page_out_of_range', m.notFound.pageNumber);
    }
    const rows = await queries.findPublishedCards(db, unit.id, now, {
      categoryId: category.id,
      limit: CATEGORY_PAGE_SIZE,
      offset: (page - 1) * CATEGORY_PAGE_SIZE,
    });
    const title = page > 1 ? `${category.name} - ${m.pagination.page(page)}` : category.name;
    return {
      meta: {
        title,
        description: category.description || category.name,
        path: portalPaths.category(basePath, category.slug, page),
        date: rows[0]?.publishedAt ?? category.updatedAt,
      },
      name: category.name,
      description: category.description,
      rssHref: portalPaths.categoryRss(basePath, category.slug),
      rssLabel: m.category.rss(category.name),
      articles: rows.map((r) => toArticleCard(r, basePath)),
      pagination:
        pages > 1 ? toPagination(page, pages, (n) => portalPaths.category(basePath, category.slug, n)) : null,
    };
  }

  async article(site: Site, slug: string): Promise<ArticleView> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const now = this.now();
    const a = await queries.findPublishedArticle(db, unit.id, slug, now);
    if (!a?.publishedAt) {
      throw new NotFoundError('article_not_found', m.notFound.article);
    }
    const related = await queries.findPublishedCards(db, unit.id, now, {
      categoryId: a.categoryId,
      excludeIds: [a.id],
      limit: RELATED_COUNT,
    });
    const coverSrc = a.coverKey ? assetPaths.media(a.coverKey) : undefined;
    return {
      meta: {
        title: a.title,
        description: a.summary || a.title,
        path: portalPaths.article(basePath, a.slug),
        type: 'article',
        date: a.publishedAt,
        creator: a.authorName || undefined,
        imagePath: coverSrc,
      },
      title: a.title,
      summary: a.summary,
      bodyHtml: a.bodyHtml,
      category: { label: a.categoryName, href: portalPaths.category(basePath, a.categorySlug) },
      publishedLabel: publishedLabel(a.publishedAt),
      publishedAt: a.publishedAt,
      authorName: a.authorName,
      cover: coverSrc
        ? {
            src: coverSrc,
            alt: a.coverAlt ?? '',
            caption: a.coverCaption ?? '',
            width: a.coverWidth,
            height: a.coverHeight,
          }
        : null,
      related: related.map((r) => toArticleCard(r, basePath)),
      printHref: portalPaths.articlePrint(basePath, a.slug),
      href: portalPaths.article(basePath, a.slug),
    };
  }

  async page(site: Site, slug: string): Promise<StaticPageView> {
    const { db, queries } = this.deps;
    const p = await queries.findPageBySlug(db, site.unit.id, slug);
    if (!p) {
      throw new NotFoundError('page_not_found', m.notFound.page);
    }
    return {
      meta: { title: p.title, path: portalPaths.page(site.basePath, p.slug), date: p.updatedAt },
      title: p.title,
      bodyHtml: p.bodyHtml,
    };
  }

  /**
   * Diacritics- and đ/d-insensitive search over published articles and static pages: every folded word of the
   * query must start a word of the folded text. Results whose title holds every word come first.
   */
  async search(site: Site, query: string, page: number): Promise<SearchView> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const tokens = searchTokens(query);
    const meta: MetaInput = {
      title: query ? m.search.titleWithQuery(query) : m.search.heading,
      path: portalPaths.search(basePath, query || undefined, page),
      noIndex: query !== '',
    };
    if (tokens.length === 0) {
      if (page > 1) {
        throw new NotFoundError('page_out_of_range', m.notFound.pageNumber);
      }
      return { meta, query, total: 0, results: [], pagination: null };
    }
    const now = this.now();
    const phrase = searchPhrase(query);
    const [articles, pages] = await Promise.all([
      queries.searchArticles(db, unit.id, now, tokens, phrase, SEARCH_CAP),
      queries.searchPages(db, unit.id, tokens, phrase, SEARCH_CAP),
    ]);
    type Hit = { kind: 'article' | 'page'; id: number; title: string; slug?: string; rank: number };
    // Titles holding every word first, then texts holding the whole phrase, then the rest; latest first within each.
    const rank = (title: string, phraseHit: number) =>
      (titleMatches(title, tokens) ? 2 : 0) + (Number(phraseHit) === 1 ? 1 : 0);
    const hits: Hit[] = [
      ...pages.map((p) => ({
        kind: 'page' as const,
        id: p.id,
        title: p.title,
        slug: p.slug,
        rank: rank(p.title, p.phraseHit),
      })),
      ...articles.map((a) => ({
        kind: 'article' as const,
        id: a.id,
        title: a.title,
        rank: rank(a.title, a.phraseHit),
      })),
    ];
    const ranked = hits
      .map((h, i) => ({ h, i }))
      .sort((a, b) => b.h.rank - a.h.rank || a.i - b.i)
      .map((x) => x.h);
    const pages_ = pageCount(ranked.length, SEARCH_PAGE_SIZE);
    if (page > pages_) {
      throw new NotFoundError('page_out_of_range', m.notFound.pageNumber);
    }
    const slice = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
    const cards = await queries.findCardsByIds(
      db,
      unit.id,
      slice.filter((h) => h.kind === 'article').map((h) => h.id),
    );
    const byId = new Map<number, ArticleCardRow>(cards.map((c) => [c.id, c]));
    const results: SearchResult[] = slice.flatMap((h): SearchResult[] => {
      if (h.kind === 'page') {
        return [
          {
            kind: 'page',
            title: h.title,
            href: portalPaths.page(basePath, h.slug ?? ''),
            dateLabel: '',
            summary: m.search.pageResult,
          },
        ];
      }
      const card = byId.get(h.id);
      return card
        ? [
            {
              kind: 'article',
              title: card.title,
              href: portalPaths.article(basePath, card.slug),
              dateLabel: card.publishedAt ? formatDate(card.publishedAt) : '',
              summary: card.summary,
            },
          ]
        : [];
    });
    return {
      meta,
      query,
      total: ranked.length,
      results,
      pagination:
        pages_ > 1 ? toPagination(page, pages_, (n) => portalPaths.search(basePath, query, n)) : null,
    };
  }

  /** RSS 2.0 of the unit's latest articles, or of one category's. */
  async rss(site: Site, origin: string, categorySlug?: string): Promise<string> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const chrome = await this.chrome(site);
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
    const now = this.now();
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

  async sitemapXml(site: Site, origin: string): Promise<string> {
    const { db, queries } = this.deps;
    const { unit, basePath } = site;
    const now = this.now();
    const { categories, pages } = await this.menuSource(unit.id);
    const articles = await queries.findSitemapArticles(db, unit.id, now, SITEMAP_CAP);
    const urls: SitemapUrl[] = [
      { loc: `${origin}${portalPaths.home(basePath)}`, lastmod: articles[0]?.publishedAt ?? null },
      ...categories.map((c) => ({
        loc: `${origin}${portalPaths.category(basePath, c.slug)}`,
        lastmod: c.updatedAt,
      })),
      ...pages.map((p) => ({ loc: `${origin}${portalPaths.page(basePath, p.slug)}`, lastmod: p.updatedAt })),
      ...articles.map((a) => ({
        loc: `${origin}${portalPaths.article(basePath, a.slug)}`,
        lastmod: maxInstant(a.updatedAt, a.publishedAt),
      })),
    ];
    return renderSitemap(urls);
  }

  async sitemapHtml(site: Site): Promise<SitemapView> {
    const { unit, basePath } = site;
    const { categories, pages } = await this.menuSource(unit.id);
    return {
      meta: { title: m.sitemapPage.heading, path: portalPaths.sitemapHtml(basePath) },
      categories: categories.map((c) => ({
        label: c.name,
        href: portalPaths.category(basePath, c.slug),
        rssHref: portalPaths.categoryRss(basePath, c.slug),
      })),
      pages: pages.map((p) => ({ label: p.title, href: portalPaths.page(basePath, p.slug) })),
      tools: [
        { label: m.search.heading, href: portalPaths.search(basePath) },
        { label: m.units, href: portalPaths.units(basePath) },
      ],
      rssHref: portalPaths.rss(basePath),
      xmlHref: portalPaths.sitemapXml(basePath),
    };
  }

  /** Every unit of the deployment as a tree (a province's portal lists its districts and communes). */
  units(site: Site): UnitsView {
    const { directory } = this.deps;
    const all = directory.all();
    const ids = new Set(all.map((u) => u.id));
    const out: UnitsView['units'] = [];
    const visit = (u: UnitRow, depth: number) => {
      out.push({
        name: u.name,
        href: portalPaths.home(directory.basePathOf(u)),
        depth,
        current: u.id === site.unit.id,
      });
      for (const child of all.filter((c) => c.parentId === u.id).sort(byName)) {
        visit(child, depth + 1);
      }
    };
    for (const root of all.filter((u) => u.parentId === null || !ids.has(u.parentId)).sort(byName)) {
      visit(root, 0);
    }
    return { meta: { title: m.unitsPage.heading, path: portalPaths.units(site.basePath) }, units: out };
  }
}

type UnitRow = Site['unit'];

const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'vi');

function maxInstant(a: string, b: string | null): string {
  return b && new Date(b).getTime() > new Date(a).getTime() ? b : a;
}
