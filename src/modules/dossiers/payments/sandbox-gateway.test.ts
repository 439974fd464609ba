import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { paymentPaths } from '../../../http/paths.js';
import { fixedClock } from '../../../platform/clock.js';
import { RESERVED_SLUGS } from '../../units/unit-directory.js';
import type { PaymentRequest } from './payment-gateway.js';
import { SANDBOX_SIGNATURE_HEADER, SandboxPaymentGateway } from './sandbox-gateway.js';

/*
 * The PaymentGateway contract held against the sandbox adapter, without a database: start → the gateway's page with
 * a sealed order; the notification it makes verifies; anything forged, tampered with or malformed does not.
 */

const SECRET = 'a-session-secret-of-more-than-32-characters';
const clock = fixedClock('2026-02-10T03:00:00.000Z');
const gateway = new SandboxPaymentGateway(SECRET, clock);

const request: PaymentRequest = {
  paymentRef: 'TT0123456789ABCDEF0123',
  dossierCode: '000.00.13.H12-260210-0001',
  amountVnd: 10_000,
  description: 'Nộp phí, lệ phí hồ sơ 000.00.13.H12-260210-0001',
  returnUrl: '/tra-cuu-ho-so?ma=000.00.13.H12-260210-0001',
  notifyUrl: paymentPaths.notify('sandbox'),
};

const orderOf = (redirectUrl: string) => new URL(redirectUrl, 'http://x').searchParams.get('don');

describe('SandboxPaymentGateway', () => {
  it('is clearly named, and says it is a sandbox', () => {
    expect(gateway.name).toBe('sandbox');
    expect(gateway.label).toBe('THANH TOÁN THỬ NGHIỆM');
    expect(gateway.sandbox).toBe(true);
    // Its page lives at the site root: no unit may take the path's first segment as its slug.
    expect(RESERVED_SLUGS.has('thanh-toan-thu-nghiem')).toBe(true);
  });

  it('starts by sending the citizen to its own page, carrying the order sealed', async () => {
    const started = await gateway.start(request);
    expect(started.paymentRef).toBe(request.paymentRef);
    expect(started.redirectUrl.startsWith(`/thanh-toan-thu-nghiem/${request.paymentRef}?don=`)).toBe(true);
    expect(gateway.open(request.paymentRef, orderOf(started.redirectUrl))).toEqual(request);
  });

  it('refuses an order that was changed, is for another payment, or was sealed with another key', async () => {
    const token = orderOf((await gateway.start(request)).redirectUrl)!;
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...request, amountVnd: 1 }), // a cheaper fee, same seal
    ).toString('base64url');
    expect(gateway.open(request.paymentRef, `${forged}.${mac}`)).toBeNull();
    expect(gateway.open('TT0000000000000000000000', token)).toBeNull();
    expect(gateway.open(request.paymentRef, `${payload}.${mac}.x`)).toBeNull();
    expect(gateway.open(request.paymentRef, undefined)).toBeNull();
    const other = new SandboxPaymentGateway('another-session-secret-of-32-characters!', clock);
    expect(other.open(request.paymentRef, token)).toBeNull();
    // A return path off the site is never sealed into a working order.
    const offSite = other.seal({ ...request, returnUrl: 'https://evil.example/' });
    expect(other.open(request.paymentRef, offSite)).toBeNull();
  });

  it('makes notifications that verify: paid with the time, cancelled without', () => {
    const paid = gateway.notification(request, 'paid');
    expect(paid.headers[SANDBOX_SIGNATURE_HEADER]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const v = gateway.verifyNotification(paid.body, paid.headers);
    expect(v).toEqual({
      ok: true,
      notification: {
        paymentRef: request.paymentRef,
        status: 'paid',
        amountVnd: 10_000,
        paidAt: new Date('2026-02-10T03:00:00.000Z'),
        gatewayTransaction: expect.stringMatching(/^SBX[0-9A-F]{12}$/) as unknown,
      },
    });
    const cancelled = gateway.notification(request, 'cancelled');
    const c = gateway.verifyNotification(cancelled.body, cancelled.headers);
    expect(c.ok && c.notification.status).toBe('cancelled');
    expect(c.ok && c.notification.paidAt).toBeNull();
  });

  it('refuses a forged, tampered, unsigned or malformed notification', () => {
    const paid = gateway.notification(request, 'paid');
    const bad = { ok: false, reason: 'bad_signature' };
    // Signed with another key.
    const other = new SandboxPaymentGateway('another-session-secret-of-32-characters!', clock);
    const forged = other.notification(request, 'paid');
    expect(gateway.verifyNotification(forged.body, forged.headers)).toEqual(bad);
    // The amount changed after signing.
    const tampered = paid.body.replace('"amountVnd":10000', '"amountVnd":1000');
    expect(tampered).not.toBe(paid.body);
    expect(gateway.verifyNotification(tampered, paid.headers)).toEqual(bad);
    // Re-serialised (spaces added): the signature covers the raw bytes.
    expect(gateway.verifyNotification(JSON.stringify(JSON.parse(paid.body), null, 1), paid.headers)).toEqual(
      bad,
    );
    expect(gateway.verifyNotification(paid.body, {})).toEqual(bad);
    expect(
      gateway.verifyNotification(paid.body, {
        [SANDBOX_SIGNATURE_HEADER]: [paid.headers[SANDBOX_SIGNATURE_HEADER]!, 'sha256=00'],
      }),
    ).toEqual(bad);
    // Signed, but not a notification.
    const malformed = { ok: false, reason: 'malformed' };
    for (const body of [
      'not json',
      JSON.stringify({ ref: request.paymentRef, status: 'paid', amountVnd: 10_000, transactionNo: 'X' }),
      JSON.stringify({
        ref: request.paymentRef,
        status: 'paid',
        amountVnd: 10_000,
        paidAt: null,
        transactionNo: 'X',
      }),
      JSON.stringify({
        ref: request.paymentRef,
        status: 'refunded',
        amountVnd: 10_000,
        paidAt: null,
        transactionNo: 'X',
      }),
      JSON.stringify({
        ref: request.paymentRef,
        status: 'cancelled',
        amountVnd: -5,
        paidAt: null,
        transactionNo: 'X',
      }),
    ]) {
      expect(gateway.verifyNotification(body, gateway.sign(body)), body).toEqual(malformed);
    }
  });
});

describe('PAYMENT_GATEWAY', () => {
  it('defaults to the sandbox in development and test, and to off in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).payments.gateway).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'test' }).payments.gateway).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'production' }).payments.gateway).toBe('off');
    expect(loadConfig({}).payments.gateway).toBe('sandbox'); // NODE_ENV defaults to development
  });

  it('may be set either way, and nothing else', () => {
    expect(loadConfig({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'sandbox' }).payments.gateway).toBe(
      'sandbox',
    );
    expect(loadConfig({ NODE_ENV: 'test', PAYMENT_GATEWAY: 'off' }).payments.gateway).toBe('off');
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'vnpay' })).toThrow(/PAYMENT_GATEWAY: must be sandbox or off/);
  });
});
