import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from './deps.js';
import { apiDocsRoutes } from './http/api-docs.routes.js';
import { isBearerApiRequest, refuseInvalidBearer } from './http/auth.js';
import { refuseCsrf } from './http/csrf-refusal.js';
import { isSignedCallback } from './http/csrf.js';
import { handleError, handleFrameworkError, handleNotFound } from './http/error-handler.js';
import { ErrorPages } from './http/error-pages.js';
import { ApiRouteLog } from './http/openapi.js';
import { assetPaths } from './http/paths.js';
import './http/request-context.js';
import { noStoreForAdmin, refuseNul, refuseNulInUrl } from './http/request-checks.js';
import { setUnitPrefix, unitPrefix } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { Uploads } from './http/uploads.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { adminRoutes } from './modules/portal/admin/admin.routes.js';
import { mediaRoutes } from './modules/portal/media.routes.js';
import { procedureRoutes } from './modules/procedures/procedures.routes.js';
import { publicRoutes } from './modules/portal/public/public.routes.js';
import { fillResultsSlot } from './modules/portal/public/results-slot.js';
import { RESERVED_SLUGS } from './modules/units/unit-directory.js';
import { unitRoutes } from './modules/units/units.routes.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export type { UploadedFile } from './http/uploads.js';

/**
 * Where the default unit's slug prefix sends the browser: the same path at the root. Leading slashes and
 * backslashes (raw or percent-encoded) collapse to one '/', so "/tan-hong//evil.example" cannot become the
 * protocol-relative "//evil.example" (an open redirect).
 */
export function rootPathOf(rest: string): string {
  return `/${rest.replace(/^(?:[/\\]|%2f|%5c)+/i, '')}`;
}

/**
 * Largest urlencoded or JSON body: a page's text (at most 500 000 characters, urlencoded) fits; files never come
 * this way (multipart is read by http/uploads.ts with its own limits), so it need not follow UPLOAD_MAX_MB.
 */
const FORM_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * TRUST_PROXY as Fastify wants it. A hop count n trusts the socket peer and the n - 1 addresses it forwarded for,
 * so req.ip is the address the outermost proxy saw; never "every hop", which would let a client choose its own
 * address in X-Forwarded-For and walk past the per-address sign-in limit. A list of addresses/CIDRs trusts those.
 */
