import { createHash } from 'node:crypto';

export type CachedPage = { body: Buffer; etag: string; contentType: string; expiresAt: number };

/**
 * Rendered public pages kept as Buffers (DESIGN.md: a pre-encoded Buffer is sent ~3.5× faster than a string).
 * Entries live `ttlMs` (so visitor counters are at most that stale) and a unit's entries are dropped at once
 * whenever its content changes (`invalidateUnit`, called by every portal write).
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generation = new Map<number, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 5000,
  ) {}

  private key(unitId: number, url: string): string {
    return `${unitId}:${this.generation.get(unitId) ?? 0}:${url}`;
  }

  get(unitId: number, url: string): CachedPage | undefined {
    const hit = this.entries.get(this.key(unitId, url));
    if (hit && hit.expiresAt > this.now()) {
      return hit;
    }
    return undefined;
  }

  set(unitId: number, url: string, html: string, contentType = 'text/html; charset=utf-8'): CachedPage {
    const body = Buffer.from(html);
    const page: CachedPage = {
      body,
      contentType,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      expiresAt: this.now() + this.ttlMs,
    };
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) {
        this.evictExpired();
      }
      if (this.entries.size < this.maxEntries) {
        this.entries.set(this.key(unitId, url), page);
      }
    }
    return page;
  }

  /** Changes each time the unit's pages are invalidated; caches derived from its content (menus) key on it. */
  generationOf(unitId: number): number {
    return this.generation.get(unitId) ?? 0;
  }

  /** Forget every page of a unit (its content changed). */
  invalidateUnit(unitId: number): void {
    this.generation.set(unitId, (this.generation.get(unitId) ?? 0) + 1);
    const prefix = `${unitId}:`;
    for (const k of this.entries.keys()) {
      if (k.startsWith(prefix)) {
        this.entries.delete(k);
      }
    }
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [k, v] of this.entries) {
      if (v.expiresAt <= now) {
        this.entries.delete(k);
      }
    }
  }
}
