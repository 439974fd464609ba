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

export class ApiTokenRepository {
  async insert(
    trx: Tx,
    t: {
      accountId: number;
      name: string;
      prefix: string;
      tokenHash: string;
      createdAt: string;
      createdBy: number | null;
      expiresAt: string | null;
    },
  ): Promise<number> {
    const row = await trx.insertInto('apiToken').values(t).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** A token by the hash of its text, with the state of its account (null when not found). */
  findByHash(db: Conn, tokenHash: string) {
    return db
      .selectFrom('apiToken')
      .innerJoin('account', 'account.id', 'apiToken.accountId')
      .select([
        'apiToken.id',
        'apiToken.accountId',
        'apiToken.expiresAt',
        'apiToken.lastUsedAt',
        'apiToken.revokedAt',
        'account.kind',
        'account.disabled',
      ])
      .where('apiToken.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  findById(db: Conn, id: number) {
    return db
      .selectFrom('apiToken')
      .select(['id', 'accountId', 'name', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Every token of an account, newest first (revoked and expired ones included). */
  findForAccount(db: Conn, accountId: number) {
    return db
      .selectFrom('apiToken')
      .select(['id', 'accountId', 'name', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
      .where('accountId', '=', accountId)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Sets revoked_at unless already set; true when this call revoked it. */
  async revoke(trx: Tx, id: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('apiToken')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Revokes every live token of an account (when it is disabled); the ids revoked. */
  async revokeAllForAccount(trx: Tx, accountId: number, at: string): Promise<number[]> {
    const rows = await trx
      .updateTable('apiToken')
      .set({ revokedAt: at })
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Records a use, at most once per `since` (the caller passes now minus a minute): one cheap UPDATE otherwise. */
  async touch(db: Conn, id: number, at: string, since: string): Promise<void> {
    await db
      .updateTable('apiToken')
      .set({ lastUsedAt: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', since)]))
      .execute();
  }
}
