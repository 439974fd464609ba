import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { paymentPaths } from '../../../http/paths.js';
import type { Clock } from '../../../platform/clock.js';
import {
  headerOf,
  type NotificationHeaders,
  type NotificationVerdict,
  type PaymentGateway,
  type PaymentOutcome,
  type PaymentRequest,
  type StartedPayment,
} from './payment-gateway.js';
import { paymentMessages } from './payments.messages.js';

/** The header that carries the sandbox's signature: `sha256=` + hex HMAC-SHA256 of the raw body. */
export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

/** An order as the sandbox's page carries it, sealed (HMAC) so that nobody changes the amount or the return path. */
export type SandboxOrder = Pick<
  PaymentRequest,
  'paymentRef' | 'dossierCode' | 'amountVnd' | 'description' | 'returnUrl' | 'notifyUrl'
>;

/** A notification ready to POST: the exact bytes and the headers a gateway would send. */
export type SignedNotification = { body: string; headers: Record<string, string> };

const OrderJson = z.object({
  paymentRef: z.string().min(1).max(40),
  dossierCode: z.string().min(1).max(40),
  amountVnd: z.number().int().positive(),
  description: z.string().max(500),
  // Paths on this site only: the sandbox never sends a browser or a notification elsewhere.
  returnUrl: z.string().regex(/^\/(?![/\\])/),
  notifyUrl: z.string().regex(/^\/api\/payments\/sandbox\/notify$/),
});

const NotificationJson = z.object({
  ref: z.string().min(1).max(40),
  status: z.enum(['paid', 'failed', 'cancelled']),
  amountVnd: z.number().int().positive(),
  paidAt: z.iso.datetime().nullable(),
  transactionNo: z.string().min(1).max(40),
});

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The sandbox's two keys, derived from the session secret (HKDF): one seals orders, one signs notifications. */
export function sandboxKeys(secret: string): { order: Buffer; notify: Buffer } {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'congxa', info, 32));
  return {
    order: derive('congxa sandbox payment: order'),
    notify: derive('congxa sandbox payment: notification'),
  };
}

/**
 * THANH TOÁN THỬ NGHIỆM: a payment gateway that takes no money, for development, tests and demonstrations. It
 * behaves as an outside gateway would: `start` sends the citizen to its own page (/thanh-toan-thu-nghiem/<ref>,
 * payments.routes.tsx) carrying the sealed order; the page's "Thanh toán" and "Hủy" buttons make the signed
 * notification (`notification`) that the page then POSTs to the notification endpoint, where `verifyNotification`
 * checks it like any gateway's. Never enable it where real fees are due (PAYMENT_GATEWAY=off is the production
 * default).
 */
export class SandboxPaymentGateway implements PaymentGateway {
  readonly name = 'sandbox';
  readonly label = paymentMessages.sandbox.label;
  readonly sandbox = true;
  private readonly keys: { order: Buffer; notify: Buffer };

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.keys = sandboxKeys(secret);
  }

  start(request: PaymentRequest): Promise<StartedPayment> {
    return Promise.resolve({
      paymentRef: request.paymentRef,
      redirectUrl: paymentPaths.sandboxPage(request.paymentRef, this.seal(request)),
    });
  }

  /** The order as a URL-safe token: base64url JSON, a dot, base64url HMAC. */
  seal(request: PaymentRequest | SandboxOrder): string {
    const order: SandboxOrder = {
      paymentRef: request.paymentRef,
      dossierCode: request.dossierCode,
      amountVnd: request.amountVnd,
      description: request.description,
      returnUrl: request.returnUrl,
      notifyUrl: request.notifyUrl,
    };
    const payload = Buffer.from(JSON.stringify(order)).toString('base64url');
    return `${payload}.${hmac(this.keys.order, payload).toString('base64url')}`;
  }

  /** The order a page or form carries, when its seal holds and it is for `ref`; else null. */
  open(ref: string, token: unknown): SandboxOrder | null {
    if (typeof token !== 'string' || token.length > 4000) {
      return null;
    }
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) {
      return null;
    }
    if (!sameBytes(hmac(this.keys.order, payload), Buffer.from(mac, 'base64url'))) {
      return null;
    }
    try {
      const order = OrderJson.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      return order.success && order.data.paymentRef === ref ? order.data : null;
    } catch {
      return null;
    }
  }

  /** What the sandbox POSTs to the notification endpoint when the citizen pays or cancels on its page. */
  notification(order: SandboxOrder, outcome: PaymentOutcome): SignedNotification {
    const body = JSON.stringify({
      ref: order.paymentRef,
      status: outcome,
      amountVnd: order.amountVnd,
      paidAt: outcome === 'paid' ? this.clock.now().toISOString() : null,
      transactionNo: `SBX${randomBytes(6).toString('hex').toUpperCase()}`,
    });
    return { body, headers: this.sign(body) };
  }

  /** The headers that sign `body` (also used by tests to sign a body of their own making). */
  sign(body: string): Record<string, string> {
    return {
      'content-type': 'application/json; charset=utf-8',
      [SANDBOX_SIGNATURE_HEADER]: `sha256=${hmac(this.keys.notify, body).toString('hex')}`,
    };
  }

  verifyNotification(rawBody: string, headers: NotificationHeaders): NotificationVerdict {
    const given = /^sha256=([0-9a-f]{64})$/.exec(headerOf(headers, SANDBOX_SIGNATURE_HEADER) ?? '');
    if (!given?.[1] || !sameBytes(hmac(this.keys.notify, rawBody), Buffer.from(given[1], 'hex'))) {
      return { ok: false, reason: 'bad_signature' };
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const n = NotificationJson.safeParse(json);
    if (!n.success || (n.data.status === 'paid') !== (n.data.paidAt !== null)) {
      return { ok: false, reason: 'malformed' };
    }
    return {
      ok: true,
      notification: {
        paymentRef: n.data.ref,
        status: n.data.status,
        amountVnd: n.data.amountVnd,
        paidAt: n.data.paidAt === null ? null : new Date(n.data.paidAt),
        gatewayTransaction: n.data.transactionNo,
      },
    };
  }
}
