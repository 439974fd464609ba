import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { HttpError } from '../../../http/http-error.js';
import { dossierPaths, paymentPaths, portalPaths } from '../../../http/paths.js';
import { render } from '../../../http/render.js';
import { siteOf } from '../../../http/site.js';
import { TooManyRequestsError } from '../../../platform/errors.js';
import { formatVnd } from '../../procedures/procedures.presenter.js';
import { TokenBuckets } from '../lookup-limiter.js';
import { lookupMessages } from '../lookup.messages.js';
import { parseLookupCode } from '../lookup.presenter.js';
import type { PaymentOutcome } from './payment-gateway.js';
import { paymentMessages as m } from './payments.messages.js';
import type { SandboxPaymentGateway } from './sandbox-gateway.js';
import { SandboxErrorPage, SandboxPaymentPage } from './views/SandboxPaymentPage.js';

/** Starts one address may make: a few at once, then one every 6 seconds. Each start writes a payment row. */
export const START_RATE = { capacity: 10, periodMs: 60_000 } as const;
/** The largest notification body read: gateways send a few hundred bytes. */
const NOTIFY_MAX_BYTES = 16 * 1024;

const NOTIFY_ROUTE = paymentPaths.notify(':gateway');
const SANDBOX_PAGE_ROUTE = paymentPaths.sandboxPage(':ref');
const SANDBOX_PAY_ROUTE = paymentPaths.sandboxPay(':ref');
const SANDBOX_CANCEL_ROUTE = paymentPaths.sandboxCancel(':ref');

const bodyField = (req: FastifyRequest, name: string): unknown =>
  (req.body as Record<string, unknown> | undefined)?.[name];
const refOf = (req: FastifyRequest): string => (req.params as { ref: string }).ref;

/**
 * Online payment of fees (docs/dossiers.md, "Fees and payments"):
 * - POST /tra-cuu-ho-so/nop-phi (the look-up's button, CSRF): starts a payment and sends the citizen to the gateway;
 * - POST /api/payments/<gateway>/notify: the gateway's server-to-server notification, read as raw bytes, verified by
 *   the gateway's signature (no cookie, no CSRF token: `signedCallback`); JSON answers; 404 for a gateway that is
 *   not the configured one (also when PAYMENT_GATEWAY=off, the only route served then);
 * - the sandbox gateway's own pages, /thanh-toan-thu-nghiem/<ref> with "Thanh toán" and "Hủy" (CSRF), which POST
 *   their signed notification to the endpoint above, in process, exactly as an outside gateway would over HTTP.
 */
export function paymentRoutes(app: FastifyInstance, deps: Deps): void {
  const payments = deps.payments.service;
  const gateway = payments.gateway;

  // Its own scope: the body is read as the raw string the signature covers, whatever its content type.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: NOTIFY_MAX_BYTES },
      (_req, body, done) => {
        done(null, body);
      },
    );
    scope.post(NOTIFY_ROUTE, { config: { signedCallback: true } }, async (req, reply) => {
      const name = (req.params as { gateway: string }).gateway;
      const raw = typeof req.body === 'string' ? req.body : '';
      const r = await payments.receive(name, raw, req.headers);
      reply.header('cache-control', 'no-store');
      if (!r.ok) {
        req.log.warn({ code: r.error, gateway: name }, 'payment notification refused');
        return reply.code(r.status).send({ error: r.error, message: r.message });
      }
      return reply.send({ ok: true, outcome: r.outcome, paymentRef: r.paymentRef });
    });
  });

  if (!gateway) {
    return;
  }
  if (gateway.sandbox && deps.config.env === 'production') {
    app.log.warn(
      'PAYMENT_GATEWAY=sandbox in production: fees can be marked paid without any money taken (THANH TOÁN THỬ NGHIỆM).',
    );
  }
  const buckets = new TokenBuckets(START_RATE.capacity, START_RATE.periodMs);

  app.post(paymentPaths.start(''), async (req, reply) => {
    const site = siteOf(req);
    const wait = buckets.take(req.ip, deps.clock.now().getTime());
    if (wait > 0) {
      throw new TooManyRequestsError('rate_limited', m.refusal.tooMany, wait);
    }
    const parsed = parseLookupCode(bodyField(req, 'ma'));
    if (!parsed.ok) {
      const message = parsed.reason === 'empty' ? lookupMessages.field.empty : lookupMessages.field.malformed;
      throw new HttpError(400, 'invalid_code', message);
    }
    const started = await payments.start(parsed.code, {
      returnUrl: dossierPaths.lookup(site.basePath, parsed.code),
      notifyUrl: paymentPaths.notify(gateway.name),
    });
    return reply.redirect(started.redirectUrl, 303);
  });

  const sandbox = deps.payments.sandbox;
  if (sandbox) {
    sandboxRoutes(app, deps, sandbox);
  }
}

/** The sandbox gateway's pages: THANH TOÁN THỬ NGHIỆM. */
function sandboxRoutes(app: FastifyInstance, deps: Deps, sandbox: SandboxPaymentGateway): void {
  const lookupHome = portalPaths.dossierLookup('');

  const failure = (reply: FastifyReply, status: number, message: string, backHref = lookupHome) =>
    render(
      reply.code(status).header('cache-control', 'no-store'),
      <SandboxErrorPage message={message} backHref={backHref} />,
    );

  app.get(SANDBOX_PAGE_ROUTE, async (req, reply) => {
    const ref = refOf(req);
    const order = sandbox.open(ref, (req.query as Record<string, unknown>).don);
    if (!order) {
      return failure(reply, 400, m.sandbox.badOrder);
    }
    return render(
      reply.header('cache-control', 'no-store'),
      <SandboxPaymentPage
        view={{
          ref,
          dossierCode: order.dossierCode,
          description: order.description,
          amount: m.sandbox.amount(formatVnd(order.amountVnd)),
          order: sandbox.seal(order),
          payAction: paymentPaths.sandboxPay(ref),
          cancelAction: paymentPaths.sandboxCancel(ref),
          csrfToken: deps.csrf.tokenFor(req, reply),
        }}
      />,
    );
  });

  /** Makes the signed notification and POSTs it to the order's notification endpoint, then sends the citizen back. */
  async function deliver(req: FastifyRequest, reply: FastifyReply, outcome: PaymentOutcome) {
    const order = sandbox.open(refOf(req), bodyField(req, 'don'));
    if (!order) {
      return failure(reply, 400, m.sandbox.badOrder);
    }
    const n = sandbox.notification(order, outcome);
    const res = await app.inject({
      method: 'POST',
      url: order.notifyUrl,
      headers: n.headers,
      payload: n.body,
    });
    if (res.statusCode !== 200) {
      req.log.warn({ status: res.statusCode, ref: order.paymentRef }, 'sandbox notification refused');
      return failure(reply, 409, m.sandbox.notifyRefused(res.statusCode), order.returnUrl);
    }
    return reply.redirect(order.returnUrl, 303);
  }

  app.post(SANDBOX_PAY_ROUTE, (req, reply) => deliver(req, reply, 'paid'));
  app.post(SANDBOX_CANCEL_ROUTE, (req, reply) => deliver(req, reply, 'cancelled'));
}
