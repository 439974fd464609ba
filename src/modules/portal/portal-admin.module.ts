import { ArticleRepository } from './admin/articles.repository.js';
import { ArticleAdminService } from './admin/articles.service.js';
import { CategoryRepository } from './admin/categories.repository.js';
import { CategoryService } from './admin/categories.service.js';
import { MediaRepository } from './admin/media.repository.js';
import { MediaService } from './admin/media.service.js';
import type { PageCache } from './page-cache.js';
import { PageRepository } from './admin/pages.repository.js';
import { PageService } from './admin/pages.service.js';
import type { PortalDeps } from './portal.module.js';

/**
 * The portal's admin services (articles, categories, pages, media), wired once. Every write invalidates the unit's
 * cached public pages through `pageCache`.
 */
export class PortalAdminModule {
  readonly media: MediaService;
  readonly articles: ArticleAdminService;
  readonly categories: CategoryService;
  readonly pages: PageService;

  constructor(
    readonly deps: PortalDeps,
    readonly pageCache: PageCache,
  ) {
    const { db, clock, audit, storage } = deps;
    const articleRepository = new ArticleRepository();
    const categoryRepository = new CategoryRepository();
    this.media = new MediaService({ db, media: new MediaRepository(), storage, audit, clock });
    this.articles = new ArticleAdminService({
      db,
      articles: articleRepository,
      categories: categoryRepository,
      media: this.media,
      audit,
      clock,
      pageCache,
    });
    this.categories = new CategoryService({
      db,
      categories: categoryRepository,
      articles: articleRepository,
      audit,
      clock,
      pageCache,
    });
    this.pages = new PageService({ db, pages: new PageRepository(), audit, clock, pageCache });
  }
}
