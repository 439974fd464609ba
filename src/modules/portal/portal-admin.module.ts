import type { PortalDeps } from './portal.module.js';
import type { PageCache } from './page-cache.js';

/**
 * The portal's admin services (articles, categories, pages, media), wired once. Every write invalidates the unit's
 * cached public pages through `pageCache`.
 */
export class PortalAdminModule {
  constructor(
    readonly deps: PortalDeps,
    readonly pageCache: PageCache,
  ) {}
}
