import { adminPaths, assetPaths, portalPaths } from '../../../http/paths.js';
import { formatDateTime, formatNumber } from '../../../platform/time.js';
import type { FormValues } from '../../../web/components/form-errors.js';
import { adminMessages } from './admin.messages.js';
import type { ArticleEditRow, ArticleListRow } from './articles.repository.js';
import type { CategoryRow } from './categories.repository.js';
import { parseLocalDateTime, toLocalInputValue } from './local-datetime.js';
import type { MediaRow } from './media.repository.js';
import type { PageRow } from './pages.repository.js';
import { pageCount, toPagination, type PaginationView } from '../public/portal.presenter.js';

/** Row → view model shaping for the portal admin. Pure. */

export type ArticleRowView = {
  id: number;
  title: string;
  href: string;
  publicHref: string | null;
  categoryName: string;
  status: string;
  statusLabel: string;
  featured: boolean;
  published: string;
  updated: string;
};

export function toArticleRows(rows: readonly ArticleListRow[], base: string): ArticleRowView[] {
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    href: adminPaths.articleEdit(base, r.id),
    publicHref: r.status === 'published' ? portalPaths.article(base, r.slug) : null,
    categoryName: r.categoryName,
    status: r.status,
    statusLabel: adminMessages.status[r.status] ?? r.status,
    featured: r.featured === 1,
    published: r.publishedAt ? formatDateTime(r.publishedAt) : '—',
    updated: formatDateTime(r.updatedAt),
  }));
}

/** The pager of an admin list (the public site's), or null when everything fits on one page. */
export function pagination(
  total: number,
  page: number,
  pageSize: number,
  hrefFor: (p: number) => string,
): PaginationView | null {
  const pages = pageCount(total, pageSize);
  return pages > 1 ? toPagination(page, pages, hrefFor) : null;
}

/** The edit form's values from a stored article. */
export function articleFormValues(a: ArticleEditRow): FormValues {
  return {
    title: a.title,
    slug: a.slug,
    categoryId: String(a.categoryId),
    summary: a.summary,
    body: a.bodyHtml,
    coverMediaId: a.coverMediaId === null ? '' : String(a.coverMediaId),
    featured: a.featured === 1 ? '1' : '',
    status: a.status,
    publishedAt: a.publishedAt ? toLocalInputValue(a.publishedAt) : '',
  };
}

/** The new-article form starts as a draft; an empty publish time means "when saved" (the service fills it in). */
export function newArticleValues(categoryId?: number): FormValues {
  return {
    status: 'draft',
    publishedAt: '',
    categoryId: categoryId === undefined ? '' : String(categoryId),
  };
}

/** The publish time as a datetime-local input shows it; what cannot be read is given back unchanged. */
export function publishedAtInputValue(raw: string | undefined): string {
  const parsed = raw ? parseLocalDateTime(raw) : null;
  return parsed ? toLocalInputValue(parsed) : (raw ?? '');
}

export type MediaView = {
  id: number;
  url: string;
  fileName: string;
  alt: string;
  caption: string;
  size: string;
  dimensions: string;
  uploaded: string;
  label: string;
};

export function toMediaViews(rows: readonly MediaRow[]): MediaView[] {
  return rows.map((m) => ({
    id: m.id,
    url: assetPaths.media(m.storageKey),
    fileName: m.fileName,
    alt: m.alt,
    caption: m.caption,
    size: `${formatNumber(m.size / 1024, 1)} KB`,
    dimensions: m.width && m.height ? `${m.width} × ${m.height}` : '',
    uploaded: formatDateTime(m.createdAt),
    label: `${m.caption || m.alt || m.fileName} (#${m.id})`,
  }));
}

export function categoryFormValues(c: CategoryRow): FormValues {
  return {
    name: c.name,
    slug: c.slug,
    description: c.description,
    position: String(c.position),
    showOnHome: c.showOnHome === 1 ? '1' : '',
    showInMenu: c.showInMenu === 1 ? '1' : '',
  };
}

export function pageFormValues(p: PageRow): FormValues {
  return {
    title: p.title,
    slug: p.slug,
    body: p.bodyHtml,
    position: String(p.position),
    showInMenu: p.showInMenu === 1 ? '1' : '',
  };
}
