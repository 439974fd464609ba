import type { Config } from '../../config.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { PageCache } from './page-cache.js';
import { PortalQueryRepository } from './public/portal-query.repository.js';
import { PortalFeedsService } from './public/feeds.service.js';
import { PortalService } from './public/portal.service.js';
import { PortalSearchService } from './public/search.service.js';
import { VisitRepository } from './visits/visit.repository.js';
import { VisitorCounter } from './visits/visitor-counter.js';

export type PortalDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  config: Config;
  /** The results widget of a unit's sidebar (the stats module), put into every page on each request. */
  sidebarWidget?: (unitId: number, basePath: string) => Promise<{ html: Buffer; tag: string }>;
};

/**
 * The portal's services, wired once. The public side (pages, search, feeds, visitor counter) and the admin side
 * (articles, categories, pages, media) share the page cache: every admin write invalidates its unit's pages.
 */
export class PortalModule {
  readonly pageCache: PageCache;
  /** Public pages and the layout's chrome. */
  readonly site: PortalService;
  readonly search: PortalSearchService;
  /** RSS feeds and site maps. */
  readonly feeds: PortalFeedsService;
  readonly visitors: VisitorCounter;

  constructor(readonly deps: PortalDeps) {
    const ttlMs = deps.config.portal.pageCacheSeconds * 1000;
    this.pageCache = new PageCache(ttlMs, () => Date.now());
    const queries = new PortalQueryRepository();
    this.site = new PortalService({
      db: deps.db,
      clock: deps.clock,
      queries,
      directory: deps.directory,
      pageCache: this.pageCache,
      ttlMs,
    });
    this.search = new PortalSearchService({ db: deps.db, clock: deps.clock, queries });
    this.feeds = new PortalFeedsService({ db: deps.db, clock: deps.clock, queries, site: this.site });
    this.visitors = new VisitorCounter({
      db: deps.db,
      clock: deps.clock,
      visits: new VisitRepository(),
      onError: (err) => console.error('congxa: could not save visit counts (kept for the next try)', err),
    });
  }

  /** Loads what the portal keeps in memory (visit counts) and starts flushing them. */
  async start(): Promise<void> {
    await this.visitors.start(this.deps.config.portal.visitsFlushSeconds * 1000);
  }

  /** Flushes what the portal keeps in memory; called on a clean shutdown. */
  async close(): Promise<void> {
    await this.visitors.close();
  }
}
