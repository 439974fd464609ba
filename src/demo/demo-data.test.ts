import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ demo: true });
});

afterAll(async () => {
  await t.close();
});

const communes = () =>
  t.deps.db
    .selectFrom('unit')
    .select(['id', 'slug', 'name', 'phone', 'email', 'editorName', 'editorTitle'])
    .where('kind', '=', 'commune')
    .orderBy('id')
    .execute();

describe('demo data', () => {
  it('builds a province, a district and more than ten communes, with xã Tân Hồng as the default unit', async () => {
    const units = await t.deps.db
      .selectFrom('unit')
      .select(['slug', 'kind', 'isDefault', 'isDemo', 'agencyCode', 'adminCode'])
      .execute();
    expect(units.filter((u) => u.kind === 'province')).toHaveLength(1);
    expect(units.filter((u) => u.kind === 'district')).toHaveLength(1);
    expect(units.filter((u) => u.kind === 'commune').length).toBeGreaterThanOrEqual(11);
    expect(
      units.every((u) => u.isDemo === 1 && /^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/.test(u.agencyCode ?? '')),
    ).toBe(true);
    expect(new Set(units.map((u) => u.agencyCode)).size).toBe(units.length);
    expect(units.filter((u) => u.isDefault === 1).map((u) => u.slug)).toEqual(['tan-hong']);
    expect(t.deps.directory.resolve('localhost', undefined)?.unit.slug).toBe('tan-hong');
  });

  it('gives each commune footer settings with fictitious contacts and an editor-in-chief', async () => {
    for (const c of await communes()) {
      expect(c.phone).toMatch(/^0220 3\d{3} \d{3}$/);
      expect(c.email).toMatch(/@demo\.congxa\.example$/);
      expect(c.editorTitle).toBe('Chủ tịch UBND xã');
      expect(c.editorName).not.toBe('');
      expect(c.editorName).not.toBe('Vũ Huy Cường');
    }
    const tanHong = t.deps.directory.getBySlug('tan-hong');
    expect(tanHong?.address).toBe('Thôn Mộ Trạch - xã Tân Hồng - huyện Bình Giang - tỉnh Hải Dương');
    expect(tanHong?.fullName).toBe('Ủy ban nhân dân xã Tân Hồng');
  });

  it('publishes at least 25 articles in at least 4 categories per commune, in the past, with a cover that has alt and caption', async () => {
    const now = t.clock.now().toISOString();
    for (const c of await communes()) {
      const rows = await t.deps.db
        .selectFrom('article')
        .leftJoin('media', 'media.id', 'article.coverMediaId')
        .select([
          'article.title',
          'article.categoryId',
          'article.publishedAt',
          'article.bodyHtml',
          'media.unitId as mediaUnitId',
          'media.alt',
          'media.caption',
        ])
        .where('article.unitId', '=', c.id)
        .where('article.status', '=', 'published')
        .execute();
      expect(rows.length, c.slug).toBeGreaterThanOrEqual(25);
      expect(new Set(rows.map((r) => r.categoryId)).size).toBeGreaterThanOrEqual(4);
      for (const r of rows) {
        expect(r.publishedAt !== null && r.publishedAt < now, r.title).toBe(true);
        expect(r.mediaUnitId, r.title).toBe(c.id);
        expect(r.alt?.trim(), r.title).toBeTruthy();
        expect(r.caption?.trim(), r.title).toBeTruthy();
        expect(r.bodyHtml).toContain('<figcaption>');
        expect(r.bodyHtml).toContain('Bài viết mẫu do hệ thống congxa tạo để minh họa');
      }
      const featured = await t.deps.db
        .selectFrom('article')
        .select('id')
        .where('unitId', '=', c.id)
        .where('featured', '=', 1)
        .execute();
      expect(featured.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('stores the illustrations: every figure in a body points at a media file of the same unit that exists', async () => {
    const tanHong = t.deps.directory.getBySlug('tan-hong');
    const media = await t.deps.db
      .selectFrom('media')
      .select(['storageKey', 'mime', 'width', 'height'])
      .where('unitId', '=', tanHong?.id ?? 0)
      .execute();
    expect(media.length).toBeGreaterThanOrEqual(6);
    const keys = new Set(media.map((m) => m.storageKey));
    const bodies = await t.deps.db
      .selectFrom('article')
      .select('bodyHtml')
      .where('unitId', '=', tanHong?.id ?? 0)
      .execute();
    for (const b of bodies) {
      const src = /<img src="\/media\/([^"]+)"/.exec(b.bodyHtml)?.[1];
      expect(src && keys.has(src)).toBe(true);
    }
    for (const m of media) {
      const stream = t.deps.storage.open(m.storageKey);
      expect(stream).toBeDefined();
      const chunks: Buffer[] = [];
      for await (const chunk of stream ?? []) {
        chunks.push(chunk as Buffer);
      }
      const png = Buffer.concat(chunks);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([m.width, m.height]);
      expect(m.mime).toBe('image/png');
    }
  });

  it('has the static pages of each commune in the menu', async () => {
    for (const c of await communes()) {
      const pages = await t.deps.db
        .selectFrom('page')
        .select(['slug', 'showInMenu', 'searchText'])
        .where('unitId', '=', c.id)
        .orderBy('position')
        .execute();
      expect(pages.map((p) => p.slug)).toEqual(['gioi-thieu', 'co-cau-to-chuc', 'lanh-dao']);
      expect(pages.every((p) => p.showInMenu === 1 && p.searchText.length > 20)).toBe(true);
    }
  });

  it('folds the search text so that "cai cach hanh chinh" finds the CCHC article of every commune', async () => {
    for (const c of await communes()) {
      const rows = await t.deps.db
        .selectFrom('article')
        .select(['title', 'searchText'])
        .where('unitId', '=', c.id)
        .where('title', 'like', '%Cải cách hành chính%')
        .execute();
      expect(rows.length, c.slug).toBeGreaterThanOrEqual(1);
      expect(rows[0]?.searchText).toContain('cai cach hanh chinh');
      const found = await t.deps.db
        .selectFrom('article')
        .select('id')
        .where('unitId', '=', c.id)
        .where('searchText', 'like', '%cai cach hanh chinh%')
        .execute();
      expect(found.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('creates the demo staff accounts, which sign in with the documented password and hold their roles', async () => {
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const result = await t.deps.accounts.signIn(a.username, DEMO_PASSWORD, `127.0.0.${i + 1}`);
      expect(result.ok, a.username).toBe(true);
      if (result.ok) {
        const unitId =
          a.unitSlug === 'tan-hong'
            ? t.deps.directory.getBySlug('tan-hong')?.id
            : t.deps.directory.getBySlug('binh-giang')?.id;
        expect(result.actor.roles.get(unitId ?? 0)).toEqual(a.roles);
      }
    }
    const wrong = await t.deps.accounts.signIn('admin', 'not-the-password', '127.0.1.1');
    expect(wrong.ok).toBe(false);
  });

  it('gives every article the same title again when the same data set is planned again (deterministic)', async () => {
    const { loadDemoData } = await import('./demo-data.js');
    const { createTestDb } = await import('../../test/db.js');
    const { createDeps } = await import('../deps.js');
    const second = await createTestDb();
    try {
      const deps2 = createDeps(
        { ...t.deps.config, dataDir: second.dataDir, db: second.config },
        { clock: t.clock, db: second.db },
      );
      await loadDemoData(deps2);
      const titles = (db: typeof t.deps.db) =>
        db
          .selectFrom('article')
          .select(['unitId', 'slug', 'title', 'publishedAt'])
          .orderBy('unitId')
          .orderBy('slug')
          .execute();
      expect(await titles(second.db)).toEqual(await titles(t.deps.db));
    } finally {
      await second.destroy();
    }
  });
});
