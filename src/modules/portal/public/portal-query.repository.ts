import { sql, type ExpressionBuilder } from 'kysely';
import type { Conn } from '../../../platform/db.js';
import type { DB } from '../../../platform/db-schema.js';

/*
 * Read queries of the public portal. "Published" means status 'published' with a publication instant at or before
 * `now` (an ISO string: instants compare as strings on SQLite and as timestamptz on PostgreSQL).
 */

type ArticleEb = ExpressionBuilder<DB, 'article'>;

const published = (now: string) => (eb: ArticleEb) =>
  eb.and([
    eb('article.status', '=', 'published'),
    eb('article.publishedAt', 'is not', null),
    eb('article.publishedAt', '<=', now),
  ]);

/** Every folded token must start a word of `search_text` (which is padded with spaces and folded). */
function likeWordPrefix(column: 'article.searchText' | 'page.searchText', token: string) {
  const escaped = token.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`${sql.ref(column)} like ${`% ${escaped}%`} escape '\\'`;
}

const CARD_COLUMNS = [
  'article.id',
  'article.slug',
  'article.title',
  'article.summary',
  'article.publishedAt',
  'article.categoryId',
  'media.storageKey as coverKey',
  'media.alt as coverAlt',
] as const;

export type ListFilter = {
  categoryId?: number;
  featured?: boolean;
  excludeIds?: readonly number[];
  limit: number;
  offset?: number;
};

export class PortalQueryRepository {
  /** All categories of a unit in menu order. */
  findCategories(db: Conn, unitId: number) {
    return db
      .selectFrom('category')
      .select(['id', 'slug', 'name', 'description', 'position', 'showInMenu', 'showOnHome', 'updatedAt'])
      .where('unitId', '=', unitId)
      .orderBy('position')
      .orderBy('name')
      .execute();
  }

  /** All static pages of a unit in menu order. */
  findPages(db: Conn, unitId: number) {
    return db
      .selectFrom('page')
      .select(['id', 'slug', 'title', 'position', 'showInMenu', 'updatedAt'])
      .where('unitId', '=', unitId)
      .orderBy('position')
      .orderBy('title')
      .execute();
  }

