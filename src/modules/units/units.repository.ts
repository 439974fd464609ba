import type { Insertable, Updateable } from 'kysely';
import type { Conn, Tx } from '../../platform/db.js';
import type { UnitTable } from '../../platform/db-schema.js';

const UNIT_COLUMNS = [
  'id',
  'slug',
  'name',
  'kind',
  'parentId',
  'adminCode',
  'agencyCode',
  'host',
  'isDefault',
  'fullName',
  'address',
  'phone',
  'email',
  'editorName',
  'editorTitle',
  'logoPath',
  'isDemo',
  'updatedAt',
] as const;

export class UnitRepository {
  findAll(db: Conn) {
    return db.selectFrom('unit').select(UNIT_COLUMNS).orderBy('id').execute();
  }

  findById(db: Conn, id: number) {
    return db.selectFrom('unit').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  count(db: Conn) {
    return db
      .selectFrom('unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }

  async insert(trx: Tx, values: Insertable<UnitTable>): Promise<number> {
    const row = await trx.insertInto('unit').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateSettings(trx: Tx, id: number, values: Updateable<UnitTable>): Promise<void> {
    await trx.updateTable('unit').set(values).where('id', '=', id).executeTakeFirstOrThrow();
  }
}

export type UnitRow = Awaited<ReturnType<UnitRepository['findAll']>>[number];
