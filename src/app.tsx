import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from './deps.js';
import { handleError, handleNotFound } from './http/error-handler.js';
import { ErrorPages } from './http/error-pages.js';
import { assetPaths } from './http/paths.js';
import { render } from './http/render.js';
import './http/request-context.js';
import { setUnitPrefix, unitPrefix } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { adminRoutes } from './modules/portal/admin/admin.routes.js';
import { mediaRoutes } from './modules/portal/media.routes.js';
import { publicRoutes } from './modules/portal/public/public.routes.js';
import { RESERVED_SLUGS } from './modules/units/unit-directory.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { ErrorPage } from './web/components/ErrorPage.js';
import { common } from './web/messages.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export type UploadedFile = { filename: string; mimetype: string; data: Buffer };

/** Builds the HTTP application from its dependencies. No listen(), no environment reads. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config, directory, csrf } = deps;
  const https = config.http.publicUrl?.startsWith('https://') ?? false;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.http.trustProxy,
    bodyLimit: config.uploads.maxBytes + 1024 * 1024,
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
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(req, reply, https);
    const prefix = unitPrefix(req.raw);
    req.site = directory.resolve(req.headers.host, prefix);
    // The default unit lives at '/': its slug prefix is a second address for the same pages, so send it home.
    if (prefix && req.site?.basePath === `/${prefix}` && directory.basePathOf(req.site.unit) === '') {
      return reply.redirect(req.url, 301);
    }
  });

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: config.uploads.maxBytes, files: 5, fields: 50 },
    async onFile(part) {
      const file: UploadedFile = {
        filename: part.filename,
        mimetype: part.mimetype,
        data: await part.toBuffer(),
      };
      (part as unknown as { value: UploadedFile }).value = file; // keyValues puts part.value into the body
    },
  });
  await app.register(fastifyStatic, { root: join(here, 'web/static'), prefix: '/static/', maxAge: '1h' });
  await app.register(fastifyStatic, {
    root: dirname(require.resolve('trix/dist/trix.css')),
    prefix: '/static/vendor/trix/',
    decorateReply: false,
    maxAge: '1d',
  });

  // CSRF on every form post. /api/ uses bearer tokens (no cookies), so it is not exposed to CSRF.
  app.addHook('preHandler', async (req, reply) => {
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (unsafe && !req.url.startsWith('/api/') && !csrf.verify(req)) {
      reply.code(403);
      return render(
        reply,
        <ErrorPage
          status={403}
          title={common.errors.csrfTitle}
          message={common.errors.csrfBody}
          homeHref="/"
        />,
      );
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
    accountRoutes(scope, deps);
    unitRoutes(scope, deps);
    adminRoutes(scope, deps);
    mediaRoutes(scope, deps);
    calendarRoutes(scope, deps);
    publicRoutes(scope, deps);
  });

  app.addHook('onClose', async () => {
    await deps.portal.close();
  });
  return app;
}
