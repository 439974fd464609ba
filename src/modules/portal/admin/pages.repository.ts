import type { Insertable, Updateable } from 'kysely';
import type { Conn, Tx } from '../../../platform/db.js';
import type { PageTable } from '../../../platform/db-schema.js';

const COLUMNS = ['id', 'unitId', 'slug', 'title', 'bodyHtml', 'position', 'showInMenu', 'updatedAt'] as const;

/** The admin's reads and writes of static pages, always within one unit. */
export class PageRepository {
  listForUnit(db: Conn, unitId: number) {
    return db
      .selectFrom('page')
      .select(['id', 'slug', 'title', 'position', 'showInMenu', 'updatedAt'])
      .where('unitId', '=', unitId)
      .orderBy('position')
      .orderBy('title')
      .execute();
  }

  findById(db: Conn, unitId: number, id: number) {
    return db
      .selectFrom('page')
      .select(COLUMNS)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async slugTaken(db: Conn, unitId: number, slug: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom('page').select('id').where('unitId', '=', unitId).where('slug', '=', slug);
    if (exceptId !== undefined) {
      q = q.where('id', '!=', exceptId);
    }
    return (await q.executeTakeFirst()) !== undefined;
  }

  async count(db: Conn, unitId: number): Promise<number> {
    const row = await db
      .selectFrom('page')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(trx: Tx, values: Insertable<PageTable>): Promise<number> {
    const row = await trx.insertInto('page').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Tx, unitId: number, id: number, values: Updateable<PageTable>): Promise<void> {
    await trx
      .updateTable('page')
      .set(values)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, unitId: number, id: number): Promise<void> {
    await trx.deleteFrom('page').where('unitId', '=', unitId).where('id', '=', id).execute();
  }
}

export type PageRow = NonNullable<Awaited<ReturnType<PageRepository['findById']>>>;
