import type { Deps } from '../../../deps.js';
import type { Db } from '../../../platform/db.js';
import { searchTextOf } from '../search-text.js';

/* Rows for portal tests, inserted directly (the admin side has its own services; these tests only read). */

export async function insertUnit(
  deps: Deps,
  o: {
    slug: string;
    name: string;
    fullName?: string;
    kind?: 'province' | 'district' | 'commune';
    parentId?: number | null;
    isDefault?: boolean;
    settings?: Partial<{
      address: string;
      phone: string;
      email: string;
      editorName: string;
      editorTitle: string;
      logoPath: string | null;
    }>;
  },
): Promise<number> {
  const id = await deps.units.createUnit(null, {
    slug: o.slug,
    name: o.name,
    fullName: o.fullName ?? `Ủy ban nhân dân ${o.name}`,
    kind: o.kind ?? 'commune',
    parentId: o.parentId ?? null,
    adminCode: null,
    agencyCode: null,
    host: null,
    isDefault: o.isDefault ?? false,
    isDemo: false,
  });
  if (o.settings) {
    await deps.db.updateTable('unit').set(o.settings).where('id', '=', id).execute();
    await deps.units.refreshDirectory();
  }
  return id;
}

export async function insertCategory(
  db: Db,
  o: {
    unitId: number;
    slug: string;
    name: string;
    position?: number;
    showOnHome?: boolean;
    showInMenu?: boolean;
    description?: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('category')
    .values({
      unitId: o.unitId,
      slug: o.slug,
      name: o.name,
      description: o.description ?? '',
      position: o.position ?? 0,
      showOnHome: o.showOnHome === false ? 0 : 1,
      showInMenu: o.showInMenu === false ? 0 : 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMedia(
  db: Db,
  o: { unitId: number; storageKey: string; alt?: string; caption?: string },
): Promise<number> {
  const row = await db
    .insertInto('media')
    .values({
      unitId: o.unitId,
      storageKey: o.storageKey,
      fileName: o.storageKey.split('/').pop() ?? o.storageKey,
      mime: 'image/png',
      size: 100,
      width: 800,
      height: 600,
      alt: o.alt ?? '',
      caption: o.caption ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertArticle(
  db: Db,
  o: {
    unitId: number;
    categoryId: number;
    slug: string;
    title: string;
    summary?: string;
    bodyHtml?: string;
    status?: 'draft' | 'published';
    featured?: boolean;
    publishedAt?: string | null;
    coverMediaId?: number | null;
    authorName?: string;
  },
): Promise<number> {
  const summary = o.summary ?? '';
  const bodyHtml = o.bodyHtml ?? '<p>Nội dung bài viết.</p>';
  const status = o.status ?? 'published';
  const row = await db
    .insertInto('article')
    .values({
      unitId: o.unitId,
      categoryId: o.categoryId,
      slug: o.slug,
      title: o.title,
      summary,
      bodyHtml,
      status,
      featured: o.featured ? 1 : 0,
      publishedAt:
        o.publishedAt === undefined
          ? status === 'published'
            ? '2026-11-01T01:00:00.000Z'
            : null
          : o.publishedAt,
      coverMediaId: o.coverMediaId ?? null,
      authorName: o.authorName ?? '',
      searchText: searchTextOf(o.title, summary, bodyHtml),
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPage(
  db: Db,
  o: {
    unitId: number;
    slug: string;
    title: string;
    bodyHtml?: string;
    position?: number;
    showInMenu?: boolean;
  },
): Promise<number> {
  const bodyHtml = o.bodyHtml ?? '<p>Nội dung trang.</p>';
  const row = await db
    .insertInto('page')
    .values({
      unitId: o.unitId,
      slug: o.slug,
      title: o.title,
      bodyHtml,
      position: o.position ?? 0,
      showInMenu: o.showInMenu === false ? 0 : 1,
      searchText: searchTextOf(o.title, bodyHtml),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An instant `days` days before `base` (ISO), for ordering articles by date. */
export const daysBefore = (base: string, days: number, hours = 0): string =>
  new Date(new Date(base).getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();
