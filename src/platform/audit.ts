import type { Conn } from './db.js';

export type AuditEntry = {
  at: Date;
  actor: { id: number; name: string } | null;
  unitId: number | null;
  /** What happened, e.g. `article.publish`, `account.create`. */
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/**
 * The append-only audit trail of staff writes. Services call `append` inside the transaction of the change it
 * records, so a change and its audit row land together or not at all. The database refuses updates and deletes.
 */
export class AuditLog {
  async append(trx: Conn, e: AuditEntry): Promise<void> {
    await trx
      .insertInto('auditLog')
      .values({
        at: e.at.toISOString(),
        actorId: e.actor?.id ?? null,
        actorName: e.actor?.name ?? 'hệ thống',
        unitId: e.unitId,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId === null ? null : String(e.entityId),
        beforeJson: e.before === undefined ? null : JSON.stringify(e.before),
        afterJson: e.after === undefined ? null : JSON.stringify(e.after),
        ip: e.ip ?? null,
      })
      .execute();
  }

  listForUnit(db: Conn, unitId: number, limit = 100) {
    return db
      .selectFrom('auditLog')
      .select(['id', 'at', 'actorName', 'action', 'entity', 'entityId', 'beforeJson', 'afterJson', 'ip'])
      .where('unitId', '=', unitId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
