import type { Insertable } from 'kysely';
import type { Conn, Tx } from '../../../platform/db.js';
import type { MediaTable } from '../../../platform/db-schema.js';

const COLUMNS = [
  'id',
  'unitId',
  'storageKey',
  'fileName',
  'mime',
  'size',
  'width',
  'height',
  'alt',
  'caption',
  'createdAt',
] as const;

/** Uploaded files: the admin's library of a unit, and the look-up that serves /media/<key>. */
export class MediaRepository {
  listForUnit(db: Conn, unitId: number, limit: number, offset: number) {
    return db
      .selectFrom('media')
      .select(COLUMNS)
      .where('unitId', '=', unitId)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async count(db: Conn, unitId: number): Promise<number> {
    const row = await db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  findById(db: Conn, unitId: number, id: number) {
    return db
      .selectFrom('media')
      .select(COLUMNS)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByStorageKey(db: Conn, storageKey: string) {
    return db
      .selectFrom('media')
      .select(['mime', 'size'])
      .where('storageKey', '=', storageKey)
      .executeTakeFirst();
  }

  async insert(trx: Tx, values: Insertable<MediaTable>): Promise<number> {
    const row = await trx.insertInto('media').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }
}

export type MediaRow = NonNullable<Awaited<ReturnType<MediaRepository['findById']>>>;
