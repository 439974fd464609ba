import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import { FieldError, NotFoundError } from '../../../platform/errors.js';
import type { Actor } from '../../accounts/actor.js';
import { adminMessages } from './admin.messages.js';
import type { PageForm } from './admin.schemas.js';
import { hasContent } from './articles.service.js';
import { sanitizeBodyHtml } from './html-sanitize.js';
import type { PageCache } from '../page-cache.js';
import type { PageRepository, PageRow } from './pages.repository.js';
import { searchTextOf } from '../search-text.js';
import { chooseSlug, saveWithSlug } from './slug-choice.js';

type Deps = { db: Db; pages: PageRepository; audit: AuditLog; clock: Clock; pageCache: PageCache };

/** A unit's static pages (introduction, organisation, leaders…). */
export class PageService {
  constructor(private readonly deps: Deps) {}

  list(unitId: number) {
    return this.deps.pages.listForUnit(this.deps.db, unitId);
  }

  count(unitId: number): Promise<number> {
    return this.deps.pages.count(this.deps.db, unitId);
  }

  async get(unitId: number, id: number): Promise<PageRow> {
    const row = await this.deps.pages.findById(this.deps.db, unitId, id);
    if (!row) {
      throw new NotFoundError('page_not_found', adminMessages.notFound.page);
    }
    return row;
  }

  async save(
    actor: Actor,
    unitId: number,
    id: number | null,
    form: PageForm,
    ip: string | null,
  ): Promise<number> {
    const { db, pages, audit, clock, pageCache } = this.deps;
    const bodyHtml = sanitizeBodyHtml(form.body);
    if (!hasContent(bodyHtml)) {
      throw new FieldError('body', 'body_required', adminMessages.fields.body_required);
    }
    const title = form.title.normalize('NFC');
    const now = clock.now().toISOString();
    const savedId = await saveWithSlug(form.slug, () =>
      db.transaction().execute(async (trx) => {
        const before = id === null ? undefined : await pages.findById(trx, unitId, id);
        if (id !== null && !before) {
          throw new NotFoundError('page_not_found', adminMessages.notFound.page);
        }
        const slug = await chooseSlug(form.slug, title, 'trang', (s) =>
          pages.slugTaken(trx, unitId, s, id ?? undefined),
        );
        const values = {
          title,
          slug,
          bodyHtml,
          position: form.position,
          showInMenu: form.showInMenu ? 1 : 0,
          searchText: searchTextOf(title, bodyHtml),
          updatedAt: now,
        };
        const pageId = before
          ? (await pages.update(trx, unitId, before.id, values), before.id)
          : await pages.insert(trx, { ...values, unitId, createdAt: now });
        await audit.append(trx, {
          at: new Date(now),
          actor,
          unitId,
          action: before ? 'page.update' : 'page.create',
          entity: 'page',
          entityId: pageId,
          before: before ? { ...before, updatedAt: undefined } : undefined,
          after: { ...values, searchText: undefined, updatedAt: undefined },
          ip,
        });
        return pageId;
      }),
    );
    pageCache.invalidateUnit(unitId);
    return savedId;
  }

  async remove(actor: Actor, unitId: number, id: number, ip: string | null): Promise<void> {
    const { db, pages, audit, clock, pageCache } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await pages.findById(trx, unitId, id);
      if (!before) {
        throw new NotFoundError('page_not_found', adminMessages.notFound.page);
      }
      await pages.delete(trx, unitId, id);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'page.delete',
        entity: 'page',
        entityId: id,
        before,
        ip,
      });
    });
    pageCache.invalidateUnit(unitId);
  }
}
