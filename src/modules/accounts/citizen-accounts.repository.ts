import type { Conn, Tx } from '../../platform/db.js';

/** SQL of citizens' accounts: rows of `account` with kind 'citizen' (sign-in itself is AccountService's). */
export class CitizenRepository {
  async insert(
    trx: Tx,
    values: { username: string; fullName: string; email: string | null; phone: string; passwordHash: string },
  ): Promise<number> {
    const row = await trx
      .insertInto('account')
      .values({ ...values, kind: 'citizen' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  exists(db: Conn, username: string): Promise<{ id: number } | undefined> {
    return db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst();
  }

  /** A live citizen account (never a staff one). */
  findCitizen(db: Conn, id: number) {
    return db
      .selectFrom('account')
      .select(['id', 'username', 'fullName', 'email', 'phone'])
      .where('id', '=', id)
      .where('kind', '=', 'citizen')
      .where('disabled', '=', 0)
      .executeTakeFirst();
  }
}
