import type { Insertable, Updateable } from 'kysely';
import type { Conn, Tx } from '../platform/db.js';
import type { ArticleTable, CategoryTable, MediaTable, PageTable, UnitTable } from '../platform/db-schema.js';

/**
 * Bulk writes for the demo data: one multi-row insert per table and unit, inside the caller's transaction. The
 * portal's own repositories write one row per use-case; the demo loader needs hundreds of rows in seconds.
 */
export class DemoRepository {
  /** Portal settings (footer contacts, editor-in-chief) written with the rest of a unit's demo content. */
  async updateUnitSettings(trx: Tx, unitId: number, values: Updateable<UnitTable>): Promise<void> {
    await trx.updateTable('unit').set(values).where('id', '=', unitId).executeTakeFirstOrThrow();
  }

  insertMedia(trx: Tx, rows: Insertable<MediaTable>[]) {
    return trx.insertInto('media').values(rows).returning(['id', 'storageKey']).execute();
  }

  insertCategories(trx: Tx, rows: Insertable<CategoryTable>[]) {
    return trx.insertInto('category').values(rows).returning(['id', 'slug']).execute();
  }

  async insertArticles(trx: Tx, rows: Insertable<ArticleTable>[]): Promise<void> {
    await trx.insertInto('article').values(rows).execute();
  }

  async insertPages(trx: Tx, rows: Insertable<PageTable>[]): Promise<void> {
    await trx.insertInto('page').values(rows).execute();
  }

  /** Account ids by username (the demo dossiers' staff). */
  async accountIds(db: Conn, usernames: readonly string[]): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('account')
      .select(['id', 'username'])
      .where('username', 'in', [...usernames])
      .execute();
    return new Map(rows.map((r) => [r.username, r.id]));
  }

  /** Flags the generated dossiers of the demo units as demo data (DossierService makes real ones). */
  async markDossiersDemo(db: Conn, unitIds: readonly number[]): Promise<void> {
    if (unitIds.length > 0) {
      await db
        .updateTable('dossier')
        .set({ isDemo: 1 })
        .where('unitId', 'in', [...unitIds])
        .execute();
    }
  }
}
