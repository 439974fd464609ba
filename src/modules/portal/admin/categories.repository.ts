import type { Insertable, Updateable } from 'kysely';
import type { Conn, Tx } from '../../../platform/db.js';
import type { CategoryTable } from '../../../platform/db-schema.js';

const COLUMNS = [
  'id',
  'unitId',
  'slug',
  'name',
  'description',
  'position',
  'showOnHome',
  'showInMenu',
  'updatedAt',
] as const;

/** The admin's reads and writes of categories, always within one unit. */
export class CategoryRepository {
  listForUnit(db: Conn, unitId: number) {
    return db
      .selectFrom('category')
      .select(COLUMNS)
      .where('unitId', '=', unitId)
      .orderBy('position')
      .orderBy('name')
      .execute();
  }

  findById(db: Conn, unitId: number, id: number) {
    return db
      .selectFrom('category')
      .select(COLUMNS)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async slugTaken(db: Conn, unitId: number, slug: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom('category').select('id').where('unitId', '=', unitId).where('slug', '=', slug);
    if (exceptId !== undefined) {
      q = q.where('id', '!=', exceptId);
    }
    return (await q.executeTakeFirst()) !== undefined;
  }

  async count(db: Conn, unitId: number): Promise<number> {
    const row = await db
      .selectFrom('category')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(trx: Tx, values: Insertable<CategoryTable>): Promise<number> {
    const row = await trx.insertInto('category').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Tx, unitId: number, id: number, values: Updateable<CategoryTable>): Promise<void> {
    await trx
      .updateTable('category')
      .set(values)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, unitId: number, id: number): Promise<void> {
    await trx.deleteFrom('category').where('unitId', '=', unitId).where('id', '=', id).execute();
  }
}

export type CategoryRow = NonNullable<Awaited<ReturnType<CategoryRepository['findById']>>>;
