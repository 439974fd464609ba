import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import type { Actor } from '../../accounts/actor.js';
import { adminMessages } from './admin.messages.js';
import type { CategoryForm } from './admin.schemas.js';
import type { ArticleRepository } from './articles.repository.js';
import type { CategoryRepository, CategoryRow } from './categories.repository.js';
import type { PageCache } from '../page-cache.js';
import { chooseSlug, saveWithSlug } from './slug-choice.js';

type Deps = {
  db: Db;
  categories: CategoryRepository;
  articles: ArticleRepository;
  audit: AuditLog;
  clock: Clock;
  pageCache: PageCache;
};

/** A unit's news categories. */
export class CategoryService {
  constructor(private readonly deps: Deps) {}

  list(unitId: number) {
    return this.deps.categories.listForUnit(this.deps.db, unitId);
  }

  count(unitId: number): Promise<number> {
    return this.deps.categories.count(this.deps.db, unitId);
  }

  async get(unitId: number, id: number): Promise<CategoryRow> {
    const row = await this.deps.categories.findById(this.deps.db, unitId, id);
    if (!row) {
      throw new NotFoundError('category_not_found', adminMessages.notFound.category);
    }
    return row;
  }

  /** Creates (id null) or updates a category; the slug is unique in the unit. */
  async save(
    actor: Actor,
    unitId: number,
    id: number | null,
    form: CategoryForm,
    ip: string | null,
  ): Promise<number> {
    const { db, categories, audit, clock, pageCache } = this.deps;
    const now = clock.now().toISOString();
    const name = form.name.normalize('NFC');
    const savedId = await saveWithSlug(form.slug, () =>
      db.transaction().execute(async (trx) => {
        const before = id === null ? undefined : await categories.findById(trx, unitId, id);
        if (id !== null && !before) {
          throw new NotFoundError('category_not_found', adminMessages.notFound.category);
        }
        const slug = await chooseSlug(form.slug, name, 'chuyen-muc', (s) =>
          categories.slugTaken(trx, unitId, s, id ?? undefined),
        );
        const values = {
          name,
          slug,
          description: form.description.normalize('NFC'),
          position: form.position,
          showOnHome: form.showOnHome ? 1 : 0,
          showInMenu: form.showInMenu ? 1 : 0,
          updatedAt: now,
        };
        const categoryId = before
          ? (await categories.update(trx, unitId, before.id, values), before.id)
          : await categories.insert(trx, { ...values, unitId, createdAt: now });
        await audit.append(trx, {
          at: new Date(now),
          actor,
          unitId,
          action: before ? 'category.update' : 'category.create',
          entity: 'category',
          entityId: categoryId,
          before: before ? { ...before, updatedAt: undefined } : undefined,
          after: { ...values, updatedAt: undefined },
          ip,
        });
        return categoryId;
      }),
    );
    pageCache.invalidateUnit(unitId);
    return savedId;
  }

  /** Deletes a category that has no articles; refuses with a message otherwise. */
  async remove(actor: Actor, unitId: number, id: number, ip: string | null): Promise<void> {
    const { db, categories, articles, audit, clock, pageCache } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await categories.findById(trx, unitId, id);
      if (!before) {
        throw new NotFoundError('category_not_found', adminMessages.notFound.category);
      }
      const n = await articles.countInCategory(trx, unitId, id);
      if (n > 0) {
        throw new ConflictError('category_has_articles', adminMessages.categories.hasArticles(n));
      }
      await categories.delete(trx, unitId, id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'category.delete',
        entity: 'category',
        entityId: id,
        before,
        ip,
      });
    });
    pageCache.invalidateUnit(unitId);
  }
}