  findCategoryBySlug(db: Conn, unitId: number, slug: string) {
    return db
      .selectFrom('category')
      .select(['id', 'slug', 'name', 'description', 'updatedAt'])
      .where('unitId', '=', unitId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /** Published articles, latest first, with their cover image. */
  findPublishedCards(db: Conn, unitId: number, now: string, f: ListFilter) {
    let query = db
      .selectFrom('article')
      .leftJoin('media', 'media.id', 'article.coverMediaId')
      .select(CARD_COLUMNS)
      .where('article.unitId', '=', unitId)
      .where(published(now));
    if (f.categoryId !== undefined) {
      query = query.where('article.categoryId', '=', f.categoryId);
    }
    if (f.featured) {
      query = query.where('article.featured', '=', 1);
    }
    if (f.excludeIds && f.excludeIds.length > 0) {
      query = query.where('article.id', 'not in', f.excludeIds);
    }
    return query
      .orderBy('article.publishedAt', 'desc')
      .orderBy('article.id', 'desc')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute();
  }

  async countPublished(db: Conn, unitId: number, now: string, categoryId?: number): Promise<number> {
    let query = db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article.unitId', '=', unitId)
      .where(published(now));
    if (categoryId !== undefined) {
      query = query.where('article.categoryId', '=', categoryId);
    }
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One published article with its category and cover image. */
  findPublishedArticle(db: Conn, unitId: number, slug: string, now: string) {
    return db
      .selectFrom('article')
      .innerJoin('category', 'category.id', 'article.categoryId')
      .leftJoin('media', 'media.id', 'article.coverMediaId')
      .select([
        'article.id',
        'article.slug',
        'article.title',
        'article.summary',
        'article.bodyHtml',
        'article.publishedAt',
        'article.updatedAt',
        'article.authorName',
        'article.categoryId',
        'category.slug as categorySlug',
        'category.name as categoryName',
        'media.storageKey as coverKey',
        'media.alt as coverAlt',
        'media.caption as coverCaption',
        'media.width as coverWidth',
        'media.height as coverHeight',
      ])
      .where('article.unitId', '=', unitId)
      .where('article.slug', '=', slug)
      .where(published(now))
      .executeTakeFirst();
  }

  findPageBySlug(db: Conn, unitId: number, slug: string) {
    return db
      .selectFrom('page')
      .select(['id', 'slug', 'title', 'bodyHtml', 'updatedAt'])
      .where('unitId', '=', unitId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /**
   * Published articles whose folded text has a word starting with every token (light rows, for ranking);
   * `phraseHit` is 1 when the folded text holds the whole phrase.
   */
  searchArticles(
    db: Conn,
    unitId: number,
    now: string,
    tokens: readonly string[],
    phrase: string,
    cap: number,
  ) {
    return db
      .selectFrom('article')
      .select([
        'article.id',
        'article.title',
        'article.publishedAt',
        sql<number>`case when ${likeWordPrefix('article.searchText', phrase)} then 1 else 0 end`.as(
          'phraseHit',
        ),
      ])
      .where('article.unitId', '=', unitId)
      .where(published(now))
      .where((eb) => eb.and(tokens.map((t) => likeWordPrefix('article.searchText', t))))
      .orderBy('article.publishedAt', 'desc')
      .limit(cap)
      .execute();
  }

  searchPages(db: Conn, unitId: number, tokens: readonly string[], phrase: string, cap: number) {
    return db
      .selectFrom('page')
      .select([
        'page.id',
        'page.slug',
        'page.title',
        'page.updatedAt',
        sql<number>`case when ${likeWordPrefix('page.searchText', phrase)} then 1 else 0 end`.as('phraseHit'),
      ])
      .where('page.unitId', '=', unitId)
      .where((eb) => eb.and(tokens.map((t) => likeWordPrefix('page.searchText', t))))
      .orderBy('page.position')
      .limit(cap)
      .execute();
  }

  findCardsByIds(db: Conn, unitId: number, ids: readonly number[]) {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('article')
      .leftJoin('media', 'media.id', 'article.coverMediaId')
      .select(CARD_COLUMNS)
      .where('article.unitId', '=', unitId)
      .where('article.id', 'in', ids)
      .execute();
  }

  /** Articles for RSS feeds, latest first. */
  findFeedItems(db: Conn, unitId: number, now: string, limit: number, categoryId?: number) {
    let query = db
      .selectFrom('article')
      .innerJoin('category', 'category.id', 'article.categoryId')
      .select([
        'article.slug',
        'article.title',
        'article.summary',
        'article.publishedAt',
        'category.name as categoryName',
      ])
      .where('article.unitId', '=', unitId)
      .where(published(now));
    if (categoryId !== undefined) {
      query = query.where('article.categoryId', '=', categoryId);
    }
    return query.orderBy('article.publishedAt', 'desc').orderBy('article.id', 'desc').limit(limit).execute();
  }

  /** Every published article's address and dates, for sitemap.xml. */
  findSitemapArticles(db: Conn, unitId: number, now: string, limit: number) {
    return db
      .selectFrom('article')
      .select(['article.slug', 'article.publishedAt', 'article.updatedAt'])
      .where('article.unitId', '=', unitId)
      .where(published(now))
      .orderBy('article.publishedAt', 'desc')
      .limit(limit)
      .execute();
  }
}

export type ArticleCardRow = Awaited<ReturnType<PortalQueryRepository['findPublishedCards']>>[number];
export type ArticleRow = NonNullable<Awaited<ReturnType<PortalQueryRepository['findPublishedArticle']>>>;
export type CategoryRow = Awaited<ReturnType<PortalQueryRepository['findCategories']>>[number];
export type PageListRow = Awaited<ReturnType<PortalQueryRepository['findPages']>>[number];
export type FeedItemRow = Awaited<ReturnType<PortalQueryRepository['findFeedItems']>>[number];
