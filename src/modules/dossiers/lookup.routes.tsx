import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { paymentPaths, portalPaths } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { siteOf } from '../../http/site.js';
import { TooManyRequestsError } from '../../platform/errors.js';
import { portalShellBuilder } from '../portal/public/portal-shell.js';
import type { DossierRow } from './dossiers.repository.js';
import { LOOKUP_RATE, TokenBuckets } from './lookup-limiter.js';
import { lookupMessages as m } from './lookup.messages.js';
import {
  API_DOSSIER_ROUTE,
  parseLookupCode,
  publicDossierJson,
  toLookupResultView,
  toPublicDossier,
  type PublicDossier,
} from './lookup.presenter.js';
import { lookupFeeView } from './payments/payments.presenter.js';
import { LookupPage, type LookupPageView } from './views/LookupPage.js';

/** The longest input the page echoes back into the form. */
const KEPT_INPUT_CHARS = 100;

/**
 * The public look-up (issue #3 item 5): the page /tra-cuu-ho-so?ma=<code> in the unit's portal (the receipt's QR
 * code opens it) and GET /api/v1/dossiers/<code> at the site root, both with the same public view
 * (lookup.presenter.ts). Codes are national: a dossier of another unit is shown on any unit's portal, with the name
 * of the unit that received it. Look-ups share one token bucket per IP address (30 a minute): codes are guessable.
 */
export function lookupRoutes(app: FastifyInstance, deps: Deps): void {
  const shellOf = portalShellBuilder(app, deps);
  const buckets = new TokenBuckets(LOOKUP_RATE.capacity, LOOKUP_RATE.periodMs);
  const waitFor = (req: FastifyRequest) => buckets.take(req.ip, deps.clock.now().getTime());

  async function find(code: string): Promise<{ row: DossierRow; view: PublicDossier } | undefined> {
    const d = await deps.dossiers.service.byCode(code);
    const unit = d ? deps.directory.get(d.unitId) : undefined;
    if (!d || d.code === null || !unit) {
      return undefined;
    }
    const events = await deps.dossiers.service.events(d.id);
    return { row: d, view: toPublicDossier({ ...d, code: d.code }, events, unit) };
  }

  app.get(portalPaths.dossierLookup(''), async (req, reply) => {
    const site = siteOf(req);
    const raw = (req.query as Record<string, unknown>).ma;
    const view: LookupPageView = {
      action: portalPaths.dossierLookup(site.basePath),
      value: typeof raw === 'string' ? raw.slice(0, KEPT_INPUT_CHARS) : '',
      errors: {},
      result: null,
      fee: null,
    };
    let status = 200;
    if (raw !== undefined) {
      const wait = waitFor(req);
      const parsed = parseLookupCode(raw);
      if (wait > 0) {
        status = 429;
        reply.header('retry-after', String(wait));
        view.errors = { ma: m.field.tooMany(wait) };
      } else if (!parsed.ok) {
        status = 400;
        view.errors = { ma: parsed.reason === 'empty' ? m.field.empty : m.field.malformed };
      } else {
        const found = await find(parsed.code);
        if (found) {
          view.result = toLookupResultView(found.view);
          // Paid, or payable online now (docs/dossiers.md, "Fees and payments"); never the amount.
          view.fee = lookupFeeView(
            found.row,
            deps.payments.service.gateway,
            paymentPaths.start(site.basePath),
            () => deps.csrf.tokenFor(req, reply),
          );
        } else {
          status = 404;
          view.errors = { ma: m.field.notFound(parsed.code) };
        }
      }
    }
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);
    const href = portalPaths.dossierLookup(site.basePath);
    const shell = await shellOf(
      req,
      site,
      { title: m.page.title, path: href, noIndex: raw !== undefined },
      href,
    );
    return render(
      reply.code(status).header('cache-control', raw === undefined ? 'no-cache' : 'no-store'),
      <LookupPage shell={shell} view={view} />,
    );
  });

  app.get(API_DOSSIER_ROUTE, async (req, reply: FastifyReply) => {
    const wait = waitFor(req);
    if (wait > 0) {
      throw new TooManyRequestsError('rate_limited', m.api.tooMany, wait);
    }
    const parsed = parseLookupCode((req.params as { code: string }).code);
    if (!parsed.ok) {
      const message = parsed.reason === 'empty' ? m.field.empty : m.field.malformed;
      return reply.code(400).send({ error: 'invalid_code', message, field: 'code' });
    }
    const found = await find(parsed.code);
    if (!found) {
      return reply
        .code(404)
        .send({ error: 'dossier_not_found', message: m.field.notFound(parsed.code), field: 'code' });
    }
    return reply.header('cache-control', 'no-store').send(publicDossierJson(found.view));
  });
}
