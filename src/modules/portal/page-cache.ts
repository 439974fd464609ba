import { createHash } from 'node:crypto';

export type CachedPage = { body: Buffer; etag: string; contentType: string; expiresAt: number };

/**
 * Upper bound of the bytes of rendered pages kept in memory (bodies only, the keys are small). A commune portal's
 * pages are 20–60 kB, so this holds well over a thousand of them; past it the oldest entries go first.
 */
export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** Upper bound of the number of entries, whatever their size. */
export const PAGE_CACHE_MAX_ENTRIES = 5000;

/**
 * Rendered public pages kept as Buffers (DESIGN.md: a pre-encoded Buffer is sent ~3.5× faster than a string).
 * Entries live `ttlMs` (so visitor counters are at most that stale) and a unit's entries are dropped at once
 * whenever its content changes (`invalidateUnit`, called by every portal write). Bounded by entries and by bytes:
 * when a new page does not fit, expired pages go first, then the oldest ones.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generation = new Map<number, number>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = PAGE_CACHE_MAX_ENTRIES,
    private readonly maxBytes = PAGE_CACHE_MAX_BYTES,
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
    if (this.ttlMs > 0 && body.length <= this.maxBytes) {
      const key = this.key(unitId, url);
      this.delete(key);
      this.makeRoom(body.length);
      this.entries.set(key, page);
      this.bytes += body.length;
    }
    return page;
  }

  /** Number of pages held, and their bytes (for tests and diagnostics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
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
        this.delete(k);
      }
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
  }

  private fits(extra: number): boolean {
    return this.entries.size < this.maxEntries && this.bytes + extra <= this.maxBytes;
  }

  private makeRoom(extra: number): void {
    if (this.fits(extra)) {
      return;
    }
    const now = this.now();
    for (const [k, v] of this.entries) {
      if (v.expiresAt <= now) {
        this.delete(k);
      }
    }
    // Maps iterate in insertion order (deleting while iterating is allowed): the first keys are the oldest pages.
    for (const k of this.entries.keys()) {
      if (this.fits(extra)) {
        return;
      }
      this.delete(k);
    }
  }
}