export function trustProxyOption(
  value: false | number | string,
): false | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** Builds the HTTP application from its dependencies. No listen(), no environment reads. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config, directory, csrf } = deps;
  const https = config.http.publicUrl?.startsWith('https://') ?? false;
  const uploads = new Uploads(csrf, config.uploads.maxBytes);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: trustProxyOption(config.http.trustProxy),
    bodyLimit: FORM_BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
    // A URL the router cannot decode (/bai-viet/%ff) or a parameter past maxParamLength: our own error page.
    frameworkErrors: (err, req, reply) => {
      securityHeaders(req, reply, https);
      handleFrameworkError(err, req, reply).catch((failure: unknown) => {
        req.log.error({ err: failure }, 'error page failed');
        reply.raw.destroy();
      });
    },
    // A path that starts with a unit's slug is that unit's portal: strip the prefix here, once, so every route is
    // written for '/' and request.site says which unit it serves (http/request-context.ts).
    rewriteUrl(req) {
      const url = req.url ?? '/';
      const match = /^\/([a-z0-9-]+)(\/.*|\?.*)?$/.exec(url);
      const slug = match?.[1];
      if (slug && !RESERVED_SLUGS.has(slug) && directory.isUnitSlug(slug)) {
        setUnitPrefix(req, slug);
        const rest = match[2] ?? '/';
        return rest.startsWith('?') ? `/${rest}` : rest;
      }
      return url;
    },
  });

  app.decorateRequest('site', undefined);
  app.decorateRequest('cspNonce', '');
  app.decorateRequest('actor', undefined);
  app.decorate('errorPages', new ErrorPages());
  if (config.env === 'production' && !config.http.publicUrl) {
    app.log.warn(
      'PUBLIC_URL is not set: absolute links (canonical, RSS, site maps) are built only for unit hosts and ' +
        'localhost, and pages asked for under any other host name are not cached. Set PUBLIC_URL to the ' +
        "portal's address, e.g. PUBLIC_URL=https://tanhong.example.gov.vn",
    );
  }
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(req, reply, https);
    await refuseNulInUrl(req);
    const prefix = unitPrefix(req.raw);
    req.site = directory.resolve(req.headers.host, prefix);
    // The default unit lives at '/': its slug prefix is a second address for the same pages, so send it home.
    // Temporary (302/307), as the default unit may change; never to anything but a path on this site.
    if (prefix && req.site?.basePath === `/${prefix}` && directory.basePathOf(req.site.unit) === '') {
      const safeMethod = req.method === 'GET' || req.method === 'HEAD';
      return reply.redirect(rootPathOf(req.url), safeMethod ? 302 : 307);
    }
  });
  // An /api/ request with a bearer token must carry a live one: 401 before its body is read (http/auth.ts).
  app.addHook('onRequest', refuseInvalidBearer(deps.accounts));
  app.addHook('onSend', noStoreForAdmin);
  app.addHook('onSend', fillResultsSlot(deps.portal.deps));
  // Before any route is registered: the upload routes' guards are taken from their route options.
  app.addHook('onRoute', uploads.onRoute);
  // Every /api/ route, held against the OpenAPI document by api-docs.routes.test.ts.
  app.decorate('apiRoutes', new ApiRouteLog());
  app.addHook('onRoute', app.apiRoutes.onRoute);

  await app.register(cookie);
  app.addHook(
    'onSend',
    csrf.rotateOnSessionChange((n, v, o) => app.serializeCookie(n, v, o)),
  );
  await app.register(formbody);
  // Multipart bodies are read only by http/uploads.ts, only on the upload routes, only after their role guard and
  // CSRF check passed (onRequest, below); every other route answers a multipart request with 415 unread.
  await app.register(multipart, { throwFileSizeLimit: false });
  app.addHook('onRequest', uploads.gate);
  app.addHook('preValidation', uploads.parse);
  app.addHook('preValidation', refuseNul);
  await app.register(fastifyStatic, { root: join(here, 'web/static'), prefix: '/static/', maxAge: '1h' });
  await app.register(fastifyStatic, {
    root: dirname(require.resolve('trix/dist/trix.css')),
    prefix: '/static/vendor/trix/',
    decorateReply: false,
    maxAge: '1d',
  });

  // CSRF on every unsafe request that may carry cookies. Only an /api/ request that authenticates with a bearer
  // token (no ambient credential for a forged request to borrow) is exempt; a cookie-authenticated /api post is not,
  // and a bearer request is never authenticated by the cookies it may also carry (loadActor, http/auth.ts).
  // A signed server-to-server callback (a payment gateway's notification) is exempt too: see isSignedCallback.
  app.addHook('preHandler', async (req, reply) => {
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (unsafe && !isBearerApiRequest(req) && !isSignedCallback(req) && !csrf.verify(req)) {
      return refuseCsrf(reply);
    }
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  // Browsers ask for /favicon.ico on their own: send them to the SVG icon every layout links to.
  app.get('/favicon.ico', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect(assetPaths.static('favicon.svg'), 301),
  );

  app.get('/healthz', async () => {
    await deps.db.selectFrom('unit').select('id').limit(1).execute();
    return { status: 'ok', db: config.db.dialect, version: deps.version };
  });

  await app.register(async (scope) => {
    apiDocsRoutes(scope, deps);
    accountRoutes(scope, deps);
    unitRoutes(scope, deps);
    adminRoutes(scope, deps);
    mediaRoutes(scope, deps);
    calendarRoutes(scope, deps);
    procedureRoutes(scope, deps);
    dossierRoutes(scope, deps);
    statsRoutes(scope, deps);
    publicRoutes(scope, deps);
  });
  uploads.assertComplete();

  app.addHook('onClose', async () => {
    await deps.portal.close();
  });
  return app;
}
