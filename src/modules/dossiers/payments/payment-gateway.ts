/**
 * The online-payment adapter (issue #3 item 4; Decree 61/2018 Art. 22: fees may be paid online through the one-stop
 * system's payment function). A gateway takes the citizen's money on its own pages and tells congxa the outcome in a
 * signed server-to-server notification. congxa ships one adapter, `SandboxPaymentGateway` (sandbox-gateway.ts), which
 * takes no money and labels every page "THANH TOÁN THỬ NGHIỆM"; a real gateway (VNPay, the national DVC payment
 * platform) is added by implementing this interface (docs/dossiers.md, "Fees and payments").
 *
 * The flow: PaymentService.start stores a pending payment with our reference and asks `start` where to send the
 * citizen; the gateway later POSTs its notification to `notifyUrl`; the route hands the raw body and headers to
 * `verifyNotification`, and only a verified notification reaches the database.
 */

/** What congxa asks the gateway to collect. */
export type PaymentRequest = {
  /** Ours, random and unique (dossier_payment.ref): the gateway's order reference. */
  paymentRef: string;
  dossierCode: string;
  /** Whole đồng, more than 0. */
  amountVnd: number;
  /** What the citizen's bank statement or the gateway's page shows (Vietnamese; fold it if the gateway wants ASCII). */
  description: string;
  /** A path on this site where the gateway sends the citizen back (the dossier's look-up). */
  returnUrl: string;
  /** Where the gateway POSTs its notification: /api/payments/<gateway name>/notify. */
  notifyUrl: string;
};

export type StartedPayment = {
  paymentRef: string;
  /** Where to send the citizen's browser (303) to pay: the gateway's page. */
  redirectUrl: string;
};

/** The outcome a gateway reports. 'cancelled': the citizen gave up on the gateway's page; 'failed': it refused. */
export type PaymentOutcome = 'paid' | 'failed' | 'cancelled';

export type VerifiedNotification = {
  paymentRef: string;
  status: PaymentOutcome;
  /** The amount the gateway took (paid) or was asked for. */
  amountVnd: number;
  /** When the gateway took the money; null unless paid. */
  paidAt: Date | null;
  /** The gateway's own transaction number, for reconciliation. */
  gatewayTransaction: string | null;
};

/** Why a notification was not believed: its signature does not match, or it does not say what a notification says. */
export type InvalidNotification = { ok: false; reason: 'bad_signature' | 'malformed' };

export type NotificationVerdict = { ok: true; notification: VerifiedNotification } | InvalidNotification;

/** Request headers as Node gives them (lower-case names). */
export type NotificationHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface PaymentGateway {
  /** Stable, lower-case: stored on each payment and part of the notification URL. */
  readonly name: string;
  /** What people see: on the look-up button and the staff page. */
  readonly label: string;
  /** True for an adapter that takes no money: its button and pages say "thử nghiệm". */
  readonly sandbox: boolean;
  /** Registers the order with the gateway when it needs that, and says where to send the citizen. */
  start(request: PaymentRequest): Promise<StartedPayment>;
  /**
   * Checks a notification on its raw bytes (the signature covers them, not a re-serialisation) and reads it. Pure:
   * no database, no network; replay protection is the payment's status (PaymentService), not the gateway's job.
   */
  verifyNotification(rawBody: string, headers: NotificationHeaders): NotificationVerdict;
}

/** A header's single value (a repeated header is not believed). */
export function headerOf(headers: NotificationHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
}
