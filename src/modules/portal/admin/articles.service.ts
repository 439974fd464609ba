import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db, Tx } from '../../../platform/db.js';
import type { ArticleStatus } from '../../../platform/db-schema.js';
import { FieldError, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import type { Actor } from '../../accounts/actor.js';
import { adminMessages } from './admin.messages.js';
import type { ArticleForm } from './admin.schemas.js';
import type { ArticleEditRow, ArticleRepository } from './articles.repository.js';
import { can, type ArticleAction, type ArticleRef } from './articles.policy.js';
import type { CategoryRepository } from './categories.repository.js';
import { sanitizeBodyHtml } from './html-sanitize.js';
import type { PreparedImage } from './image-upload.js';
import type { MediaService } from './media.service.js';
import type { PageCache } from '../page-cache.js';
import { htmlToText, searchTextOf } from '../search-text.js';
import { chooseSlug, saveWithSlug } from './slug-choice.js';

type Deps = {
  db: Db;
  articles: ArticleRepository;
  categories: CategoryRepository;
  media: MediaService;
  audit: AuditLog;
  clock: Clock;
  pageCache: PageCache;
};

/** The stored columns of an article that a save writes. */
type ArticleValues = {
  categoryId: number;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  coverMediaId: number | null;
  status: ArticleStatus;
  featured: number;
  publishedAt: string;
  searchText: string;
  updatedAt: string;
};

/** A cover image uploaded with the article form. */
export type CoverUpload = { image: PreparedImage; alt: string; caption: string };

const f = adminMessages.fields;

/** True when sanitised HTML has something to read or see. */
export function hasContent(html: string): boolean {
  return htmlToText(html) !== '' || /<img\b/.test(html);
}

/** Writing, editing and deleting a unit's articles. Every write: one transaction with its audit row, then the
 * unit's cached public pages are dropped. */
export class ArticleAdminService {
  constructor(private readonly deps: Deps) {}

  async list(unitId: number, status: ArticleStatus | undefined, page: number, pageSize: number) {
    const { db, articles } = this.deps;
    const [rows, total] = await Promise.all([
      articles.listForAdmin(db, unitId, status, pageSize, (page - 1) * pageSize),
      articles.countForAdmin(db, unitId, status),
    ]);
    return { rows, total };
  }

  /** An article of the unit; a 404 for an id of another unit or none. */
  async get(unitId: number, id: number): Promise<ArticleEditRow> {
    const row = await this.deps.articles.findById(this.deps.db, unitId, id);
    if (!row) {
      throw new NotFoundError('article_not_found', adminMessages.notFound.article);
    }
    return row;
  }

  /** Counts by status, for the dashboard. */
  async countByStatus(unitId: number): Promise<Record<ArticleStatus, number>> {
    const out: Record<ArticleStatus, number> = { draft: 0, published: 0 };
    for (const r of await this.deps.articles.countByStatus(this.deps.db, unitId)) {
      out[r.status] = Number(r.n);
    }
    return out;
  }

  latest(unitId: number, n: number) {
    return this.deps.articles.listForAdmin(this.deps.db, unitId, undefined, n, 0);
  }

  /**
   * Creates (id null) or updates an article from the parsed form: body sanitised, slug chosen, category and cover
   * checked against the unit, policy asked, optional cover upload recorded, audit row written, all in one
   * transaction. Returns the article's id.
   */
  async save(
    actor: Actor,
    unitId: number,
    id: number | null,
    form: ArticleForm,
    cover: CoverUpload | null,
    ip: string | null,
  ): Promise<number> {
    const { db, articles, media, clock, pageCache } = this.deps;
    const bodyHtml = sanitizeBodyHtml(form.body);
    if (!hasContent(bodyHtml)) {
      throw new FieldError('body', 'body_required', f.body_required);
    }
    const text = { title: form.title.normalize('NFC'), summary: form.summary.normalize('NFC'), bodyHtml };
    const now = clock.now();
    const storageKey = cover ? await media.storeBytes(cover.image) : null;
    try {
      const savedId = await saveWithSlug(form.slug, () =>
        db.transaction().execute(async (trx) => {
          const before = await this.checkWrite(trx, actor, unitId, id, form);
          const coverMediaId = await this.coverMediaIdOf(trx, actor, unitId, form, cover, storageKey, ip);
          const slug = await chooseSlug(form.slug, text.title, 'bai-viet', (s) =>
            articles.slugTaken(trx, unitId, s, id ?? undefined),
          );
          const values = {
            ...text,
            categoryId: form.categoryId,
            slug,
            coverMediaId,
            status: form.status,
            featured: form.featured ? 1 : 0,
            publishedAt: form.publishedAt ?? now.toISOString(),
            searchText: searchTextOf(text.title, text.summary, bodyHtml),
            updatedAt: now.toISOString(),
          };
          return this.write(trx, actor, unitId, before, values, now, ip);
        }),
      );
      pageCache.invalidateUnit(unitId);
      return savedId;
    } catch (err) {
      if (storageKey) {
        await media.discardBytes(storageKey);
      }
      throw err;
    }
  }

  /**
   * The stored article (undefined for a new one) once the write is allowed: the article is the unit's, the actor
   * may create or edit it (and publish, when asked), and the category is the unit's.
   */
  private async checkWrite(
    trx: Tx,
    actor: Actor,
    unitId: number,
    id: number | null,
    form: ArticleForm,
  ): Promise<ArticleEditRow | undefined> {
    const { articles, categories } = this.deps;
    const before = id === null ? undefined : await articles.findById(trx, unitId, id);
    if (id !== null && !before) {
      throw new NotFoundError('article_not_found', adminMessages.notFound.article);
    }
    const ref: ArticleRef = {
      unitId,
      status: before?.status ?? form.status,
      authorId: before?.authorId ?? actor.id,
    };
    this.assertCan(actor, before ? 'edit' : 'create', ref);
    if (form.status === 'published' && !can(actor, 'publish', ref)) {
      throw new FieldError('status', 'publish_forbidden', f.publish_forbidden);
    }
    if (!(await categories.findById(trx, unitId, form.categoryId))) {
      throw new FieldError('categoryId', 'category_unknown', f.category_unknown);
    }
    return before;
  }

  /** The cover's media id: the uploaded image, recorded in the library, or the chosen one if it is the unit's. */
  private async coverMediaIdOf(
    trx: Tx,
    actor: Actor,
    unitId: number,
    form: ArticleForm,
    cover: CoverUpload | null,
    storageKey: string | null,
    ip: string | null,
  ): Promise<number | null> {
    const { media } = this.deps;
    const chosen = form.coverMediaId ?? null;
    if (cover && storageKey) {
      return media.recordInTransaction(trx, actor, unitId, cover.image, storageKey, cover, ip);
    }
    if (chosen !== null && !(await media.findInUnit(trx, unitId, chosen))) {
      throw new FieldError('coverMediaId', 'cover_unknown', f.cover_unknown);
    }
    return chosen;
  }

  /** Inserts or updates the article and writes its audit row; returns its id. */
  private async write(
    trx: Tx,
    actor: Actor,
    unitId: number,
    before: ArticleEditRow | undefined,
    values: ArticleValues,
    now: Date,
    ip: string | null,
  ): Promise<number> {
    const { articles, audit } = this.deps;
    let articleId: number;
    if (before) {
      articleId = before.id;
      await articles.update(trx, unitId, before.id, values);
    } else {
      articleId = await articles.insert(trx, {
        ...values,
        unitId,
        authorId: actor.id,
        authorName: actor.name,
        createdAt: now.toISOString(),
      });
    }
    await audit.append(trx, {
      at: now,
      actor,
      unitId,
      action: before ? 'article.update' : 'article.create',
      entity: 'article',
      entityId: articleId,
      before: before ? snapshot(before) : undefined,
      after: snapshot(values),
      ip,
    });
    return articleId;
  }

  async remove(actor: Actor, unitId: number, id: number, ip: string | null): Promise<void> {
    const { db, articles, audit, clock, pageCache } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await articles.findById(trx, unitId, id);
      if (!before) {
        throw new NotFoundError('article_not_found', adminMessages.notFound.article);
      }
      this.assertCan(actor, 'delete', before);
      await articles.delete(trx, unitId, id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'article.delete',
        entity: 'article',
        entityId: id,
        before: snapshot(before),
        ip,
      });
    });
    pageCache.invalidateUnit(unitId);
  }

  private assertCan(actor: Actor, action: ArticleAction, ref: ArticleRef): void {
    if (!can(actor, action, ref)) {
      throw new ForbiddenError('article_forbidden', adminMessages.articleForbidden);
    }
  }
}

function snapshot(a: {
  title: string;
  slug: string;
  categoryId: number;
  status: string;
  featured: number;
  publishedAt: string | null;
  coverMediaId: number | null;
  summary: string;
  bodyHtml: string;
}) {
  return {
    title: a.title,
    slug: a.slug,
    categoryId: a.categoryId,
    status: a.status,
    featured: a.featured,
    publishedAt: a.publishedAt,
    coverMediaId: a.coverMediaId,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
  };
}
