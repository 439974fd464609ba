import { portalPaths } from '../../../http/paths.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { NotFoundError } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/time.js';
import type { Site } from '../../units/unit-directory.js';
import type { ArticleCardRow, PortalQueryRepository } from './portal-query.repository.js';
import { portalMessages as m } from './portal.messages.js';
import {
  pageCount,
  searchPhrase,
  searchTokens,
  titleMatches,
  toPagination,
  type MetaInput,
  type PaginationView,
} from './portal.presenter.js';

export const SEARCH_PAGE_SIZE = 10;
const SEARCH_CAP = 1000;

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

type Deps = { db: Db; clock: Clock; queries: PortalQueryRepository };

/** Search of a unit's portal (issue #2 item 6). */
export class PortalSearchService {
  constructor(private readonly deps: Deps) {}

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
    const now = this.deps.clock.now().toISOString();
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
}
