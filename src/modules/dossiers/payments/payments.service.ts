/**
 * Online payment of dossier fees (issue #3 item 4; Decree 61/2018 Art. 22), over one PaymentGateway.
 *
 * Public interface:
 * - `gateway`: the configured adapter, or null when PAYMENT_GATEWAY=off.
 * - `start(code, urls)` → where to send the citizen: a pending payment of the dossier's fee, registered with the
 *   gateway. NotFoundError when payments are off or the code is unknown, ConflictError when no fee is due online.
 * - `receive(gatewayName, rawBody, headers)` → what a notification did. It is verified by the gateway on its raw
 *   bytes first; a verified 'paid' records the fee on the dossier as the gateway (no person), in one transaction with
 *   its event and audit rows, once however many times it arrives; an amount other than the one asked is refused.
 * - `forDossier(id)`: the payments staff see on the dossier page.
 */
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db, Tx } from '../../../platform/db.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import type { DossierRepository } from '../dossiers.repository.js';
import type { NotificationHeaders, PaymentGateway, VerifiedNotification } from './payment-gateway.js';
import { feeDueOnline, RECORDABLE_STATUSES } from './payment-rules.js';
import { paymentMessages as m } from './payments.messages.js';
import type { PaymentRepository, PaymentRow } from './payments.repository.js';

type Deps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  gateway: PaymentGateway | null;
  dossiers: DossierRepository;
  repo: PaymentRepository;
};

/**
 * What a notification did. 'recorded': the fee is now on the dossier. 'paid_unapplied': paid, but the dossier's fee
 * was already recorded or the dossier has ended (staff refund it). 'duplicate': already settled (a replay, or the
 * second of two at once). 'cancelled', 'failed': settled without money.
 */
export type ReceiveOutcome = 'recorded' | 'paid_unapplied' | 'duplicate' | 'cancelled' | 'failed';

export type ReceiveResult =
  | { ok: true; outcome: ReceiveOutcome; paymentRef: string }
  | {
      ok: false;
      status: 400 | 404;
      error: 'unknown_gateway' | 'invalid_notification' | 'unknown_payment' | 'amount_mismatch';
      message: string;
    };

/** A payment reference: 'TT' and 20 upper-case hex digits (80 random bits), safe in any gateway's order field. */
export const newPaymentRef = (): string => `TT${randomBytes(10).toString('hex').toUpperCase()}`;
export const PAYMENT_REF_PATTERN = /^TT[0-9A-F]{20}$/;

export class PaymentService {
  constructor(private readonly deps: Deps) {}

  get gateway(): PaymentGateway | null {
    return this.deps.gateway;
  }

  /** Starts paying the fee of the dossier `code`: a pending payment, and the gateway's page to send the citizen to. */
  async start(
    code: string,
    urls: { returnUrl: string; notifyUrl: string },
  ): Promise<{ paymentRef: string; redirectUrl: string }> {
    const gateway = this.deps.gateway;
    if (!gateway) {
      throw new NotFoundError('payments_off', m.refusal.off);
    }
    const d = await this.deps.dossiers.byCode(this.deps.db, code);
    if (!d || d.code === null) {
      throw new NotFoundError('dossier_not_found', m.refusal.notFound);
    }
    if (!feeDueOnline(d)) {
      throw new ConflictError('fee_not_due', m.refusal.notDue);
    }
    const amountVnd = d.feeVnd!; // feeDueOnline: a fee of more than 0
    const paymentRef = newPaymentRef();
    const description = m.description(d.code);
    const at = this.deps.clock.now().toISOString();
    const id = await this.deps.repo.insert(this.deps.db, {
      ref: paymentRef,
      unitId: d.unitId,
      dossierId: d.id,
      gateway: gateway.name,
      amountVnd,
      description,
      createdAt: at,
    });
    try {
      return await gateway.start({ paymentRef, dossierCode: d.code, amountVnd, description, ...urls });
    } catch (err) {
      await this.deps.repo.markStartFailed(this.deps.db, id, this.deps.clock.now().toISOString());
      throw err;
    }
  }

