import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

const kb = (n: number) => 'x'.repeat(n * 1024);

describe('PageCache', () => {
  it('keeps its bodies under the byte cap, dropping the oldest pages first', () => {
    const cache = new PageCache(60_000, () => 0, 1000, 100 * 1024);
    for (let i = 0; i < 10; i++) {
      cache.set(1, `/p${i}`, kb(30));
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(cache.size.entries).toBe(3);
    expect(cache.get(1, '/p9')).toBeDefined();
    expect(cache.get(1, '/p0')).toBeUndefined();
  });

  it('keeps at most maxEntries pages, replacing the oldest rather than refusing new ones', () => {
    const cache = new PageCache(60_000, () => 0, 2);
    cache.set(1, '/a', 'a');
    cache.set(1, '/b', 'b');
    cache.set(1, '/c', 'c');
    expect(cache.size.entries).toBe(2);
    expect(cache.get(1, '/c')?.body.toString()).toBe('c');
    expect(cache.get(1, '/a')).toBeUndefined();
  });

  it('does not keep a page larger than the whole cap, and counts a replaced page once', () => {
    const cache = new PageCache(60_000, () => 0, 10, 10 * 1024);
    cache.set(1, '/huge', kb(11));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    cache.set(1, '/a', kb(2));
    cache.set(1, '/a', kb(3));
    expect(cache.size).toEqual({ entries: 1, bytes: 3 * 1024 });
  });

  it('gives the bytes back when a unit is invalidated', () => {
    const cache = new PageCache(60_000, () => 0);
    cache.set(1, '/a', kb(1));
    cache.set(2, '/a', kb(2));
    cache.invalidateUnit(1);
    expect(cache.size).toEqual({ entries: 1, bytes: 2 * 1024 });
    expect(cache.get(1, '/a')).toBeUndefined();
  });

  it('drops expired pages before live ones when full', () => {
    let now = 0;
    const cache = new PageCache(1000, () => now, 2);
    cache.set(1, '/old', 'o');
    now = 500;
    cache.set(1, '/live', 'l');
    now = 1200; // '/old' expired, '/live' not
    cache.set(1, '/new', 'n');
    expect(cache.get(1, '/live')).toBeDefined();
    expect(cache.get(1, '/new')).toBeDefined();
  });
});
