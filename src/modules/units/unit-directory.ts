import {
  adminPaths,
  apiPaths,
  assetPaths,
  citizenPaths,
  paymentPaths,
  portalPaths,
} from '../../http/paths.js';
import type { UnitRow } from './units.repository.js';

/** The first segment of a path: '/chuyen-muc/x' → 'chuyen-muc', '/rss.xml' → 'rss.xml', '/' → ''. */
const firstSegment = (path: string) => path.split(/[/?]/)[1] ?? '';

/**
 * Public pages planned by later issues whose paths are not in portalPaths yet (the working calendar). They are
 * reserved now so that no unit takes the name before the pages exist.
 */
const PLANNED_PUBLIC_SEGMENTS = ['lich-lam-viec', 'ngay-nghi', 'han-giai-quyet', 'ket-qua-giai-quyet'];

/**
 * The first path segments that can never be a unit slug: the APIs and assets at the site root, and the public
 * routes every unit has (so `/tim-kiem` is always the search page, never a unit called "tim-kiem"). Derived from
 * the path builders, so a page added to portalPaths is reserved at once.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(
  [
    ...Object.values(portalPaths).map((path) => firstSegment(path('', 'x', 2))),
    firstSegment(adminPaths.dashboard('')),
    firstSegment(citizenPaths.signIn('')),
    firstSegment(citizenPaths.online('', 'x')),
    firstSegment(paymentPaths.sandboxPage('x')), // the sandbox payment gateway's page, at the site root
    firstSegment(assetPaths.static('x')),
    firstSegment(assetPaths.media('x')),
    firstSegment(apiPaths.health()),
    'api',
    'favicon.ico',
    ...PLANNED_PUBLIC_SEGMENTS,
  ].filter((segment) => segment !== ''),
);

export type Site = {
  unit: UnitRow;
  /** '' for the default unit or a unit served on its own host; '/<slug>' otherwise. */
  basePath: string;
};

/**
 * Every unit, held in memory so that resolving a request to its unit costs no query. Refreshed by the units
 * service after each change and periodically (for deployments with several processes).
 */
export class UnitDirectory {
  private bySlug = new Map<string, UnitRow>();
  private byHost = new Map<string, UnitRow>();
  private byId = new Map<number, UnitRow>();
  private defaultUnit: UnitRow | undefined;

  load(units: readonly UnitRow[]): void {
    this.bySlug = new Map(units.map((u) => [u.slug, u]));
    this.byId = new Map(units.map((u) => [u.id, u]));
    this.byHost = new Map(units.filter((u) => u.host).map((u) => [u.host!.toLowerCase(), u])); // filtered above
    this.defaultUnit = units.find((u) => u.isDefault === 1) ?? units[0];
  }

  all(): UnitRow[] {
    return [...this.byId.values()];
  }

  get(id: number): UnitRow | undefined {
    return this.byId.get(id);
  }

  getBySlug(slug: string): UnitRow | undefined {
    return this.bySlug.get(slug);
  }

  isUnitSlug(slug: string): boolean {
    return this.bySlug.has(slug);
  }

  /** The unit a request is for: its path prefix, else its host name, else the default unit. */
  resolve(host: string | undefined, prefixSlug: string | undefined): Site | undefined {
    if (prefixSlug) {
      const unit = this.bySlug.get(prefixSlug);
      if (unit) {
        return { unit, basePath: `/${unit.slug}` };
      }
    }
    const hostName = host?.replace(/:\d+$/, '').toLowerCase();
    const byHost = hostName ? this.byHost.get(hostName) : undefined;
    if (byHost) {
      return { unit: byHost, basePath: '' };
    }
    return this.defaultUnit ? { unit: this.defaultUnit, basePath: '' } : undefined;
  }

  /** The base path for links to a unit from anywhere in the deployment. */
  basePathOf(unit: Pick<UnitRow, 'slug' | 'isDefault'>): string {
    return unit.slug === this.defaultUnit?.slug ? '' : `/${unit.slug}`;
  }

  children(parentId: number): UnitRow[] {
    return this.all().filter((u) => u.parentId === parentId);
  }

  /** The ids of the units above a unit, nearest first (a commune's district, then its province). */
  parentsOf(unitId: number): number[] {
    const out: number[] = [];
    for (let p = this.byId.get(unitId)?.parentId ?? null; p !== null && !out.includes(p);) {
      out.push(p);
      p = this.byId.get(p)?.parentId ?? null;
    }
    return out;
  }
}