  /** Handles a notification the gateway `gatewayName` POSTed (the route passes the raw body and the headers). */
  async receive(gatewayName: string, rawBody: string, headers: NotificationHeaders): Promise<ReceiveResult> {
    const gateway = this.deps.gateway;
    if (!gateway || gateway.name !== gatewayName) {
      return { ok: false, status: 404, error: 'unknown_gateway', message: m.notification.unknownGateway };
    }
    const verdict = gateway.verifyNotification(rawBody, headers);
    if (!verdict.ok) {
      return { ok: false, status: 400, error: 'invalid_notification', message: m.notification.invalid };
    }
    const n = verdict.notification;
    const payment = await this.deps.repo.byRef(this.deps.db, n.paymentRef);
    if (!payment || payment.gateway !== gateway.name) {
      return { ok: false, status: 404, error: 'unknown_payment', message: m.notification.unknownPayment };
    }
    if (n.amountVnd !== payment.amountVnd) {
      return { ok: false, status: 400, error: 'amount_mismatch', message: m.notification.amountMismatch };
    }
    const outcome = await this.deps.db
      .transaction()
      .execute((trx) => this.settle(trx, gateway, payment, n, rawBody));
    return { ok: true, outcome, paymentRef: payment.ref };
  }

  private async settle(
    trx: Tx,
    gateway: PaymentGateway,
    payment: PaymentRow,
    n: VerifiedNotification,
    rawBody: string,
  ): Promise<ReceiveOutcome> {
    const now = this.deps.clock.now();
    const stamp = now.toISOString();
    const paidAt = n.status === 'paid' ? (n.paidAt ?? now).toISOString() : null;
    const settled = await this.deps.repo.settle(trx, payment.id, {
      status: n.status,
      paidAt,
      notifiedAt: stamp,
      notification: rawBody,
    });
    if (!settled) {
      return 'duplicate';
    }
    if (n.status !== 'paid') {
      return n.status;
    }
    const row = await this.deps.dossiers.recordFeeIfDue(
      trx,
      payment.dossierId,
      { vnd: payment.amountVnd, paidAt: paidAt!, paymentRef: payment.ref, at: stamp }, // paid: paidAt set above
      RECORDABLE_STATUSES,
    );
    const source = {
      paymentRef: payment.ref,
      gateway: gateway.name,
      gatewayTransaction: n.gatewayTransaction,
      via: 'payment_gateway',
    };
    if (!row) {
      await this.deps.audit.append(trx, {
        at: now,
        actor: null,
        unitId: payment.unitId,
        action: 'dossier.payment_unapplied',
        entity: 'dossier',
        entityId: payment.dossierId,
        after: { feeVnd: payment.amountVnd, ...source },
      });
      return 'paid_unapplied';
    }
    await this.deps.repo.markFeeRecorded(trx, payment.id);
    await this.deps.dossiers.appendEvent(trx, {
      dossierId: row.id,
      at: stamp,
      actorId: null,
      actorName: m.eventActor(gateway.label),
      action: 'record_fee',
      fromStatus: row.status,
      toStatus: row.status,
      reason: null,
      dueAt: row.dueAt,
      data: JSON.stringify({ feeVnd: payment.amountVnd, feeMethod: 'online', ...source }),
    });
    await this.deps.audit.append(trx, {
      at: now,
      actor: null,
      unitId: row.unitId,
      action: 'dossier.record_fee',
      entity: 'dossier',
      entityId: row.id,
      before: { feePaidVnd: null },
      after: { feePaidVnd: payment.amountVnd, feeMethod: 'online', ...source },
    });
    return 'recorded';
  }

  /** The payments of a dossier, oldest first (the staff page). */
  forDossier(dossierId: number): Promise<PaymentRow[]> {
    return this.deps.repo.forDossier(this.deps.db, dossierId);
  }

  byRef(ref: string): Promise<PaymentRow | undefined> {
    return this.deps.repo.byRef(this.deps.db, ref);
  }
}
