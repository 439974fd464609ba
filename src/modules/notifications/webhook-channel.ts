import { createHmac } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import { ChannelError, type Channel } from './channel.js';
import { normalisePhone, type Delivery } from './notifications.model.js';
import { unaccent } from './unaccent.js';

export const SIGNATURE_HEADER = 'x-congxa-signature';
export const TIMESTAMP_HEADER = 'x-congxa-timestamp';
export const DELIVERY_HEADER = 'x-congxa-delivery';

/** The JSON body POSTed to an SMS gateway or Zalo OA adapter (docs/notifications.md, "Webhook payload"). */
export type WebhookPayload = {
  /** The outbox row's id: the same on every retry, so the receiver can drop duplicates. */
  id: number;
  channel: 'sms' | 'zalo';
  kind: Delivery['kind'];
  /** A phone number as 84xxxxxxxxx, or (Zalo) the OA's user id. */
  to: string;
  text: string;
  /** The same text without diacritics, for gateways that send 7-bit SMS. */
  textUnaccented: string;
  params: Readonly<Record<string, string>> | null;
  unitId: number;
  dossierId: number | null;
  createdAt: string;
};

/** The signature of a request: HMAC-SHA256 over "<timestamp>.<raw body>", hex, prefixed "sha256=". */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Replies that mean the message itself is wrong: retrying the same request cannot succeed. */
const PERMANENT = new Set([400, 404, 410, 413, 422]);

/**
 * SMS and Zalo through an HTTP adapter: the gateway (a telecom's brandname SMS API, the Zalo OA / ZNS API) lies
 * outside congxa; a small service at the configured URL receives this signed JSON and calls it. 2xx is success.
 */
export class WebhookChannel implements Channel {
  constructor(
    private readonly deps: {
      channel: 'sms' | 'zalo';
      url: string;
      secret: string;
      clock: Clock;
      timeoutMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async send(msg: Delivery): Promise<void> {
    const { url, secret, clock, channel } = this.deps;
    const timeoutMs = this.deps.timeoutMs ?? 10_000;
    const payload: WebhookPayload = {
      id: msg.id,
      channel,
      kind: msg.kind,
      to: normalisePhone(msg.recipient) ?? msg.recipient,
      text: msg.text,
      textUnaccented: unaccent(msg.text),
      params: msg.params,
      unitId: msg.unitId,
      dossierId: msg.dossierId,
      createdAt: msg.createdAt,
    };
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    let res: Response;
    try {
      res = await (this.deps.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
          [DELIVERY_HEADER]: String(msg.id),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: Error };
      const why =
        e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.message ?? e.message);
      throw new ChannelError(`${channel} webhook: ${why}`);
    }
    const answer = (await res.text().catch(() => '')).slice(0, 300);
    if (!res.ok) {
      throw new ChannelError(
        `${channel} webhook: HTTP ${res.status}${answer ? ` ${answer}` : ''}`,
        PERMANENT.has(res.status),
      );
    }
  }
}
