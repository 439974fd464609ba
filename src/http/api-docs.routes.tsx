import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { ApiDocsPage } from './ApiDocsPage.js';
import { API_DESCRIPTIONS } from './openapi-registry.js';
import { buildOpenApiDocument } from './openapi.js';
import { apiPaths } from './paths.js';
import { renderDocument } from './render.js';

/** Five minutes: the document changes only with a new release. */
const CACHE = 'public, max-age=300';

/**
 * GET /api/openapi.json (the OpenAPI 3.1 document) and GET /api/docs (the same, as an HTML page). Both are built
 * once, when the app starts: they depend only on the code and on PUBLIC_URL.
 */
export function apiDocsRoutes(app: FastifyInstance, deps: Pick<Deps, 'version' | 'config'>): void {
  const doc = buildOpenApiDocument({
    version: deps.version,
    publicUrl: deps.config.http.publicUrl,
    descriptions: API_DESCRIPTIONS,
  });
  const json = JSON.stringify(doc);
  const html = renderDocument(<ApiDocsPage doc={doc} jsonHref={apiPaths.openApi()} />);

  app.get(apiPaths.openApi(), async (_req, reply) =>
    reply.type('application/json; charset=utf-8').header('cache-control', CACHE).send(json),
  );
  app.get(apiPaths.docs(), async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', CACHE).send(html),
  );
}
