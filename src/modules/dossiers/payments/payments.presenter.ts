import { formatDateTime } from '../../../platform/time.js';
import { formatVnd } from '../../procedures/procedures.presenter.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { PaymentGateway } from './payment-gateway.js';
import { publicFeeState } from './payment-rules.js';
import { paymentMessages as m } from './payments.messages.js';
import type { PaymentRow } from './payments.repository.js';

/** The fee on the public look-up: paid (no amount), or due with the button that starts paying online. */
export type LookupFeeView =
  | { state: 'paid'; label: string; text: string }
  | {
      state: 'payable';
      label: string;
      text: string;
      action: string;
      code: string;
      button: string;
      hint: string | null;
      csrfToken: string;
    };

/**
 * The look-up's fee line of a dossier, or null when it shows none (no fee, or a fee not payable online and not
 * paid). `csrfToken` is asked for only when the button is shown (it may set the CSRF cookie).
 */
export function lookupFeeView(
  d: Pick<DossierRow, 'code' | 'status' | 'receivedAt' | 'feeVnd' | 'feePaidAt'>,
  gateway: Pick<PaymentGateway, 'sandbox'> | null,
  startAction: string,
  csrfToken: () => string,
): LookupFeeView | null {
  const state = publicFeeState(d, gateway !== null);
  if (state === 'paid') {
    return { state, label: m.lookup.fee, text: m.lookup.paid };
  }
  if (state === 'payable' && gateway !== null && d.code !== null) {
    return {
      state,
      label: m.lookup.fee,
      text: m.lookup.due,
      action: startAction,
      code: d.code,
      button: m.lookup.payButton(gateway.sandbox),
      hint: gateway.sandbox ? m.lookup.sandboxHint : null,
      csrfToken: csrfToken(),
    };
  }
  return null;
}

/** The names people see of the gateways congxa has adapters for; a payment of another shows its stored name. */
const GATEWAY_LABELS: Readonly<Record<string, string>> = { sandbox: m.sandbox.label };

/** A payment as one line of the staff page: reference, amount, status (and a refund warning), time, gateway. */
export function staffPaymentLine(p: PaymentRow): string {
  const s = m.staff;
  const at = formatDateTime(p.paidAt ?? p.notifiedAt ?? p.createdAt);
  const status =
    p.status === 'paid' && p.feeRecorded === 0 ? `${s.status.paid}, ${s.unapplied}` : s.status[p.status];
  return `${s.line(p.ref, formatVnd(p.amountVnd), status, at)} — ${GATEWAY_LABELS[p.gateway] ?? p.gateway}`;
}
