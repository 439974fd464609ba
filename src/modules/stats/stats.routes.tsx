import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { indicatorRoutes } from './indicators/indicators.routes.js';
import { resultsRoutes } from './public/results.routes.js';
import { statsApiRoutes } from './stats-api.routes.js';

/**
 * Every route of the results of administrative procedures, registered by app.tsx: the public detail page with its
 * lists and exports, the Decision 766 indicators and Circular 01/2018 evaluation, the JSON API.
 */
export function statsRoutes(app: FastifyInstance, deps: Deps): void {
  resultsRoutes(app, deps);
  indicatorRoutes(app, deps);
  statsApiRoutes(app, deps);
}
