import type { Conn, Tx } from '../../platform/db.js';
import type { Role } from './roles.js';

export class AccountRepository {
  findByUsername(db: Conn, username: string) {
    return db
      .selectFrom('account')
      .select([
        'id',
        'kind',
        'username',
        'fullName',
        'passwordHash',
        'disabled',
        'failedSignIns',
        'lockedUntil',
      ])
      .where('username', '=', username)
      .executeTakeFirst();
  }

  findById(db: Conn, id: number) {
    return db
      .selectFrom('account')
      .select(['id', 'kind', 'username', 'fullName', 'email', 'phone', 'disabled', 'lastSignInAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Staff accounts holding any role in the unit, with their roles there. */
  findStaffOfUnit(db: Conn, unitId: number) {
    return db
      .selectFrom('account')
      .innerJoin('accountRole', 'accountRole.accountId', 'account.id')
      .select([
        'account.id',
        'account.username',
        'account.fullName',
        'account.email',
        'account.disabled',
        'account.lastSignInAt',
        'accountRole.role',
      ])
      .where('accountRole.unitId', '=', unitId)
      .orderBy('account.username')
      .execute();
  }

  findRoles(db: Conn, accountId: number) {
    return db
      .selectFrom('accountRole')
      .select(['unitId', 'role'])
      .where('accountId', '=', accountId)
      .execute();
  }

  async insert(
    trx: Tx,
    values: {
      kind: 'staff' | 'citizen';
      username: string;
      fullName: string;
      email: string | null;
      passwordHash: string;
    },
  ): Promise<number> {
    const row = await trx.insertInto('account').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async replaceRoles(trx: Tx, accountId: number, unitId: number, roles: readonly Role[]): Promise<void> {
    await trx
      .deleteFrom('accountRole')
      .where('accountId', '=', accountId)
      .where('unitId', '=', unitId)
      .execute();
    if (roles.length > 0) {
      await trx
        .insertInto('accountRole')
        .values(roles.map((role) => ({ accountId, unitId, role })))
        .execute();
    }
  }

  async recordFailedSignIn(
    trx: Tx,
    id: number,
    failedSignIns: number,
    lockedUntil: string | null,
  ): Promise<void> {
    await trx.updateTable('account').set({ failedSignIns, lockedUntil }).where('id', '=', id).execute();
  }

  async recordSignIn(trx: Tx, id: number, at: string): Promise<void> {
    await trx
      .updateTable('account')
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: at })
      .where('id', '=', id)
      .execute();
  }

  async updatePassword(trx: Tx, id: number, passwordHash: string, at: string): Promise<void> {
    await trx.updateTable('account').set({ passwordHash, updatedAt: at }).where('id', '=', id).execute();
  }

  async setDisabled(trx: Tx, id: number, disabled: boolean, at: string): Promise<void> {
    await trx
      .updateTable('account')
      .set({ disabled: disabled ? 1 : 0, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }
}

export class SessionRepository {
  async insert(
    trx: Conn,
    s: { id: string; accountId: number; createdAt: string; expiresAt: string },
  ): Promise<void> {
    await trx.insertInto('session').values(s).execute();
  }

  findLive(db: Conn, id: string, now: string) {
    return db
      .selectFrom('session')
      .select(['id', 'accountId', 'expiresAt'])
      .where('id', '=', id)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
  }

  async delete(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('session').where('id', '=', id).execute();
  }

  async deleteForAccount(trx: Conn, accountId: number): Promise<void> {
    await trx.deleteFrom('session').where('accountId', '=', accountId).execute();
  }

  async deleteExpired(db: Conn, now: string): Promise<void> {
    await db.deleteFrom('session').where('expiresAt', '<=', now).execute();
  }
}
