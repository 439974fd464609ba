import { sql } from 'kysely';
import { flag, instantType, withId, type AnyDb } from './helpers.js';

/**
 * Online payments of dossier fees (issue #3 item 4; Decree 61/2018 Art. 22: fees may be paid online through the
 * one-stop system's payment function). One row per attempt: the citizen starts it on the public look-up, the payment
 * gateway (src/modules/dossiers/payments/) takes the money and notifies congxa, and a verified "paid" notification
 * records the fee on the dossier once. The raw notification is kept as the gateway sent it.
 */
export async function up(db: AnyDb): Promise<void> {
  const instant = instantType(db);

  await db.schema
    .createTable('dossier_payment')
    .$call(withId(db))
    // Ours, random, sent to the gateway as its order reference (vnp_TxnRef and the like).
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossier.id').onDelete('cascade'))
    // The adapter's name (PaymentGateway.name): 'sandbox', or a real gateway's.
    .addColumn('gateway', 'text', (c) => c.notNull())
    // The amount asked: the dossier's fee when the payment started. A notification of another amount is refused.
    .addColumn('amount_vnd', 'integer', (c) => c.notNull().check(sql`amount_vnd > 0`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'paid', 'failed', 'cancelled')`),
    )
    // 1 when this payment recorded the dossier's fee; a paid payment with 0 found the fee already recorded or the
    // dossier ended, and must be refunded by hand (the staff page says so).
    .addColumn('fee_recorded', 'integer', flag('fee_recorded'))
    .addColumn('created_at', instant, (c) => c.notNull())
    // When the gateway says the money was taken.
    .addColumn('paid_at', instant)
    // When congxa accepted the notification that settled the payment (paid, failed or cancelled).
    .addColumn('notified_at', instant)
    // The verified notification's raw body, as received (JSON for the sandbox).
    .addColumn('notification', 'text')
    .execute();
  await db.schema
    .createIndex('dossier_payment_dossier')
    .on('dossier_payment')
    .columns(['dossier_id', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_payment').execute();
}
