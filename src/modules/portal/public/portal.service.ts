import { assetPaths, portalPaths } from '../../../http/paths.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { Site, UnitDirectory } from '../../units/unit-directory.js';
import type { PageCache } from '../page-cache.js';
import type { CategoryRow, PageListRow, PortalQueryRepository } from './portal-query.repository.js';
import { portalMessages as m } from './portal.messages.js';
import {
  pageCount,
  publishedLabel,
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
export const RELATED_COUNT = 5;

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

export type MenuSource = {
  generation: number;
  expiresAt: number;
  categories: CategoryRow[];
  pages: PageListRow[];
};

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
  async menuSource(unitId: number): Promise<MenuSource> {
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
