import type { Config } from '../../config.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { PageCache } from './page-cache.js';

export type PortalDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  config: Config;
};

/**
 * The portal's services, wired once. The public side (pages, search, feeds, visitor counter) and the admin side
 * (articles, categories, pages, media) share the page cache: every admin write invalidates its unit's pages.
 */
export class PortalModule {
  readonly pageCache: PageCache;

  constructor(readonly deps: PortalDeps) {
    this.pageCache = new PageCache(deps.config.portal.pageCacheSeconds * 1000, () => Date.now());
  }

  /** Loads what the portal keeps in memory (visit counts). */
  async start(): Promise<void> {}

  /** Flushes what the portal keeps in memory; called on a clean shutdown. */
  async close(): Promise<void> {}
}
