import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';

/** The public detail page of the results (issue #4 items 1, 3, 4, 7): to be written. */
export function resultsRoutes(_app: FastifyInstance, _deps: Deps): void {}
