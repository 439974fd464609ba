import type { Insertable, Selectable } from 'kysely';
import type { Conn } from '../../../platform/db.js';
import type { DossierPaymentTable } from '../../../platform/db-schema.js';
import type { PaymentOutcome } from './payment-gateway.js';

export type PaymentRow = Selectable<DossierPaymentTable>;

/** SQL of the dossier_payment table: the only place that reads or writes it. */
export class PaymentRepository {
  async insert(db: Conn, row: Insertable<DossierPaymentTable>): Promise<number> {
    const r = await db.insertInto('dossierPayment').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  byRef(db: Conn, ref: string): Promise<PaymentRow | undefined> {
    return db.selectFrom('dossierPayment').selectAll().where('ref', '=', ref).executeTakeFirst();
  }

  forDossier(db: Conn, dossierId: number): Promise<PaymentRow[]> {
    return db
      .selectFrom('dossierPayment')
      .selectAll()
      .where('dossierId', '=', dossierId)
      .orderBy('id')
      .execute();
  }

  /**
   * Settles a payment with a verified notification, in one conditional statement, so that of two notifications
   * at once (or a replay) exactly one settles it: 'paid' from any other status (the money was taken even if the
   * citizen had cancelled an earlier try of the same reference), 'failed' and 'cancelled' only from 'pending'.
   * On PostgreSQL the second of two concurrent updates waits for the first and then finds nothing to change; SQLite
   * has one writer at a time. Returns whether this call settled it.
   */
  async settle(
    trx: Conn,
    id: number,
    s: { status: PaymentOutcome; paidAt: string | null; notifiedAt: string; notification: string },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('dossierPayment')
      .set({ status: s.status, paidAt: s.paidAt, notifiedAt: s.notifiedAt, notification: s.notification })
      .where('id', '=', id)
      .$call((qb) =>
        s.status === 'paid' ? qb.where('status', '<>', 'paid') : qb.where('status', '=', 'pending'),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async markFeeRecorded(trx: Conn, id: number): Promise<void> {
    await trx.updateTable('dossierPayment').set({ feeRecorded: 1 }).where('id', '=', id).execute();
  }

  /** A payment the gateway would not even start: failed at once, with no notification. */
  async markStartFailed(db: Conn, id: number, at: string): Promise<void> {
    await db
      .updateTable('dossierPayment')
      .set({ status: 'failed', notifiedAt: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }
}
